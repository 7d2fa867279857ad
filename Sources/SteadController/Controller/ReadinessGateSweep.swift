import Foundation
import KubeModel

/// Sets `stead.dev/InPlaceUpdateReady` True on new pods as soon as they are bound, and on pods whose
/// kubelet runs their spec and reports it ready (just updated in place, or an update called off: paused,
/// blocked), unless the pod is in the middle of an in-place update.
struct ReadinessGateSweep: Sendable {
    let writer: ObjectWriter

    func run(view: SetView, plan: UpdatePlan, skipping: Set<String>) async throws {
        for pod in view.pods where !skipping.contains(pod.name) && pod.nodeName != nil && !pod.isTerminating {
            if let ordinal = view.set.ordinal(ofPodNamed: pod.name), let action = plan.action(forOrdinal: ordinal),
                action.changesPod
            {
                continue
            }
            guard Self.hasGate(pod), InPlaceProgress.needsGateTrue(pod) else { continue }
            try await writer.setInPlaceReady(pod, ready: true, reason: "Ready", message: nil, now: view.now)
        }
    }

    static func hasGate(_ pod: Pod) -> Bool {
        (pod.spec?.readinessGates ?? []).contains { $0.conditionType == SteadLabels.inPlaceUpdateReady }
    }
}
