import Foundation
import KubeClient
import KubeModel
import Logging
import SteadAPI

/// Takes pods through an in-place update one ``InPlaceStep`` at a time: the gate down, the grace period,
/// the patch (and resize), the kubelet, the gate up. One switch performs every step, for a pod the update
/// plan names as for a pod it leaves alone whose gate must go up: a new pod at bind, a pod whose update
/// finished or was called off (paused, blocked).
struct InPlaceUpdater: Sendable {
    let writer: ObjectWriter
    let state: ControllerState
    let logger: Logger

    struct Outcome {
        /// The update's patch went out: the pod now carries the update revision.
        var patched = false
        /// Look at the pod again after this long (a grace period running).
        var wait: Duration?
    }

    /// The next step of `plan` for `pod`.
    func advance(_ pod: Pod, plan: InPlacePlan, set: StatefulPodSet, update: String, now: Date) async throws -> Outcome {
        let grace = set.spec.effectiveInPlaceGracePeriodSeconds
        let step = InPlaceProgress.nextStep(pod: pod, updateRevision: update, gracePeriodSeconds: grace, now: now)
        return try await perform(step, pod: pod, plan: plan, gracePeriodSeconds: grace, now: now)
    }

    /// Raises the gate of every bound pod the plan does not change that needs it
    /// (``InPlaceProgress/needsGateTrue(_:)``).
    func raiseGates(view: SetView, plan: UpdatePlan, skipping: Set<String>) async throws {
        for pod in view.pods where !skipping.contains(pod.name) && pod.nodeName != nil && !pod.isTerminating {
            if let ordinal = view.set.ordinal(ofPodNamed: pod.name), let action = plan.action(forOrdinal: ordinal),
                action.changesPod
            {
                continue
            }
            guard Self.hasGate(pod), InPlaceProgress.needsGateTrue(pod) else { continue }
            _ = try await perform(.markReady, pod: pod, plan: nil, gracePeriodSeconds: 0, now: view.now)
        }
    }

    private func perform(_ step: InPlaceStep, pod: Pod, plan: InPlacePlan?, gracePeriodSeconds: Int, now: Date)
        async throws -> Outcome
    {
        switch step {
        case .markNotReady:
            let message = plan?.summary
            try await writer.setInPlaceReady(pod, ready: false, reason: "InPlaceUpdate", message: message, now: now)
            return Outcome(wait: .seconds(gracePeriodSeconds))
        case .waitGracePeriod(let remaining):
            return Outcome(wait: .seconds(remaining))
        case .patch:
            guard let plan else { return Outcome() }
            return Outcome(patched: try await patch(pod, plan: plan))
        case .markReady:
            try await writer.setInPlaceReady(pod, ready: true, reason: "Ready", message: nil, now: now)
            return Outcome()
        case .waitForKubelet, .done:
            return Outcome()
        }
    }

    /// Resizes (when cpu/memory change), then patches images, labels and annotations as a strategic merge
    /// patch, each conditional on the pod's resourceVersion. A server without `pods/resize` makes the change
    /// not-in-place: false.
    private func patch(_ pod: Pod, plan: InPlacePlan) async throws -> Bool {
        var current = pod
        if let resize = plan.resizePatch {
            do {
                current = try await writer.patch(
                    pod, .strategic(resize.withResourceVersion(pod.metadata.resourceVersion)), subresource: "resize")
            } catch let error as KubeAPIError where error.isNotFound && error.status.details?.name == nil {
                logger.info("the server does not serve pods/resize: cpu/memory changes recreate pods")
                await state.resizeUnsupported()
                return false
            }
        }
        let marker = RolloutMarker(revision: plan.revisionHash, path: .inPlace)
        let body = plan.podPatch.withAnnotation(SteadKeys.updatedBy, marker.annotation)
        try await writer.patch(current, .strategic(body.withResourceVersion(current.metadata.resourceVersion)))
        return true
    }

    /// Whether the pod carries Stead's readiness gate (pods made before it existed do not).
    static func hasGate(_ pod: Pod) -> Bool {
        (pod.spec?.readinessGates ?? []).contains { $0.conditionType == SteadKeys.inPlaceUpdateReady }
    }
}
