import Foundation
import KubeClient
import KubeModel
import Logging

/// Writes core/v1 Events about the controller's decisions, on the set and on the pod concerned. A failed
/// write is logged and dropped: an Event is never worth failing a reconcile.
struct EventRecorder: Sendable {
    static let component = "stead-controller"

    let client: KubeClient
    let logger: Logger

    func record(_ event: RolloutEvent, set: StatefulPodSet, pod: Pod?) async {
        await write(type: event.type, reason: event.reason, message: event.message, about: reference(to: set))
        if let pod {
            await write(type: event.type, reason: event.reason, message: event.message, about: reference(to: pod))
        }
    }

    func record(type: String, reason: String, message: String, set: StatefulPodSet) async {
        await write(type: type, reason: reason, message: message, about: reference(to: set))
    }

    private func reference(to set: StatefulPodSet) -> ObjectReference {
        ObjectReference(
            apiVersion: StatefulPodSet.resourceType.apiVersion, kind: StatefulPodSet.resourceType.kind,
            namespace: set.metadata.namespace, name: set.name, uid: set.metadata.uid)
    }

    private func reference(to pod: Pod) -> ObjectReference {
        ObjectReference(apiVersion: "v1", kind: "Pod", namespace: pod.metadata.namespace, name: pod.name, uid: pod.metadata.uid)
    }

    private func write(type: String, reason: String, message: String, about object: ObjectReference) async {
        let namespace = object.namespace ?? "default"
        let now = KubeTime.now()
        var event = Event(
            metadata: ObjectMeta(
                name: "\(object.name ?? "object").\(String(UInt64.random(in: 1...UInt64.max), radix: 16))",
                namespace: namespace),
            involvedObject: object, reason: reason, message: message, type: type)
        event.source = EventSource(component: Self.component)
        event.reportingComponent = Self.component
        event.firstTimestamp = now
        event.lastTimestamp = now
        event.count = 1
        do {
            _ = try await client.create(event, namespace: namespace)
        } catch {
            logger.warning(
                "cannot record event",
                metadata: ["object": "\(object.kind ?? "")/\(object.name ?? "")", "reason": "\(reason)", "error": "\(error)"])
        }
    }
}
