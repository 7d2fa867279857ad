import Foundation
import KubeModel
import Synchronization

/// All mutable state of a simulator, behind one lock: the nodes and the pods they run. Every method is
/// short and synchronous; I/O happens outside.
final class SimulatorState: Sendable {
    struct Contents: Sendable {
        var nodes: [NodeRuntime] = []
        var nodeOffsets: [String: Int] = [:]
        /// Pods known to a node, by `namespace/name`.
        var pods: [String: PodRuntime] = [:]
        var admittedCount = 0
    }

    private let contents: Mutex<Contents>

    init(nodes: [NodeRuntime]) {
        var initial = Contents()
        initial.nodes = nodes
        for node in nodes { initial.nodeOffsets[node.name] = node.offset }
        contents = Mutex(initial)
    }

    var nodeNames: [String] { contents.withLock { $0.nodes.map(\.name) } }
    var nodeCount: Int { contents.withLock { $0.nodes.count } }
    var admittedPods: Int { contents.withLock { $0.admittedCount } }

    func node(_ offset: Int) -> NodeRuntime { contents.withLock { $0.nodes[offset] } }

    func offset(of name: String) -> Int? { contents.withLock { $0.nodeOffsets[name] } }

    /// The node when it is one of ours and its kubelet is alive.
    func activeNode(named name: String) -> NodeRuntime? {
        contents.withLock { state in
            guard let offset = state.nodeOffsets[name], state.nodes[offset].isActive else { return nil }
            return state.nodes[offset]
        }
    }

    func isOurs(node name: String?) -> Bool {
        guard let name else { return false }
        return contents.withLock { $0.nodeOffsets[name] != nil }
    }

    func updateNode<R>(_ offset: Int, _ body: (inout NodeRuntime) -> R) -> R {
        contents.withLock { body(&$0.nodes[offset]) }
    }

    func updateNode<R>(named name: String, _ body: (inout NodeRuntime) -> R) -> R? {
        contents.withLock { state in
            guard let offset = state.nodeOffsets[name] else { return nil }
            return body(&state.nodes[offset])
        }
    }

    // MARK: Pods

    func pod(_ key: String) -> PodRuntime? { contents.withLock { $0.pods[key] } }

    func hasPod(_ key: String) -> Bool { contents.withLock { $0.pods[key] != nil } }

    /// Admits `pod` onto `nodeName` or records its rejection; returns the new runtime.
    /// `make` builds the runtime for an admitted pod from the allocated host number.
    func admit(
        key: String, pod: Pod, nodeName: String, request: ResourceAmount, preferredHost: Int?,
        make: (_ host: Int, _ ip: String) -> PodRuntime
    ) -> PodRuntime? {
        contents.withLock { state in
            guard let offset = state.nodeOffsets[nodeName] else { return nil }
            var node = state.nodes[offset]
            let runtime: PodRuntime
            if let rejection = Admission.check(request: request, used: node.used, allocatable: node.allocatable) {
                runtime = PodRuntime(
                    uid: pod.metadata.uid ?? "", nodeName: nodeName, phase: .rejected(rejection), ipHost: nil,
                    podIP: nil, admittedAt: Date(), startAt: Date(), reserved: .zero, containers: [])
            } else {
                var host: Int? = nil
                if let preferredHost, node.pool.claim(preferredHost) { host = preferredHost }
                if host == nil { host = node.pool.allocate() }
                guard let host else {
                    let rejection = Admission.Rejection(
                        resource: "pods", reason: "OutOfpods", message: "Pod was rejected: no free pod IP on node \(nodeName)")
                    state.pods[key] = PodRuntime(
                        uid: pod.metadata.uid ?? "", nodeName: nodeName, phase: .rejected(rejection), ipHost: nil,
                        podIP: nil, admittedAt: Date(), startAt: Date(), reserved: .zero, containers: [])
                    return state.pods[key]
                }
                runtime = make(host, node.addressing.podIP(host: host))
                node.used = node.used + runtime.reserved
                state.admittedCount += 1
            }
            state.nodes[offset] = node
            state.pods[key] = runtime
            return runtime
        }
    }

    /// Stores a runtime after ``PodLifecycle/advance(_:spec:now:timing:resizeVerdict:)``, moving the node's
    /// used resources by the change of its reservation; a pod that finished frees its IP and resources.
    func store(_ key: String, _ runtime: PodRuntime) {
        contents.withLock { state in
            let old = state.pods[key]
            var runtime = runtime
            if var old, old.isAdmitted, !runtime.isAdmitted {
                Self.release(&old, in: &state)
                runtime.ipHost = nil
                runtime.reserved = .zero
            }
            state.pods[key] = runtime
            guard let old, old.isAdmitted, runtime.isAdmitted, old.reserved != runtime.reserved,
                let offset = state.nodeOffsets[runtime.nodeName]
            else { return }
            state.nodes[offset].used = state.nodes[offset].used - old.reserved + runtime.reserved
        }
    }

    /// Notes the status last written for the pod (while it is still the same incarnation).
    func statusWritten(_ key: String, uid: String, _ write: PodRuntime.StatusWrite) {
        contents.withLock { state in
            guard state.pods[key]?.uid == uid else { return }
            state.pods[key]?.lastStatusWrite = write
        }
    }

    /// Frees the pod's IP and resources and marks it stopped (deletion in progress). Returns the runtime.
    @discardableResult
    func stop(_ key: String) -> PodRuntime? {
        contents.withLock { state in
            guard var runtime = state.pods[key] else { return nil }
            Self.release(&runtime, in: &state)
            runtime.phase = .stopped
            state.pods[key] = runtime
            return runtime
        }
    }

    /// Forgets the pod (it is gone from the API or no longer ours), freeing what it held.
    func forget(_ key: String) {
        contents.withLock { state in
            guard var runtime = state.pods.removeValue(forKey: key) else { return }
            Self.release(&runtime, in: &state)
        }
    }

    func markDeleteSent(_ key: String) {
        contents.withLock { $0.pods[key]?.deleteSent = true }
    }

    /// The resize verdict for a pod on `nodeName` going from `current` to `desired` requests.
    func checkResize(nodeName: String, current: ResourceAmount, desired: ResourceAmount) -> Admission.ResizeVerdict {
        contents.withLock { state in
            guard let offset = state.nodeOffsets[nodeName] else { return .fits }
            let node = state.nodes[offset]
            return Admission.checkResize(current: current, desired: desired, used: node.used, allocatable: node.allocatable)
        }
    }

    /// Used resources and IPs of a node (for tests and diagnostics).
    func usage(of name: String) -> (used: ResourceAmount, ips: Int)? {
        contents.withLock { state in
            guard let offset = state.nodeOffsets[name] else { return nil }
            return (state.nodes[offset].used, state.nodes[offset].pool.inUse)
        }
    }

    private static func release(_ runtime: inout PodRuntime, in state: inout Contents) {
        guard runtime.isAdmitted, let offset = state.nodeOffsets[runtime.nodeName] else { return }
        if let host = runtime.ipHost { state.nodes[offset].pool.release(host) }
        state.nodes[offset].used = state.nodes[offset].used - runtime.reserved
        state.admittedCount -= 1
        runtime.ipHost = nil
        runtime.reserved = .zero
    }
}
