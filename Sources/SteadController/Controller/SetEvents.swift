import KubeClient
import KubeModel

/// The controller's Events about its decisions, queued on the component's ``KubeClient/EventRecorder``
/// (never awaited on the rollout's path). Each goes on the set and names the pod in its message, as the
/// StatefulSet controller's do; a Warning goes on the pod concerned too, where `kubectl describe pod`
/// shows why it waits.
struct SetEvents: Sendable {
    static let component = "stead-controller"

    let recorder: EventRecorder

    func record(_ event: RolloutEvent, set: StatefulPodSet, pod: Pod?) {
        recorder.record(ObjectReference(to: set), type: event.type, reason: event.reason, message: event.message)
        if let pod, event.type == "Warning" {
            recorder.record(ObjectReference(to: pod), type: event.type, reason: event.reason, message: event.message)
        }
    }

    func record(type: String, reason: String, message: String, set: StatefulPodSet) {
        recorder.record(ObjectReference(to: set), type: type, reason: reason, message: message)
    }
}
