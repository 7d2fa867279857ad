import KubeClient
import KubeModel
import Logging

/// The Events the workload controllers write about their objects (`kubectl describe` shows them), each
/// under the component name kube-controller-manager's controller reports (`deployment-controller`, ...),
/// with its reasons and messages: `SuccessfulCreate`, `SuccessfulDelete`, `ScalingReplicaSet`,
/// `Completed`, `BackoffLimitExceeded`, ... Queued, never awaited on a reconcile's path.
final class WorkloadEvents: Sendable {
    private let recorders: [String: EventRecorder]

    init(client: KubeClient, logger: Logger) {
        let events = client.withOwnRateLimit()
        var recorders: [String: EventRecorder] = [:]
        for kind in ["ReplicaSet", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob"] {
            recorders[kind] = EventRecorder(client: events, component: kind.lowercased() + "-controller", logger: logger)
        }
        self.recorders = recorders
    }

    func start() { for recorder in recorders.values { recorder.start() } }

    func stop() async { for recorder in recorders.values { await recorder.stop() } }

    func normal<K>(_ object: Workload<K>, _ reason: String, _ message: String) {
        record(object, type: "Normal", reason, message)
    }

    func warning<K>(_ object: Workload<K>, _ reason: String, _ message: String) {
        record(object, type: "Warning", reason, message)
    }

    private func record<K>(_ object: Workload<K>, type: String, _ reason: String, _ message: String) {
        recorders[K.resourceType.kind]?.record(ObjectReference(to: object), type: type, reason: reason, message: message)
    }
}
