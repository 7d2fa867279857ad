import Foundation
import KubeClient
import KubeModel
import Logging

/// Tells users what the scheduler decided: Events on the pod, the PodScheduled condition, the fallback
/// annotation. Every write is a patch of the one field concerned or a new Event; failures are logged and
/// dropped (the next attempt reports again).
struct SchedulingReporter: Sendable {
    static let component = "stead-scheduler"

    let client: KubeClient
    let logger: Logger

    /// PodScheduled=False/Unschedulable with the diagnosis, through the status subresource; a strategic
    /// merge patch merges conditions by `type`, so the pod's other conditions and fields stay as they are.
    func reportUnschedulable(_ pod: Pod, message: String) async {
        let condition: JSONValue = [
            "type": "PodScheduled", "status": "False", "reason": "Unschedulable", "message": .string(message),
            "lastProbeTime": nil, "lastTransitionTime": .string(KubeTime.now().description),
        ]
        await patch(pod, .strategic(["status": ["conditions": [condition]]]), subresource: "status", what: "condition")
        await event(for: pod, type: "Warning", reason: "FailedScheduling", message: message)
    }

    func reportScheduled(_ pod: Pod, node: String) async {
        let message = "Successfully assigned \(pod.metadata.namespace ?? "default")/\(pod.name) to \(node)"
        await event(for: pod, type: "Normal", reason: "Scheduled", message: message)
    }

    /// The `StickyFallback` Event and the `stead.dev/placement-fallback` annotation (metadata only).
    func reportFallback(_ pod: Pod, message: String) async {
        await patch(
            pod, .merge(["metadata": ["annotations": [FallbackMessage.annotationKey: .string(message)]]]),
            subresource: nil, what: "annotation")
        await event(for: pod, type: "Normal", reason: FallbackMessage.eventReason, message: message)
    }

    /// A `WaitingForNode` Event: the replacement stays pending for its lost home node (Strict).
    func reportWaitingForNode(_ pod: Pod, message: String) async {
        await event(for: pod, type: "Normal", reason: FallbackMessage.waitEventReason, message: message)
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

    private func event(for pod: Pod, type: String, reason: String, message: String) async {
        let now = KubeTime.now()
        let namespace = pod.metadata.namespace ?? "default"
        var event = Event(
            metadata: ObjectMeta(
                name: "\(pod.name).\(String(UInt64.random(in: 1...UInt64.max), radix: 16))", namespace: namespace),
            involvedObject: ObjectReference(
                apiVersion: "v1", kind: "Pod", namespace: namespace, name: pod.name, uid: pod.metadata.uid),
            reason: reason, message: message, type: type)
        event.source = EventSource(component: Self.component)
        event.reportingComponent = Self.component
        event.firstTimestamp = now
        event.lastTimestamp = now
        event.count = 1
        event.action = "Scheduling"
        do {
            _ = try await client.create(event, namespace: namespace)
        } catch {
            logger.warning(
                "cannot record event", metadata: ["pod": "\(pod.key)", "reason": "\(reason)", "error": "\(error)"])
        }
    }
}
