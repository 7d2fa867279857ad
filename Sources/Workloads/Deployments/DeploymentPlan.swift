import Foundation
import KubeModel

/// The arithmetic of a Deployment's rollout, pure: which ReplicaSet holds the current template, how
/// far each set is scaled in one step of a rolling update or a recreate, and the status that results.
enum DeploymentPlan {
    static let hashLabel = "pod-template-hash"
    static let revisionAnnotation = "deployment.kubernetes.io/revision"
    static let desiredReplicasAnnotation = "deployment.kubernetes.io/desired-replicas"
    static let maxReplicasAnnotation = "deployment.kubernetes.io/max-replicas"

    /// What a ReplicaSet is scaled for: the Deployment's replicas, and those plus maxSurge.
    static func scaleAnnotations(_ spec: JSONValue?, replicas: Int64) -> JSONObject {
        [
            desiredReplicasAnnotation: .string(String(replicas)),
            maxReplicasAnnotation: .string(String(replicas + maxSurge(spec, replicas: replicas))),
        ]
    }

    /// maxSurge of a rolling update; 0 for `Recreate`.
    static func maxSurge(_ spec: JSONValue?, replicas: Int64) -> Int64 {
        spec?[path: ["strategy", "type"]]?.stringValue == "Recreate" ? 0 : rollingLimits(spec, replicas: replicas).surge
    }

    /// Kubernetes' template hash: FNV-1a of the template (with the collision count), its decimal digits
    /// mapped onto the alphabet of safe names.
    static func templateHash(_ template: JSONValue?, collisionCount: Int64) -> String {
        var hash: UInt32 = 2_166_136_261
        var bytes = Array((try? KubeJSON.serialize(template ?? [:])) ?? Data())
        if collisionCount > 0 { bytes += Array(String(collisionCount).utf8) }
        for byte in bytes {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        return String(String(hash).utf8.map { alphabet[Int($0) % alphabet.count] })
    }

    /// A ReplicaSet's template without the hash label: what is compared with the Deployment's.
    static func templateWithoutHash(_ set: ReplicaSet) -> JSONValue? {
        guard var template = set.spec?["template"] else { return nil }
        if var labels = template[path: ["metadata", "labels"]]?.objectValue {
            labels[hashLabel] = nil
            var metadata = template["metadata"]?.objectValue ?? [:]
            metadata["labels"] = labels.isEmpty ? nil : .object(labels)
            template["metadata"] = .object(metadata)
        }
        return template
    }

    static func revision(_ set: ReplicaSet) -> Int64 {
        Int64(set.metadata.annotations?[revisionAnnotation] ?? "") ?? 0
    }

    /// An int-or-percent field of `total` (percentages rounded up for surge, down for unavailability);
    /// 0 for a value that is neither.
    static func scaled(_ value: JSONValue?, of total: Int64, roundUp: Bool) -> Int64 {
        Int64(IntOrString(value)?.scaled(of: Int(total), roundUp: roundUp) ?? 0)
    }

    /// maxSurge and maxUnavailable of a rolling update; never both 0 (then one pod may be unavailable).
    static func rollingLimits(_ spec: JSONValue?, replicas: Int64) -> (surge: Int64, unavailable: Int64) {
        let rolling = spec?[path: ["strategy", "rollingUpdate"]]
        let surge = scaled(rolling?["maxSurge"] ?? "25%", of: replicas, roundUp: true)
        var unavailable = scaled(rolling?["maxUnavailable"] ?? "25%", of: replicas, roundUp: false)
        if surge == 0 && unavailable == 0 { unavailable = 1 }
        return (surge, min(unavailable, replicas))
    }

    /// A set's place in a rollout: its desired replicas, how many of its pods are available, and how
    /// many its status counts (`status.replicas`: above `replicas` until a scale-down's pods are deleted).
    struct SetState: Equatable {
        var name: String
        var replicas: Int64
        var available: Int64
        var pods: Int64 = 0

        /// What the set may have running now: its replicas, or the pods not yet deleted.
        var running: Int64 { max(replicas, pods) }
    }

    /// One step of a rolling update: the replicas each set should have now. `old` oldest first.
    static func rollingStep(
        replicas: Int64, surge: Int64, unavailable: Int64, new: SetState, old: [SetState]
    ) -> [String: Int64] {
        var target: [String: Int64] = [:]
        let all = old.reduce(new.replicas) { $0 + $1.replicas }
        // The surge counts the old pods not yet deleted too: an old set scaled down a moment ago may still
        // run them, and its replacements would then be more than `replicas + surge`.
        let running = old.reduce(new.running) { $0 + $1.running }
        if new.replicas > replicas {
            target[new.name] = replicas
        } else if new.replicas < replicas && running < replicas + surge {
            let scaledNew = min(replicas, new.replicas + replicas + surge - running)
            target[new.name] = scaledNew
            return target  // as Kubernetes: old sets are looked at in the next step, with the new pods counted
        }
        let minAvailable = replicas - unavailable
        let newUnavailable = max(0, new.replicas - new.available)
        var budget = all - minAvailable - newUnavailable
        var olds = old
        // Unhealthy old pods go first: removing them costs no availability.
        for index in olds.indices where budget > 0 {
            let unhealthy = min(budget, max(0, olds[index].replicas - olds[index].available))
            olds[index].replicas -= unhealthy
            budget -= unhealthy
        }
        let available = olds.reduce(new.available) { $0 + min($1.available, $1.replicas) }
        var scaleDown = max(0, min(budget, available - minAvailable))
        for index in olds.indices where scaleDown > 0 {
            let step = min(scaleDown, olds[index].replicas)
            olds[index].replicas -= step
            scaleDown -= step
        }
        for (before, after) in zip(old, olds) where before.replicas != after.replicas { target[after.name] = after.replicas }
        return target
    }

    /// An active set as proportional scaling sees it: its size, the `max-replicas` it was last scaled
    /// for, and its age (ties go to the newer set when growing, the older when shrinking).
    struct ScaledSet: Equatable {
        var name: String
        var replicas: Int64
        var maxReplicas: Int64?
        var created: Date
    }

    /// kube-controller-manager's proportional scaling of a Deployment resized mid-rollout: the sets
    /// with pods grow or shrink in proportion to their size, so that together they reach
    /// `replicas + maxSurge`; what rounding leaves over goes to the largest. Every active set is named
    /// in the result (its `desired-replicas` annotation is rewritten even when its size stays).
    static func proportionalScale(replicas: Int64, maxSurge: Int64, statusReplicas: Int64, active: [ScaledSet]) -> [String: Int64] {
        let allowed = replicas > 0 ? replicas + maxSurge : 0
        let toAdd = allowed - active.reduce(0) { $0 + $1.replicas }
        let ordered = active.sorted { a, b in
            if a.replicas != b.replicas { return a.replicas > b.replicas }
            return toAdd > 0 ? a.created > b.created : a.created < b.created
        }
        var sizes: [String: Int64] = [:]
        var added: Int64 = 0
        for set in ordered {
            var proportion: Int64 = 0
            if toAdd != 0, set.replicas > 0, added != toAdd {
                let fraction: Int64
                if replicas == 0 {
                    fraction = -set.replicas
                } else {
                    let base = set.maxReplicas ?? statusReplicas
                    let scaled = base > 0 ? (Double(set.replicas * allowed) / Double(base)).rounded() : Double(set.replicas)
                    fraction = Int64(scaled) - set.replicas
                }
                proportion = toAdd > 0 ? min(fraction, toAdd - added) : max(fraction, toAdd - added)
            }
            sizes[set.name] = set.replicas + proportion
            added += proportion
        }
        if let largest = ordered.first, toAdd != 0 {
            sizes[largest.name] = max(0, (sizes[largest.name] ?? 0) + toAdd - added)
        }
        return sizes
    }

    /// One step of a recreate: old sets to zero, then (once their pods are gone) the new one to `replicas`.
    static func recreateStep(replicas: Int64, new: SetState, old: [SetState], oldPodsRemain: Bool) -> [String: Int64] {
        let scaledDown = old.filter { $0.replicas > 0 }
        if !scaledDown.isEmpty { return Dictionary(uniqueKeysWithValues: scaledDown.map { ($0.name, Int64(0)) }) }
        if oldPodsRemain || new.replicas == replicas { return [:] }
        return [new.name: replicas]
    }

    // MARK: Progress

    static let deadlineExceeded = "ProgressDeadlineExceeded"

    /// Where a rollout stands, for the Progressing condition.
    enum Progress: Equatable {
        case paused
        case complete
        /// Under way; `touched` when it moved just now (the condition's lastUpdateTime is now), `deadline`
        /// how long until it times out without moving again (nil: no deadline).
        case progressing(touched: Bool, deadline: Duration?)
        /// No progress for `progressDeadlineSeconds`: Progressing=False, ProgressDeadlineExceeded.
        case timedOut
    }

    /// kube-controller-manager's `DeploymentProgressing`: the spec changed, or more pods are updated,
    /// ready or available than the status said, or fewer old ones are left.
    static func progressed(
        from status: JSONValue?, generation: Int64, updated: Int64, ready: Int64, available: Int64, replicas: Int64
    ) -> Bool {
        func was(_ field: String) -> Int64 { status?[field]?.intValue ?? 0 }
        return generation != was("observedGeneration") || updated > was("updatedReplicas") || ready > was("readyReplicas")
            || available > was("availableReplicas") || replicas - updated < was("replicas") - was("updatedReplicas")
    }

    /// The Progressing condition's next state: a rollout that has not moved for `deadlineSeconds` since
    /// `lastProgress` has timed out, and stays so until it moves again (a new spec counts as moving).
    static func progress(
        paused: Bool, complete: Bool, progressed: Bool, previousReason: String?, lastProgress: Date?,
        deadlineSeconds: Int64?, now: Date
    ) -> Progress {
        if paused { return .paused }
        if complete { return .complete }
        let touched = progressed || lastProgress == nil || previousReason != "ReplicaSetUpdated" && previousReason != deadlineExceeded
        if !touched && previousReason == deadlineExceeded { return .timedOut }
        // Int32.max: no deadline, as Kubernetes reads it.
        guard let deadlineSeconds, deadlineSeconds < Int64(Int32.max) else { return .progressing(touched: touched, deadline: nil) }
        let since = touched ? now : lastProgress ?? now
        let left = Double(deadlineSeconds) - now.timeIntervalSince(since)
        if left <= 0 { return .timedOut }
        // A moment past the deadline (times are written in whole seconds).
        return .progressing(touched: touched, deadline: .milliseconds(Int64(left * 1000) + 1000))
    }
}
