import KubeClient
import KubeModel

/// The controller's Events about its decisions, on the set and on the pod concerned, written through
/// the component's ``KubeClient/EventRecorder`` before the reconcile goes on (the status that follows
/// counts what they report).
struct SetEvents: Sendable {
    static let component = "stead-controller"

    let recorder: EventRecorder

    func record(_ event: RolloutEvent, set: StatefulPodSet, pod: Pod?) async {
        await recorder.write(ObjectReference(to: set), type: event.type, reason: event.reason, message: event.message)
        if let pod {
            await recorder.write(ObjectReference(to: pod), type: event.type, reason: event.reason, message: event.message)
        }
    }

    func record(type: String, reason: String, message: String, set: StatefulPodSet) async {
        await recorder.write(ObjectReference(to: set), type: type, reason: reason, message: message)
    }
}
