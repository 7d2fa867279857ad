import Foundation
import KubeClient
import KubeModel
import Logging
import SteadAPI

/// Tells users what the scheduler decided: Events on the pod, the PodScheduled condition, the fallback
/// annotation. Every write is a patch of the one field concerned or a queued Event; failures are logged
/// and dropped (the next attempt reports again).
struct SchedulingReporter: Sendable {
    static let component = "stead-scheduler"

    let client: KubeClient
    /// Events go out from a queue of their own, on a request budget of their own.
    let events: EventRecorder
    let logger: Logger

    init(client: KubeClient, logger: Logger) {
        self.client = client
        self.events = EventRecorder(client: client.withOwnRateLimit(), component: Self.component, logger: logger)
        self.logger = logger
    }

    /// PodScheduled=False/Unschedulable with the diagnosis, through the status subresource; a strategic
    /// merge patch merges conditions by `type`, so the pod's other conditions and fields stay as they are.
    func reportUnschedulable(_ pod: Pod, message: String) async {
        let condition: JSONValue = [
            "type": "PodScheduled", "status": "False", "reason": "Unschedulable", "message": .string(message),
            "lastProbeTime": nil, "lastTransitionTime": .string(KubeTime.now().description),
        ]
        await patch(pod, .strategic(["status": ["conditions": [condition]]]), subresource: "status", what: "condition")
        event(for: pod, type: "Warning", reason: "FailedScheduling", message: message)
    }

    func reportScheduled(_ pod: Pod, node: String) {
        let message = "Successfully assigned \(pod.metadata.namespace ?? "default")/\(pod.name) to \(node)"
        event(for: pod, type: "Normal", reason: "Scheduled", message: message)
    }

    /// The `StickyFallback` Event and the `stead.dev/placement-fallback` annotation (metadata only).
    func reportFallback(_ pod: Pod, message: String) async {
        await patch(
            pod, .merge(["metadata": ["annotations": [SteadKeys.placementFallback: .string(message)]]]),
            subresource: nil, what: "annotation")
        event(for: pod, type: "Normal", reason: StickyEventReason.fallback, message: message)
    }

    /// A `WaitingForNode` Event: the replacement stays pending for its lost home node (Strict).
    func reportWaitingForNode(_ pod: Pod, message: String) {
        event(for: pod, type: "Normal", reason: StickyEventReason.waitingForNode, message: message)
    }

    private func patch(_ pod: Pod, _ patch: Patch, subresource: String?, what: String) async {
        do {
            _ = try await client.patch(
                Pod.resourceType, name: pod.name, namespace: pod.metadata.namespace, patch: patch,
                subresource: subresource)
        } catch let error as KubeAPIError where error.isNotFound {
            return
        } catch {
            logger.warning(
                "cannot patch pod", metadata: ["pod": "\(pod.key)", "field": "\(what)", "error": "\(error)"])
        }
    }

    /// Queued: the caller (a bind, say) never waits for the Event.
    private func event(for pod: Pod, type: String, reason: String, message: String) {
        events.record(ObjectReference(to: pod), type: type, reason: reason, message: message, action: "Scheduling")
    }
}
