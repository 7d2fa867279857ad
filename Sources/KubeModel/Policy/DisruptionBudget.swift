/// A PodDisruptionBudget's arithmetic over the pods of its namespace, as Kubernetes' disruption controller
/// does it: the pods it selects that have not finished are expected, the Ready ones not being deleted are
/// healthy, `minAvailable` or `maxUnavailable` (a number or a percentage of the expected pods, rounded up)
/// gives how many must stay healthy, and what is healthy beyond that may be disrupted. The eviction
/// subresource asks it, and the controller that writes a budget's status.
public struct DisruptionBudget: Sendable, Equatable {
    /// What the arithmetic needs of one pod.
    public struct Member: Sendable {
        public var labels: [String: String]
        public var isHealthy: Bool
        public var hasFinished: Bool

        public init(labels: [String: String], isHealthy: Bool, hasFinished: Bool) {
            self.labels = labels
            self.isHealthy = isHealthy
            self.hasFinished = hasFinished
        }

        public init(_ pod: Pod) {
            self.init(labels: pod.metadata.labels ?? [:], isHealthy: pod.isReady && !pod.isTerminating, hasFinished: pod.hasFinished)
        }

        public init(json pod: JSONValue) {
            let phase = pod[path: ["status", "phase"]]?.stringValue
            let deleting = (pod[path: ["metadata", "deletionTimestamp"]] ?? .null) != .null
            let ready = (pod[path: ["status", "conditions"]]?.arrayValue ?? []).contains {
                $0["type"] == .string(ConditionType.ready) && $0["status"] == .string(ConditionStatus.isTrue)
            }
            self.init(
                labels: pod[path: ["metadata", "labels"]]?.objectValue?.compactMapValues(\.stringValue) ?? [:],
                isHealthy: ready && !deleting, hasFinished: phase == PodPhase.succeeded || phase == PodPhase.failed)
        }
    }

    public var expectedPods: Int64
    public var currentHealthy: Int64
    public var desiredHealthy: Int64

    public var disruptionsAllowed: Int64 { max(0, currentHealthy - desiredHealthy) }

    /// The budget of `spec` over `pods` (those of its namespace; it picks the ones its selector selects).
    public init(spec: JSONValue?, pods: [Member]) {
        let selected = pods.filter { Self.selects(spec, $0.labels) && !$0.hasFinished }
        expectedPods = Int64(selected.count)
        currentHealthy = Int64(selected.filter(\.isHealthy).count)
        if let minAvailable = spec?["minAvailable"], minAvailable != .null {
            desiredHealthy = Self.scaled(minAvailable, of: expectedPods)
        } else if let maxUnavailable = spec?["maxUnavailable"], maxUnavailable != .null {
            desiredHealthy = max(0, expectedPods - Self.scaled(maxUnavailable, of: expectedPods))
        } else {
            desiredHealthy = 0
        }
    }

    /// Whether the budget's selector selects a pod of these labels (a missing selector selects none).
    public static func selects(_ spec: JSONValue?, _ labels: [String: String]) -> Bool {
        LabelSelector(spec?["selector"])?.matches(labels) ?? false
    }

    private static func scaled(_ value: JSONValue, of total: Int64) -> Int64 {
        Int64(IntOrString(value)?.scaled(of: Int(total), roundUp: true) ?? 0)
    }
}
