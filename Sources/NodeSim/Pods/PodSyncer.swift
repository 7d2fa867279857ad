import Foundation
import KubeClient
import KubeModel
import Logging

/// The pod half of a simulated kubelet: reconciles one pod key at a time, level-triggered from the
/// informer's cache. It admits, starts, restarts and resizes containers (through ``PodLifecycle``),
/// writes the status ``PodStatusBuilder`` computes when it differs from the server's, and finishes
/// deletions.
struct PodSyncer: Sendable {
    let client: KubeClient
    let config: NodeSimConfiguration
    let state: SimulatorState
    let pods: Store<Pod>
    let timers: TimerLoop
    let metrics: NodeSimMetrics
    let logger: Logger

    var timing: PodTiming {
        PodTiming(startLatency: config.startLatency, restartLatency: config.restartLatency,
                  crashLoopInterval: config.crashLoopInterval)
    }

    /// Brings the pod at `key` one step closer to what a kubelet would make of it. A pod deleted since
    /// the cache showed it (404) is done with: its delete event follows and forgets it.
    func sync(_ key: String) async throws {
        do {
            try await step(key)
        } catch let error as KubeAPIError where error.isNotFound {
            return
        }
    }

    private func step(_ key: String) async throws {
        guard let pod = await pods.get(key), let nodeName = pod.spec?.nodeName,
            let node = state.activeNode(named: nodeName)
        else {
            state.forget(key)
            updateRunningGauge()
            return
        }
        if let known = state.pod(key), known.uid != (pod.metadata.uid ?? "") || known.nodeName != nodeName {
            state.forget(key)
        }
        if pod.isTerminating {
            try await stop(pod, key: key, node: node)
            return
        }
        if state.pod(key) == nil {
            guard admit(pod, key: key, node: node, now: Date(), timing: timing.slowed(by: node.extraLatency)) != nil
            else { return }
        }
        advance(pod, key: key, node: node)
        try await writeStatus(pod, key: key, node: node)
    }

    /// Moves the admitted pod's containers along to its spec (restarts for a new image, resizes) and
    /// schedules the next look.
    private func advance(_ pod: Pod, key: String, node: NodeRuntime) {
        guard var runtime = state.pod(key), runtime.isAdmitted, runtime.uid == (pod.metadata.uid ?? "") else { return }
        let reserved = runtime.reserved
        let next = PodLifecycle.advance(&runtime, spec: pod.spec, now: Date(), timing: timing.slowed(by: node.extraLatency)) {
            desired in state.checkResize(nodeName: node.name, current: reserved, desired: desired)
        }
        if let next, runtime.nextWake != next {
            runtime.nextWake = next
            timers.schedule(.pod(key), at: next)
        }
        state.store(key, runtime)
        if case .finished(let succeeded) = runtime.phase {
            updateRunningGauge()
            logger.debug("pod finished", metadata: ["pod": "\(key)", "node": "\(node.name)", "succeeded": "\(succeeded)"])
        }
    }

    /// Admission of a pod new to its node; nil for a finished pod that is left alone.
    private func admit(_ pod: Pod, key: String, node: NodeRuntime, now: Date, timing: PodTiming) -> PodRuntime? {
        let phase = pod.status?.phase
        if phase == PodPhase.succeeded || phase == PodPhase.failed { return nil }
        // A pod already running (NodeSim restarted, node taken over) keeps its IP and starts at once.
        let adopting = phase == PodPhase.running
        let preferredHost = adopting ? pod.status?.podIP.flatMap { node.addressing.host(of: $0) } : nil
        var adoptTiming = timing
        if adopting { adoptTiming.startLatency = .zero }
        let runtime = state.admit(
            key: key, pod: pod, nodeName: node.name, request: ResourceAmount.requests(of: pod.spec),
            preferredHost: preferredHost
        ) { host, ip in
            var runtime = PodLifecycle.admit(pod: pod, nodeName: node.name, ipHost: host, podIP: ip, now: now, timing: adoptTiming)
            if adopting { PodLifecycle.carryOver(&runtime, from: pod.status) }
            return runtime
        }
        guard let runtime else { return nil }
        updateRunningGauge()
        switch runtime.phase {
        case .rejected(let rejection):
            logger.info("pod rejected", metadata: ["pod": "\(key)", "node": "\(node.name)", "reason": "\(rejection.reason)"])
        case .admitted:
            logger.debug("pod admitted", metadata: ["pod": "\(key)", "node": "\(node.name)", "ip": "\(runtime.podIP ?? "")"])
        case .stopped, .finished:
            break
        }
        return runtime
    }

    /// The kubelet's part of a deletion: stop the containers (not ready, terminated; phase kept), free
    /// the IP and resources, then delete the pod with grace period 0 and a UID precondition.
    private func stop(_ pod: Pod, key: String, node: NodeRuntime) async throws {
        var runtime = state.stop(key) ?? PodRuntime(
            uid: pod.metadata.uid ?? "", nodeName: node.name, phase: .stopped, ipHost: nil, podIP: nil,
            admittedAt: Date(), startAt: Date(), reserved: .zero, containers: [])
        runtime.phase = .stopped
        state.store(key, runtime)
        updateRunningGauge()
        try await writeStatus(pod, key: key, node: node)
        guard !runtime.deleteSent else { return }
        do {
            try await client.delete(
                Pod.self, name: pod.name, namespace: pod.namespace,
                options: DeleteOptions(gracePeriodSeconds: 0, preconditionUID: pod.metadata.uid))
            logger.debug("pod deleted", metadata: ["pod": "\(key)", "node": "\(node.name)"])
        } catch let error as KubeAPIError where error.isNotFound || error.isConflict {
            // Gone already, or replaced by a pod of the same name.
        }
        state.markDeleteSent(key)
    }

    /// Writes the status the runtime implies when it differs from the server's, with the pod's
    /// resourceVersion; on 409 Conflict it reads the pod again, moves the containers along to what it
    /// reads (a new image starts its restart now, not after another event), and recomputes. A status the server
    /// already stored from the same write is not sent again: a server that drops a field would
    /// otherwise get every write twice (the second a no-op).
    private func writeStatus(_ cached: Pod, key: String, node: NodeRuntime) async throws {
        let hostIP = node.addressing.nodeIP
        var pod = cached
        for attempt in 0..<5 {
            guard let runtime = state.pod(key), runtime.uid == (pod.metadata.uid ?? "") else { return }
            let desired = PodStatusBuilder.status(for: pod, runtime: runtime, hostIP: hostIP, now: Date())
            if desired == pod.status { return }
            if let last = runtime.lastStatusWrite, last.sent == desired, last.stored == pod.status { return }
            var updated = pod
            updated.status = desired
            updated.fillTypeMeta()
            do {
                let stored = try await client.update(Pod.resourceType, try KubeJSON.encodeToValue(updated), subresource: "status")
                metrics.podStatusWritten()
                let storedStatus = stored["status"].flatMap { try? KubeJSON.decode(PodStatus.self, from: $0) }
                state.statusWritten(key, uid: runtime.uid, PodRuntime.StatusWrite(sent: desired, stored: storedStatus))
                logger.trace("pod status written", metadata: ["pod": "\(key)", "status": "\(Self.summary(desired))"])
                return
            } catch let error as KubeAPIError where error.isConflict && attempt < 4 {
                metrics.podStatusConflict()
                pod = try await client.get(Pod.self, name: pod.name, namespace: pod.namespace)
                if !pod.isTerminating { advance(pod, key: key, node: node) }
            } catch let error as KubeAPIError where error.isNotFound {
                return
            }
        }
    }

    /// The conditions and container states of a status, for the trace log.
    private static func summary(_ status: PodStatus) -> String {
        let conditions = (status.conditions ?? []).map { "\($0.type)=\($0.status)" }.joined(separator: ",")
        let containers = (status.containerStatuses ?? []).map { "\($0.name):\($0.image):ready=\($0.ready):restarts=\($0.restartCount)" }
        return "\(status.phase ?? "") [\(conditions)] \(containers.joined(separator: " "))"
    }

    private func updateRunningGauge() {
        metrics.setPodsRunning(state.admittedPods)
    }
}
