import Foundation
import KubeModel
import SteadAPI

/// The next step of a graceful in-place update of one pod, from the pod as it is now. The reconcile loop
/// calls it each time it sees the pod, so a restart of the controller resumes where it stopped.
///
/// Order: readiness gate `stead.dev/InPlaceUpdateReady` False (Services stop sending traffic) -> wait
/// `inPlaceGracePeriodSeconds` -> patch (resourceVersion precondition) and resize -> wait for the kubelet to
/// run the new images/resources and report them ready -> gate True. With no grace period there is nothing
/// to drain: the patch goes out at once, the gate stays True, and the pod counts as ready again only
/// once the kubelet runs its new spec (``Pod/runsItsSpec``).
public enum InPlaceStep: Sendable, Hashable {
    /// Patch `pods/status` with `InPlaceProgress.readinessCondition(ready: false, ...)`.
    case markNotReady
    case waitGracePeriod(remainingSeconds: Int)
    /// Send the plan's `podPatch`, then its `resizePatch` when present.
    case patch
    case waitForKubelet(reason: String)
    /// Patch `pods/status` with `InPlaceProgress.readinessCondition(ready: true, ...)`.
    case markReady
    case done
}

public enum InPlaceProgress {
    public static func nextStep(pod: Pod, updateRevision: String, gracePeriodSeconds: Int, now: Date) -> InPlaceStep {
        let gate = pod.status?.condition(SteadKeys.inPlaceUpdateReady)
        if pod.revisionHash != updateRevision {
            // No grace period: nothing to drain first, the kubelet takes the pod out of Ready itself
            // when it restarts the container.
            if gracePeriodSeconds == 0 { return .patch }
            guard let gate, gate.status == "False" else { return .markNotReady }
            let since = gate.lastTransitionTime?.date ?? now
            let remaining = gracePeriodSeconds - Int(now.timeIntervalSince(since))
            return remaining > 0 ? .waitGracePeriod(remainingSeconds: remaining) : .patch
        }
        if gate?.status == "True" { return .done }
        if let reason = kubeletPending(pod) { return .waitForKubelet(reason: reason) }
        return .markReady
    }

    /// A pod the controller just made needs its gate set True: at once, as it has nothing to drain (the
    /// kubelet still waits for its containers before it reports Ready, and Ready follows them with no
    /// further step). A pod whose gate is False (an in-place update called off) once its kubelet runs
    /// the spec.
    public static func needsGateTrue(_ pod: Pod) -> Bool {
        guard let gate = pod.status?.condition(SteadKeys.inPlaceUpdateReady) else { return true }
        return gate.status != "True" && kubeletPending(pod) == nil
    }

    /// Why the kubelet has not yet caught up with the pod's spec, or nil when every container runs its
    /// spec image, is ready, and no resize is pending.
    static func kubeletPending(_ pod: Pod) -> String? {
        if pod.isTerminating { return "pod is terminating" }
        let statuses = Dictionary(
            (pod.status?.containerStatuses ?? []).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for container in pod.spec?.containers ?? [] {
            guard let status = statuses[container.name] else { return "container \(container.name) has no status" }
            if let image = container.image, !sameImage(image, status.image) {
                return "container \(container.name) runs \(status.image), not \(image)"
            }
            if !status.ready { return "container \(container.name) not ready" }
            if let resource = unappliedResource(spec: container.resources, running: status.resources) {
                return "container \(container.name) runs another \(resource)"
            }
        }
        for type in ["PodResizePending", "PodResizeInProgress"] where pod.status?.condition(type)?.status == "True" {
            return "resize: \(type)"
        }
        if let resize = pod.status?.resize, !resize.isEmpty { return "resize: \(resize)" }
        return nil
    }

    /// The first cpu/memory request or limit the kubelet reports running at another value than the spec
    /// asks (a resize not applied yet), as `requests.cpu`; nil when it reports none or all match.
    static func unappliedResource(spec: ResourceRequirements?, running: ResourceRequirements?) -> String? {
        guard let running else { return nil }
        for resource in ["cpu", "memory"] {
            if let wanted = spec?.requests?[resource], running.requests?[resource] != wanted {
                return "requests.\(resource)"
            }
            if let wanted = spec?.limits?[resource], running.limits?[resource] != wanted { return "limits.\(resource)" }
        }
        return nil
    }

    /// Image references compare equal when one is the other with the default registry spelled out
    /// (`nginx:1.26` and `docker.io/library/nginx:1.26`).
    static func sameImage(_ spec: String, _ running: String) -> Bool {
        if spec == running { return true }
        let normalised = { (image: String) -> String in
            var name = image
            for prefix in ["docker.io/library/", "docker.io/", "library/"] where name.hasPrefix(prefix) {
                name.removeFirst(prefix.count)
                break
            }
            return name
        }
        return normalised(spec) == normalised(running)
    }

    /// The strategic-merge body for `pods/status` that sets the readiness gate's condition.
    public static func readinessCondition(ready: Bool, reason: String, message: String? = nil, now: Date) -> JSONValue {
        var condition: JSONObject = [
            "type": .string(SteadKeys.inPlaceUpdateReady),
            "status": .string(ready ? "True" : "False"),
            "reason": .string(reason),
            "lastTransitionTime": .string(KubeTime(now).description),
        ]
        if let message { condition["message"] = .string(message) }
        return ["status": ["conditions": [.object(condition)]]]
    }
}
