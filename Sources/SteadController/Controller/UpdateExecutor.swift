import Foundation
import KubeClient
import KubeModel
import Logging

/// Carries out the pod changes of an ``UpdatePlan``: graceful in-place updates step by step, same-node
/// recreates (reservation first, then delete), reschedules. Each change is reported once, when the write
/// that makes it succeeds; the write records it on the pod (in place) or the status names it before
/// the delete (a replacement), so the status counts survive a restart (``RolloutCounter``).
struct UpdateExecutor: Sendable {
    let writer: ObjectWriter
    let state: ControllerState
    let events: SetEvents
    let metrics: ControllerMetrics
    let logger: Logger

    /// Applies the plan's changes; returns when the set needs another look (a grace period running).
    func execute(_ plan: UpdatePlan, view: SetView, update: ControllerRevision, skipping: Set<String>)
        async throws -> Duration?
    {
        var requeue: Duration?
        for planned in plan.changes where !skipping.contains(planned.pod) {
            guard let pod = view.pod(named: planned.pod) else { continue }
            let done: Bool
            switch planned.action {
            case .updateInPlace(let inPlace):
                let step = try await updateInPlace(pod, plan: inPlace, set: view.set, update: update.name, now: view.now)
                if let wait = step.wait { requeue = min(requeue ?? wait, wait) }
                done = step.patched
            case .recreateOnSameNode:
                guard isRecorded(planned.action, of: pod, view: view, update: update.name) else { continue }
                try await recreateOnSameNode(pod, template: RevisionBuilder.template(of: update))
                done = true
            case .reschedule:
                guard isRecorded(planned.action, of: pod, view: view, update: update.name) else { continue }
                try await writer.delete(pod)
                done = true
            case .nothing, .wait, .blocked, .stalled:
                done = false
            }
            guard done else { continue }
            metrics.recordUpdate(planned.action)
            if let event = RolloutEvents.event(for: planned) {
                events.record(event, set: view.set, pod: pod)
            }
        }
        return requeue
    }

    /// Whether the set's status already names this replacement: only then is the pod deleted, so that the
    /// replacement is counted (and its successor marked) whenever the controller stops.
    private func isRecorded(_ action: PodUpdateAction, of pod: Pod, view: SetView, update: String) -> Bool {
        guard let intent = RolloutCounter.intent(for: action, pod: pod, revision: update) else { return false }
        return view.set.status?.pendingReplacements?[pod.name] == intent
    }

    struct InPlaceStepResult {
        var patched = false
        var wait: Duration?
    }

    /// One step of a graceful in-place update: gate False, wait the grace period, patch. Without a grace
    /// period, the patch alone (``InPlaceProgress``).
    func updateInPlace(_ pod: Pod, plan: InPlacePlan, set: StatefulPodSet, update: String, now: Date)
        async throws -> InPlaceStepResult
    {
        let grace = set.spec.effectiveInPlaceGracePeriodSeconds
        switch InPlaceProgress.nextStep(pod: pod, updateRevision: update, gracePeriodSeconds: grace, now: now) {
        case .markNotReady:
            try await writer.setInPlaceReady(pod, ready: false, reason: "InPlaceUpdate", message: plan.summary, now: now)
            return InPlaceStepResult(wait: .seconds(grace))
        case .waitGracePeriod(let remaining):
            return InPlaceStepResult(wait: .seconds(remaining))
        case .patch:
            return InPlaceStepResult(patched: try await patchInPlace(pod, plan: plan))
        case .waitForKubelet, .markReady, .done:
            return InPlaceStepResult()
        }
    }

    /// Resizes (when cpu/memory change), then patches images, labels and annotations, each conditional on
    /// the pod's resourceVersion. A server without `pods/resize` makes the change not-in-place: false.
    private func patchInPlace(_ pod: Pod, plan: InPlacePlan) async throws -> Bool {
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
        let body = plan.podPatch.withAnnotation(SteadLabels.updatedBy, marker.annotation)
        try await writer.patch(current, .strategic(body.withResourceVersion(current.metadata.resourceVersion)))
        return true
    }

    /// Asks the scheduler to keep the pod's capacity on its node for the successor, then deletes the pod.
    private func recreateOnSameNode(_ pod: Pod, template: PodTemplateSpec?) async throws {
        var annotated = pod
        if pod.metadata.annotations?[SteadLabels.reserveForReplacement] == nil {
            let value = ReplacementRequests.annotationValue(for: template)
            let body: JSONValue = ["metadata": ["annotations": [SteadLabels.reserveForReplacement: .string(value)]]]
            annotated = try await writer.patch(pod, .merge(body.withResourceVersion(pod.metadata.resourceVersion)))
        }
        try await writer.delete(annotated)
    }
}
