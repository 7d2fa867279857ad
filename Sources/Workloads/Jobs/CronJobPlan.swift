import Foundation
import KubeModel

/// What a CronJob's controller does next, from the CronJob, the Jobs it made and the time: pure.
///
/// As the batch/v1 reference describes it: at each scheduled time a Job named `<cronjob>-<minutes since
/// the epoch>` is made from `jobTemplate`, unless the CronJob is suspended, the time is older than
/// `startingDeadlineSeconds`, or `concurrencyPolicy: Forbid` finds a Job still running (`Replace`
/// deletes the running ones first). Only the latest missed time is run. Finished Jobs beyond
/// `successfulJobsHistoryLimit` and `failedJobsHistoryLimit` are deleted, the oldest first.
enum CronJobPlan {
    static let scheduledTimestampAnnotation = "batch.kubernetes.io/cronjob-scheduled-timestamp"

    struct Step: Equatable {
        /// The scheduled time whose Job to make.
        var run: Date?
        /// Running Jobs to delete first (`Replace`).
        var replace: [String] = []
        /// Finished Jobs beyond the history limits.
        var prune: [String] = []
        /// When the next scheduled time comes.
        var next: Date?
    }

    static func jobName(_ cronJob: String, scheduledAt time: Date) -> String {
        "\(cronJob)-\(Int64(time.timeIntervalSince1970) / 60)"
    }

    static func timeZone(_ spec: JSONValue?) -> TimeZone {
        spec?["timeZone"]?.stringValue.flatMap(TimeZone.init(identifier:)) ?? .current
    }

    static func step(_ cronJob: CronJob, jobs: [Job], now: Date) throws(CronSchedule.ParseError) -> Step {
        let spec = cronJob.spec
        let schedule = try CronSchedule(parsing: spec?["schedule"]?.stringValue ?? "")
        let zone = timeZone(spec)
        var step = Step(prune: prune(jobs, spec: spec), next: schedule.next(after: now, in: zone))
        guard spec?["suspend"]?.boolValue != true else { return step }
        let since = cronJob.status?["lastScheduleTime"]?.stringValue.flatMap(KubeTime.init(text:))?.date
            ?? cronJob.metadata.creationTimestamp?.date ?? now
        guard let latest = schedule.times(after: since, through: now, in: zone, limit: 1).last else { return step }
        if let deadline = spec?["startingDeadlineSeconds"]?.intValue, now.timeIntervalSince(latest) > TimeInterval(deadline) {
            return step
        }
        let name = jobName(cronJob.name, scheduledAt: latest)
        guard !jobs.contains(where: { $0.name == name }) else { return step }
        let running = jobs.filter { !JobPlan.hasFinished($0.status) && !$0.isDeleting }
        switch spec?["concurrencyPolicy"]?.stringValue ?? "Allow" {
        case "Forbid" where !running.isEmpty:
            return step
        case "Replace":
            step.replace = running.map(\.name)
        default:
            break
        }
        step.run = latest
        return step
    }

    /// The finished Jobs beyond the history limits, the oldest first.
    static func prune(_ jobs: [Job], spec: JSONValue?) -> [String] {
        func succeeded(_ job: Job) -> Bool { JobPlan.isSuccessful(job.status) }
        func oldest(_ jobs: [Job], keeping limit: Int64?) -> [String] {
            guard let limit else { return [] }
            let sorted = jobs.sorted { ($0.metadata.creationTimestamp?.date ?? .distantPast) < ($1.metadata.creationTimestamp?.date ?? .distantPast) }
            return sorted.prefix(max(0, sorted.count - Int(limit))).map(\.name)
        }
        let finished = jobs.filter { JobPlan.hasFinished($0.status) && !$0.isDeleting }
        return oldest(finished.filter(succeeded), keeping: spec?["successfulJobsHistoryLimit"]?.intValue ?? 3)
            + oldest(finished.filter { !succeeded($0) }, keeping: spec?["failedJobsHistoryLimit"]?.intValue ?? 1)
    }

    /// The Job for the time `scheduled`: `jobTemplate`'s metadata and spec, owned by the CronJob.
    static func job(for cronJob: CronJob, scheduledAt scheduled: Date) -> JSONValue {
        let template = cronJob.spec?["jobTemplate"]
        var metadata = template?["metadata"]?.objectValue ?? [:]
        metadata["name"] = .string(jobName(cronJob.name, scheduledAt: scheduled))
        metadata["namespace"] = cronJob.namespace.map(JSONValue.string)
        var annotations = metadata["annotations"]?.objectValue ?? [:]
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = timeZone(cronJob.spec)
        annotations[scheduledTimestampAnnotation] = .string(formatter.string(from: scheduled))
        metadata["annotations"] = .object(annotations)
        metadata["ownerReferences"] = [cronJob.controllerReference.controllerJSON]
        return ["apiVersion": "batch/v1", "kind": "Job", "metadata": .object(metadata), "spec": template?["spec"] ?? [:]]
    }

    /// The status its Jobs give a CronJob: the running ones (`active`; none of those just deleted), the
    /// last scheduled time and the last successful completion (deleted Jobs' too).
    static func status(_ cronJob: CronJob, jobs: [Job], deleted: Set<String>, scheduled: Date?) -> JSONValue {
        var status = cronJob.status?.objectValue ?? [:]
        let running = jobs.filter { !JobPlan.hasFinished($0.status) && !deleted.contains($0.name) }.sorted { $0.name < $1.name }
        status["active"] = running.isEmpty ? nil : .array(running.map { job in
            [
                "apiVersion": "batch/v1", "kind": "Job", "name": .string(job.name),
                "namespace": .string(job.namespace ?? ""), "uid": .string(job.uid),
                "resourceVersion": .string(job.metadata.resourceVersion ?? ""),
            ]
        })
        if let scheduled { status["lastScheduleTime"] = .string(KubeTime(scheduled).description) }
        let completions = ([status["lastSuccessfulTime"]] + jobs.map { $0.status?["completionTime"] })
            .compactMap { $0?.stringValue.flatMap(KubeTime.init(text:)) }
        if let last = completions.max(by: { $0.date < $1.date }) { status["lastSuccessfulTime"] = .string(last.description) }
        return .object(status)
    }
}
