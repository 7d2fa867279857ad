import Foundation
import KubeModel

/// Everything the status is computed from.
public struct StatusInputs: Sendable {
    public var set: StatefulPodSet
    public var pods: [Pod]
    public var currentRevision: String
    public var updateRevision: String
    public var collisionCount: Int32
    public var now: Date
    public var validationErrors: [FieldError]
    public var updatePlan: UpdatePlan?
    /// Why the API server refused a pod of the set in this pass (ReplicaFailure condition), or nil.
    public var createFailure: String?

    public init(
        set: StatefulPodSet, pods: [Pod], currentRevision: String, updateRevision: String, collisionCount: Int32 = 0,
        now: Date, validationErrors: [FieldError] = [], updatePlan: UpdatePlan? = nil
    ) {
        self.set = set
        self.pods = pods
        self.currentRevision = currentRevision
        self.updateRevision = updateRevision
        self.collisionCount = collisionCount
        self.now = now
        self.validationErrors = validationErrors
        self.updatePlan = updatePlan
    }
}

/// The set's status from its pods, revisions and the latest plan. Pure; conditions keep their transition
/// time while their status does not change.
public enum StatusCalculator {
    public static func compute(_ inputs: StatusInputs) -> StatefulPodSetStatus {
        let set = inputs.set
        let spec = set.spec.withDefaults()
        let previous = set.status ?? StatefulPodSetStatus()
        let minReady = spec.effectiveMinReadySeconds
        let pods = set.podsByOrdinal(inputs.pods).values.filter { !$0.isTerminating }

        var status = previous
        status.observedGeneration = set.metadata.generation
        status.replicas = Int32(pods.count)
        status.readyReplicas = Int32(pods.filter(\.isRunningAndReady).count)
        status.availableReplicas = Int32(pods.filter { $0.isAvailable(minReadySeconds: minReady, now: inputs.now) }.count)
        status.updatedReplicas = Int32(pods.filter { $0.revisionHash == inputs.updateRevision }.count)
        status.currentRevision = inputs.currentRevision
        status.currentReplicas = Int32(pods.filter { $0.revisionHash == inputs.currentRevision }.count)
        status.updateRevision = inputs.updateRevision
        status.collisionCount = inputs.collisionCount
        status.selector = spec.selector?.queryString
        if inputs.validationErrors.isEmpty {
            status = RolloutCounter.counting(
                set: set, pods: Array(set.podsByOrdinal(inputs.pods).values), plan: inputs.updatePlan, revision: inputs.updateRevision, in: status)
        }

        let wanted = Int32(spec.effectiveReplicas)
        let complete = status.updatedReplicas == wanted && status.readyReplicas == wanted && status.replicas == wanted
        if complete {
            status.currentRevision = inputs.updateRevision
            status.currentReplicas = status.updatedReplicas
        }
        status.conditions = conditions(inputs, spec: spec, status: status, complete: complete)
        return status
    }

    static func conditions(
        _ inputs: StatusInputs, spec: StatefulPodSetSpec, status: StatefulPodSetStatus, complete: Bool
    ) -> [StatefulPodSetCondition] {
        let generation = inputs.set.metadata.generation
        var list = inputs.set.status?.conditions ?? []
        func set(_ type: StatefulPodSetConditionType, _ value: Bool?, _ reason: String, _ message: String) {
            let state = value.map { $0 ? "True" : "False" } ?? "Unknown"
            let condition = StatefulPodSetCondition(
                type: type.rawValue, status: state, reason: reason, message: message, observedGeneration: generation)
            list = ConditionList.setting(condition, in: list, now: inputs.now)
        }

        if inputs.validationErrors.isEmpty {
            set(.invalid, false, "Valid", "spec is valid")
        } else {
            set(.invalid, true, "InvalidSpec", inputs.validationErrors.summary)
        }

        let paused = spec.isPaused
        set(.paused, paused, paused ? "RolloutPaused" : "RolloutActive",
            paused ? "updateStrategy.rollingUpdate.paused is true" : "rollout is not paused")

        if let blocked = inputs.updatePlan?.blocked {
            set(.rolloutBlocked, true, "InPlaceUpdateImpossible", blocked.message)
        } else if let stalled = inputs.updatePlan?.stalled {
            set(.rolloutBlocked, true, "UpdatedPodNotReady", stalled.message)
        } else {
            set(.rolloutBlocked, false, "NotBlocked", "rollout is not blocked")
        }

        let wanted = spec.effectiveReplicas
        if !inputs.validationErrors.isEmpty {
            set(.progressing, false, "InvalidSpec", "the spec is invalid")
        } else if let stalled = inputs.updatePlan?.stalled {
            set(.progressing, false, "RolloutStalled", stalled.message)
        } else if inputs.updatePlan?.blocked != nil {
            set(.progressing, false, "RolloutBlocked", "an update that cannot be made in place is blocked")
        } else if paused, !complete {
            set(.progressing, nil, "RolloutPaused", "rollout paused")
        } else if complete {
            set(.progressing, true, "RolloutComplete", "\(wanted) pod(s) run revision \(inputs.updateRevision)")
        } else {
            set(.progressing, true, "RollingUpdate",
                "\(status.updatedReplicas ?? 0) of \(wanted) pod(s) updated to \(inputs.updateRevision), "
                    + "\(status.readyReplicas ?? 0) ready")
        }

        if let failure = inputs.createFailure {
            set(.replicaFailure, true, "FailedCreate", failure)
        } else if list.contains(where: { $0.type == StatefulPodSetConditionType.replicaFailure.rawValue }) {
            set(.replicaFailure, false, "PodsCreated", "no pod creation was refused")
        }

        let minimum = max(0, wanted - spec.effectiveMaxUnavailable)
        let available = Int(status.availableReplicas ?? 0)
        if !inputs.validationErrors.isEmpty {
            // A set that cannot run is never available, whatever its counts say.
            set(.available, false, "InvalidSpec", "the spec is invalid: \(inputs.validationErrors.summary)")
        } else {
            set(.available, available >= minimum, available >= minimum ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                "\(available) of \(wanted) pod(s) available (minimum \(minimum))")
        }
        return list
    }
}
