import Foundation
import KubeModel

/// The status a kubelet would report for a pod, from what the simulated runtime knows. Pure.
///
/// It starts from the pod's current status so that it never drops what other writers set (conditions of
/// readiness gates, unknown fields); it rewrites only the fields a kubelet owns, and keeps a condition's
/// `lastTransitionTime` while its status does not change. Same inputs give the same status, so the caller
/// writes only when the result differs from what the server has.
public enum PodStatusBuilder {
    /// Condition types the kubelet owns.
    public static let podScheduled = "PodScheduled"
    public static let initialized = "Initialized"
    public static let containersReady = "ContainersReady"
    public static let ready = "Ready"
    public static let resizeInProgress = "PodResizeInProgress"
    public static let resizePending = "PodResizePending"

    /// The status to report at `now`. Before the containers start this is the current status
    /// unchanged (nothing to report yet).
    public static func status(for pod: Pod, runtime: PodRuntime, hostIP: String, now: Date) -> PodStatus {
        var status = pod.status ?? PodStatus()
        let time = KubeTime(whole(now))
        switch runtime.phase {
        case .rejected(let rejection):
            status.phase = PodPhase.failed
            status.reason = rejection.reason
            status.message = rejection.message
            return status
        case .stopped:
            guard let containers = status.containerStatuses, !containers.isEmpty else { return status }
            status.containerStatuses = containers.map { stoppedStatus($0, now: now) }
            setReadiness(&status, pod: pod, containersReady: false, notReady: containers.map(\.name), time: time)
            return status
        case .admitted:
            guard now >= runtime.startAt else { return status }
        case .finished:
            break
        }
        status.phase = PodPhase.running
        status.reason = nil
        status.message = nil
        status.hostIP = hostIP
        if let ip = runtime.podIP {
            status.podIP = ip
            status.podIPs = [PodIP(ip: ip)]
        }
        if status.startTime == nil { status.startTime = KubeTime(whole(runtime.admittedAt)) }
        status.containerStatuses = runtime.containers.map { containerStatus($0, pod: pod, now: now) }
        setCondition(&status, PodCondition(type: podScheduled, status: "True"), time: time)
        setCondition(&status, PodCondition(type: initialized, status: "True"), time: time)
        if case .finished(let succeeded) = runtime.phase {
            finish(&status, pod: pod, succeeded: succeeded, containers: runtime.containers.map(\.name), time: time)
            return status
        }
        let notReady = runtime.containers.filter { !$0.isReady(at: now) }.map(\.name)
        setReadiness(&status, pod: pod, containersReady: notReady.isEmpty, notReady: notReady, time: time)
        switch runtime.resize {
        case .inProgress?:
            setCondition(&status, PodCondition(type: resizeInProgress, status: "True"), time: time)
            removeCondition(&status, resizePending)
        case .pending(let reason, let message, _)?:
            setCondition(&status, PodCondition(type: resizePending, status: "True", reason: reason, message: message), time: time)
            removeCondition(&status, resizeInProgress)
        case nil:
            removeCondition(&status, resizeInProgress)
            removeCondition(&status, resizePending)
        }
        return status
    }

    /// A pod whose containers all exited: its terminal phase; not ready, `PodCompleted` when it succeeded
    /// (the kubelet's reason), its containers named when it failed.
    static func finish(_ status: inout PodStatus, pod: Pod, succeeded: Bool, containers: [String], time: KubeTime) {
        status.phase = succeeded ? PodPhase.succeeded : PodPhase.failed
        removeCondition(&status, resizeInProgress)
        removeCondition(&status, resizePending)
        guard succeeded else {
            setReadiness(&status, pod: pod, containersReady: false, notReady: containers, time: time)
            return
        }
        setCondition(&status, PodCondition(type: containersReady, status: "False", reason: "PodCompleted"), time: time)
        setCondition(&status, PodCondition(type: ready, status: "False", reason: "PodCompleted"), time: time)
    }

    /// The pod's Ready condition: True only when the containers are ready and every readiness gate's
    /// condition is True (the kubelet's rule).
    static func setReadiness(
        _ status: inout PodStatus, pod: Pod, containersReady ready: Bool, notReady: [String], time: KubeTime
    ) {
        let names = notReady.joined(separator: " ")
        if ready {
            setCondition(&status, PodCondition(type: containersReady, status: "True"), time: time)
        } else {
            setCondition(
                &status,
                PodCondition(type: containersReady, status: "False", reason: "ContainersNotReady",
                             message: "containers with unready status: [\(names)]"),
                time: time)
        }
        var readyCondition = PodCondition(type: self.ready, status: "True")
        if !ready {
            readyCondition = PodCondition(
                type: self.ready, status: "False", reason: "ContainersNotReady",
                message: "containers with unready status: [\(names)]")
        } else if let gateMessage = unmetReadinessGates(pod: pod, status: status) {
            readyCondition = PodCondition(type: self.ready, status: "False", reason: "ReadinessGatesNotReady", message: gateMessage)
        }
        setCondition(&status, readyCondition, time: time)
    }

    /// nil when every readiness gate's condition is True; else the kubelet-style message for the first one that is not.
    static func unmetReadinessGates(pod: Pod, status: PodStatus) -> String? {
        for gate in pod.spec?.readinessGates ?? [] {
            guard let condition = status.condition(gate.conditionType) else {
                return "corresponding condition of pod readiness gate \"\(gate.conditionType)\" does not exist."
            }
            if condition.status != "True" {
                return "the status of pod readiness gate \"\(gate.conditionType)\" is not \"True\", but \(condition.status)"
            }
        }
        return nil
    }

    /// Sets a condition in place (appending a new one), keeping `lastTransitionTime` (and `lastProbeTime`)
    /// when its status is unchanged.
    static func setCondition(_ status: inout PodStatus, _ condition: PodCondition, time: KubeTime) {
        var conditions = status.conditions ?? []
        var condition = condition
        if let index = conditions.firstIndex(where: { $0.type == condition.type }) {
            let old = conditions[index]
            condition.lastTransitionTime = old.status == condition.status ? (old.lastTransitionTime ?? time) : time
            condition.lastProbeTime = old.lastProbeTime
            conditions[index] = condition
        } else {
            condition.lastTransitionTime = time
            conditions.append(condition)
        }
        status.conditions = conditions
    }

    static func removeCondition(_ status: inout PodStatus, _ type: String) {
        guard let conditions = status.conditions, conditions.contains(where: { $0.type == type }) else { return }
        status.conditions = conditions.filter { $0.type != type }
    }

    static func containerStatus(_ container: ContainerRuntime, pod: Pod, now: Date) -> ContainerStatus {
        var status = ContainerStatus(
            name: container.name, image: container.image, ready: container.isReady(at: now),
            started: container.isRunning(at: now), restartCount: container.restartCount)
        status.imageID = SimulatedIDs.imageID(container.image)
        status.containerID = SimulatedIDs.containerID(
            podUID: pod.metadata.uid ?? "", container: container.name, restartCount: container.restartCount)
        status.resources = container.resources
        if let terminated = container.terminated {
            status.state = ["terminated": terminatedState(terminated, pod: pod, container: container.name, restartCount: container.restartCount)]
        } else if container.failing && container.restartsOnFailure {
            let podRef = "\(pod.name)_\(pod.namespace ?? "")(\(pod.metadata.uid ?? ""))"
            status.state = [
                "waiting": [
                    "reason": "CrashLoopBackOff",
                    "message": .string("back-off restarting failed container=\(container.name) pod=\(podRef)"),
                ]
            ]
        } else if now < container.startedAt {
            status.state = ["waiting": ["reason": "ContainerCreating"]]
        } else {
            status.state = ["running": ["startedAt": .string(KubeTime(whole(container.startedAt)).description)]]
        }
        if let last = container.lastTermination {
            status.lastState = [
                "terminated": terminatedState(
                    last, pod: pod, container: container.name, restartCount: max(container.restartCount - 1, 0))
            ]
        }
        return status
    }

    /// `state.terminated` (or `lastState.terminated`) of the instance counted `restartCount`.
    static func terminatedState(
        _ termination: ContainerRuntime.Termination, pod: Pod, container: String, restartCount: Int32
    ) -> JSONValue {
        [
            "exitCode": .int(Int64(termination.exitCode)), "reason": .string(termination.reason),
            "startedAt": .string(KubeTime(whole(termination.startedAt)).description),
            "finishedAt": .string(KubeTime(whole(termination.finishedAt)).description),
            "containerID": .string(SimulatedIDs.containerID(
                podUID: pod.metadata.uid ?? "", container: container, restartCount: restartCount)),
        ]
    }

    /// A container the kubelet stopped for a deletion: not ready, terminated.
    static func stoppedStatus(_ old: ContainerStatus, now: Date) -> ContainerStatus {
        var status = old
        status.ready = false
        status.started = false
        if status.state?["terminated"] == nil {
            let startedAt = old.state?["running"]?["startedAt"] ?? .string(KubeTime(whole(now)).description)
            status.state = [
                "terminated": [
                    "exitCode": 0, "reason": "Completed", "startedAt": startedAt,
                    "finishedAt": .string(KubeTime(whole(now)).description),
                ]
            ]
        }
        return status
    }

    /// API times have whole seconds: building them from whole seconds keeps a round trip equal.
    static func whole(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }
}
