import Foundation
import KubeClient
import KubeModel
import Logging
import SteadAPI

/// Carries out the pod changes of an ``UpdatePlan``: in-place updates step by step (``InPlaceUpdater``),
/// same-node recreates (a larger reservation asked for first, then the delete), reschedules. Each change is reported once, when the write
/// that makes it succeeds; the write records it on the pod (in place) or the status names it before
/// the delete (a replacement), so the status counts survive a restart (``RolloutCounter``).
struct UpdateExecutor: Sendable {
    let writer: ObjectWriter
    let inPlace: InPlaceUpdater
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
            case .updateInPlace(let plan):
                let outcome = try await inPlace.advance(pod, plan: plan, set: view.set, update: update.name, now: view.now)
                if let wait = outcome.wait { requeue = min(requeue ?? wait, wait) }
                done = outcome.patched
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

    /// Deletes the pod; the scheduler keeps its capacity on its node for the successor. When the successor
    /// needs more than the pod holds, the pod is first annotated with what to keep.
    private func recreateOnSameNode(_ pod: Pod, template: PodTemplateSpec?) async throws {
        var annotated = pod
        if pod.metadata.annotations?[SteadKeys.reserveForReplacement] == nil,
            let request = ReplacementRequests.request(for: template, replacing: pod)
        {
            let body: JSONValue = ["metadata": ["annotations": [SteadKeys.reserveForReplacement: .string(request.annotation)]]]
            annotated = try await writer.patch(pod, .merge(body.withResourceVersion(pod.metadata.resourceVersion)))
        }
        try await writer.delete(annotated)
    }
}
