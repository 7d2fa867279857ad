import Foundation
import KubeModel

/// What a Job's controller does next, from the Job and the pods it controls: pure.
///
/// As the batch/v1 reference and the Jobs concept page describe it: up to `parallelism` pods run at
/// once; a Job with `completions` is complete after that many pods succeeded (in `Indexed` mode, one
/// per index `0..<completions`), a work queue Job (no `completions`) once one pod succeeded and none
/// runs; it fails when more than `backoffLimit` pods failed (with `restartPolicy: OnFailure`, when its
/// running pods restarted that often) or when it ran longer than `activeDeadlineSeconds`. A failed pod
/// is replaced after a delay of 10 s, doubled for each failure, capped at six minutes. A suspended
/// Job keeps no pod running. Succeeded and failed pods are counted as long as they exist.
enum JobPlan {
    static let completionIndexAnnotation = "batch.kubernetes.io/job-completion-index"
    static let backoffBase: Duration = .seconds(10)
    static let backoffCap: Duration = .seconds(360)

    /// The fields of `spec` the plan reads, defaulted as the API defaults them.
    struct Spec: Equatable {
        var parallelism = 1
        var completions: Int?
        var indexed = false
        var backoffLimit = 6
        var activeDeadline: TimeInterval?
        var suspended = false
        var restartPolicy = "Never"

        init(_ spec: JSONValue?) {
            parallelism = Int(spec?["parallelism"]?.intValue ?? 1)
            completions = spec?["completions"]?.intValue.map(Int.init)
            indexed = spec?["completionMode"] == "Indexed"
            backoffLimit = Int(spec?["backoffLimit"]?.intValue ?? 6)
            activeDeadline = spec?["activeDeadlineSeconds"]?.intValue.map(TimeInterval.init)
            suspended = spec?["suspend"]?.boolValue ?? false
            restartPolicy = spec?[path: ["template", "spec", "restartPolicy"]]?.stringValue ?? "Never"
        }

        init() {}
    }

    enum Outcome: Equatable {
        case running
        case complete
        case failed(reason: String, message: String)
    }

    /// The pods of a Job by state.
    struct Pods {
        var active: [Pod]
        var succeeded: [Pod]
        var failed: [Pod]

        init(_ pods: [Pod]) {
            active = pods.filter(\.isActive)
            succeeded = pods.filter { $0.status?.phase == PodPhase.succeeded }
            failed = pods.filter { $0.status?.phase == PodPhase.failed }
        }

        /// The indexes with a succeeded pod (Indexed Jobs), those of `0..<completions` only.
        func succeededIndexes(below completions: Int) -> Set<Int> {
            Set(succeeded.compactMap(JobPlan.index).filter { $0 < completions })
        }
    }

    struct Step: Equatable {
        var outcome: Outcome = .running
        /// Pods to make: their completion index in an Indexed Job, nil otherwise.
        var create: [Int?] = []
        var delete: [String] = []
        /// Creations held back by the failure backoff: when to look again.
        var retryAfter: Duration?
    }

    static func index(of pod: Pod) -> Int? {
        pod.metadata.annotations?[completionIndexAnnotation].flatMap { Int($0) }
    }

    static func step(_ spec: Spec, pods: Pods, startTime: Date?, now: Date) -> Step {
        var step = Step()
        step.outcome = outcome(spec, pods: pods, startTime: startTime, now: now)
        if step.outcome != .running || spec.suspended {
            step.delete = pods.active.map(\.name)
            return step
        }
        if spec.indexed, let completions = spec.completions {
            plan(indexed: completions, spec: spec, pods: pods, into: &step)
        } else {
            let wanted = wantedActive(spec, pods: pods)
            if pods.active.count > wanted {
                step.delete = ReplicaSetPlan.victims(pods.active, count: pods.active.count - wanted).map(\.name)
            } else {
                step.create = Array(repeating: nil, count: wanted - pods.active.count)
            }
        }
        if !step.create.isEmpty, let wait = backoff(failed: pods.failed, now: now) {
            step.create = []
            step.retryAfter = wait
        }
        return step
    }

    static func outcome(_ spec: Spec, pods: Pods, startTime: Date?, now: Date) -> Outcome {
        if isComplete(spec, pods: pods) { return .complete }
        if pods.failed.count > spec.backoffLimit || pastBackoffLimitOnFailure(spec, active: pods.active) {
            return .failed(reason: "BackoffLimitExceeded", message: "Job has reached the specified backoff limit")
        }
        if let deadline = spec.activeDeadline, let startTime, !spec.suspended, now.timeIntervalSince(startTime) >= deadline {
            return .failed(reason: "DeadlineExceeded", message: "Job was active longer than specified deadline")
        }
        return .running
    }

    static func isComplete(_ spec: Spec, pods: Pods) -> Bool {
        guard let completions = spec.completions else { return !pods.succeeded.isEmpty && pods.active.isEmpty }
        if spec.indexed { return pods.succeededIndexes(below: completions).count >= completions }
        return pods.succeeded.count >= completions
    }

    /// With `restartPolicy: OnFailure` a failing container restarts in its pod: the restarts of the
    /// running pods count against `backoffLimit` (any restart when it is 0).
    static func pastBackoffLimitOnFailure(_ spec: Spec, active: [Pod]) -> Bool {
        guard spec.restartPolicy == "OnFailure" else { return false }
        let restarts = active.reduce(0) { total, pod in
            total + (pod.status?.containerStatuses ?? []).reduce(0) { $0 + Int($1.restartCount) }
        }
        return spec.backoffLimit == 0 ? restarts > 0 : restarts >= spec.backoffLimit
    }

    /// How many pods of a non-indexed Job should run: no more than `parallelism`, nor than the
    /// completions still missing; a work queue Job starts no pod once one succeeded.
    static func wantedActive(_ spec: Spec, pods: Pods) -> Int {
        guard let completions = spec.completions else {
            return pods.succeeded.isEmpty ? spec.parallelism : pods.active.count
        }
        return max(0, min(spec.parallelism, completions - pods.succeeded.count))
    }

    /// An Indexed Job: one pod per index not yet succeeded, the lowest first, up to `parallelism`;
    /// duplicates of an index and pods beyond `parallelism` deleted.
    private static func plan(indexed completions: Int, spec: Spec, pods: Pods, into step: inout Step) {
        let done = pods.succeededIndexes(below: completions)
        var running: Set<Int> = []
        var keep: [Pod] = []
        for pod in pods.active.sorted(by: { (index(of: $0) ?? .max) < (index(of: $1) ?? .max) }) {
            guard let index = index(of: pod), index < completions, !done.contains(index), running.insert(index).inserted else {
                step.delete.append(pod.name)
                continue
            }
            keep.append(pod)
        }
        if keep.count > spec.parallelism {
            step.delete += keep.suffix(keep.count - spec.parallelism).map(\.name)
            return
        }
        let pending = (0..<completions).filter { !done.contains($0) && !running.contains($0) }
        step.create = pending.prefix(spec.parallelism - keep.count).map { $0 }
    }

    /// How long new pods wait after the last failure: 10 s for the first, doubled for each further one.
    static func backoff(failed: [Pod], now: Date) -> Duration? {
        guard !failed.isEmpty, let last = failed.compactMap(finishedAt).max() else { return nil }
        let doublings = min(failed.count - 1, 6)
        let delay = min(backoffBase * (1 << doublings), backoffCap)
        let remaining = last.addingTimeInterval(delay.inSeconds).timeIntervalSince(now)
        return remaining > 0 ? .milliseconds(Int64(remaining * 1000)) : nil
    }

    /// When a finished pod's last container ended (its Ready condition's change when none says so).
    static func finishedAt(_ pod: Pod) -> Date? {
        let ends = (pod.status?.containerStatuses ?? []).compactMap {
            $0.state?[path: ["terminated", "finishedAt"]]?.stringValue.flatMap(KubeTime.init(text:))?.date
        }
        return ends.max() ?? pod.status?.condition(ConditionType.ready)?.lastTransitionTime?.date
    }

    /// `completedIndexes`: the succeeded indexes as ranges, e.g. `0-2,5`.
    static func compressedIndexes(_ indexes: Set<Int>) -> String {
        var ranges: [String] = []
        var sorted = indexes.sorted()[...]
        while let first = sorted.popFirst() {
            var last = first
            while sorted.first == last + 1 { last = sorted.removeFirst() }
            ranges.append(first == last ? "\(first)" : "\(first)-\(last)")
        }
        return ranges.joined(separator: ",")
    }
}

extension JobPlan {
    /// Whether the Job has finished: a `Complete` or `Failed` condition that is True.
    static func hasFinished(_ status: JSONValue?) -> Bool {
        (status?["conditions"]?.arrayValue ?? []).contains {
            ($0["type"] == "Complete" || $0["type"] == "Failed") && $0["status"] == "True"
        }
    }

    /// Whether the Job finished as `Complete`.
    static func isSuccessful(_ status: JSONValue?) -> Bool {
        (status?["conditions"]?.arrayValue ?? []).contains { $0["type"] == "Complete" && $0["status"] == "True" }
    }

    /// When the Job finished: its completion time, else its terminal condition's.
    static func finishedAt(_ status: JSONValue?) -> Date? {
        if let completion = status?["completionTime"]?.stringValue.flatMap(KubeTime.init(text:)) { return completion.date }
        let terminal = (status?["conditions"]?.arrayValue ?? []).first {
            ($0["type"] == "Complete" || $0["type"] == "Failed") && $0["status"] == "True"
        }
        return terminal?["lastTransitionTime"]?.stringValue.flatMap(KubeTime.init(text:))?.date
    }

    /// The status after `step`: counts (zeros left out, as the API does), start and completion times,
    /// `completedIndexes`, and the conditions `Complete`, `Failed`, `Suspended`.
    static func status(_ current: JSONValue?, spec: Spec, pods: Pods, step: Step, now: Date) -> JSONValue {
        var status = current?.objectValue ?? [:]
        let time = JSONValue.string(KubeTime(now).description)
        var conditions = status["conditions"]?.arrayValue ?? []
        let wasSuspended = conditions.contains { $0["type"] == "Suspended" && $0["status"] == "True" }
        if spec.suspended {
            set(&conditions, type: "Suspended", status: "True", reason: "JobSuspended", message: "Job suspended", time: time)
        } else if wasSuspended {
            set(&conditions, type: "Suspended", status: "False", reason: "JobResumed", message: "Job resumed", time: time)
            status["startTime"] = time
        }
        if status["startTime"] == nil && !spec.suspended { status["startTime"] = time }
        let deleted = Set(step.delete)
        let remaining = pods.active.filter { !deleted.contains($0.name) }
        status["active"] = count(remaining.count + step.create.count)
        status["ready"] = .int(Int64(remaining.filter(\.isReady).count))
        status["succeeded"] = count(pods.succeeded.count)
        status["failed"] = count(pods.failed.count)
        if spec.indexed, let completions = spec.completions {
            let indexes = compressedIndexes(pods.succeededIndexes(below: completions))
            status["completedIndexes"] = indexes.isEmpty ? nil : .string(indexes)
        }
        switch step.outcome {
        case .complete:
            if status["completionTime"] == nil { status["completionTime"] = time }
            set(&conditions, type: "Complete", status: "True", reason: "CompletionsReached",
                message: "Reached expected number of succeeded pods", time: time)
        case .failed(let reason, let message):
            set(&conditions, type: "Failed", status: "True", reason: reason, message: message, time: time)
        case .running:
            break
        }
        status["conditions"] = conditions.isEmpty ? nil : .array(conditions)
        return .object(status)
    }

    private static func count(_ value: Int) -> JSONValue? { value == 0 ? nil : .int(Int64(value)) }

    /// Sets a condition, keeping its times while its status does not change.
    private static func set(
        _ conditions: inout [JSONValue], type: String, status: String, reason: String, message: String, time: JSONValue
    ) {
        var condition: JSONValue = [
            "type": .string(type), "status": .string(status), "reason": .string(reason), "message": .string(message),
            "lastProbeTime": time, "lastTransitionTime": time,
        ]
        guard let index = conditions.firstIndex(where: { $0["type"]?.stringValue == type }) else {
            conditions.append(condition)
            return
        }
        if conditions[index]["status"]?.stringValue == status {
            condition["lastProbeTime"] = conditions[index]["lastProbeTime"] ?? time
            condition["lastTransitionTime"] = conditions[index]["lastTransitionTime"] ?? time
        }
        conditions[index] = condition
    }
}
