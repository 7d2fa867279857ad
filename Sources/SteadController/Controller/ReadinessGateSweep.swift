import Foundation
import KubeModel

/// Sets `stead.dev/InPlaceUpdateReady` True on every pod whose kubelet runs its spec and reports it
/// ready, unless the pod is in the middle of an in-place update: new pods, pods just updated in place,
/// and pods whose update was called off (paused, blocked).
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
