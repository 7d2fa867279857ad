import Foundation
import KubeClient
import KubeModel
import Logging

/// batch/v1 CronJobs (``CronJobPlan``): makes the Job of each scheduled time, replaces or skips for a
/// running one as `concurrencyPolicy` says, keeps the status, prunes the history, and looks again at
/// the next scheduled time.
struct CronJobController: Sendable {
    let client: KubeClient
    let caches: WorkloadCaches
    let events: WorkloadEvents
    let logger: Logger

    func reconcile(_ key: String) async throws -> Duration? {
        guard let cronJob = await caches.cronJobs.store.get(key), !cronJob.isDeleting else { return nil }
        let jobs = await caches.jobs(controlledBy: cronJob.uid, namespace: cronJob.namespace)
        let now = Date()
        let step: CronJobPlan.Step
        do {
            step = try CronJobPlan.step(cronJob, jobs: jobs, now: now)
        } catch {
            logger.warning("unparseable schedule", metadata: ["cronjob": "\(key)", "error": "\(error)"])
            events.warning(cronJob, "UnparseableSchedule", "unparseable schedule: \(error)")
            return nil
        }
        let wasActive = Set((cronJob.status?["active"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue })
        for job in jobs where wasActive.contains(job.name) && JobPlan.hasFinished(job.status) {
            let status = JobPlan.isSuccessful(job.status) ? "Complete" : "Failed"
            events.normal(cronJob, "SawCompletedJob", "Saw completed job: \(job.name), status: \(status)")
        }
        for name in step.replace + step.prune {
            try await deleteJob(name, namespace: cronJob.namespace)
            events.normal(cronJob, "SuccessfulDelete", "Deleted job \(name)")
        }
        var made: Job?
        if let scheduled = step.run {
            made = try await createJob(for: cronJob, scheduledAt: scheduled)
            events.normal(cronJob, "SuccessfulCreate", "Created job \(made?.name ?? "")")
            logger.info("job created", metadata: ["cronjob": "\(key)", "job": "\(made?.name ?? "")"])
        }
        let current = jobs.filter { $0.name != made?.name } + (made.map { [$0] } ?? [])
        let status = CronJobPlan.status(cronJob, jobs: current, deleted: Set(step.replace + step.prune), scheduled: step.run)
        if status != cronJob.status {
            _ = try await client.patch(
                CronJob.resourceType, name: cronJob.name, namespace: cronJob.namespace,
                patch: .merge(StatusPatch.replacing(cronJob.status, with: status)), subresource: "status")
        }
        guard let next = step.next else { return nil }
        return .milliseconds(Int64(max(0, next.timeIntervalSince(Date())) * 1000) + 100)
    }

    private func createJob(for cronJob: CronJob, scheduledAt scheduled: Date) async throws -> Job {
        let body = CronJobPlan.job(for: cronJob, scheduledAt: scheduled)
        do {
            return try KubeJSON.decode(Job.self, from: try await client.create(Job.resourceType, body, namespace: cronJob.namespace))
        } catch let error as KubeAPIError where error.isAlreadyExists {
            return try await client.get(
                Job.self, name: CronJobPlan.jobName(cronJob.name, scheduledAt: scheduled), namespace: cronJob.namespace ?? "")
        }
    }

    private func deleteJob(_ name: String, namespace: String?) async throws {
        do {
            try await client.delete(
                Job.self, name: name, namespace: namespace ?? "", options: DeleteOptions(propagationPolicy: .background))
        } catch let error as KubeAPIError where error.isNotFound {}
    }
}
