import Foundation
import KubeClient
import KubeModel
import Logging

/// batch/v1 Jobs (``JobPlan``): makes the pods that should run, deletes those that should not, writes
/// the status and its conditions, and deletes a finished Job once its `ttlSecondsAfterFinished` has
/// passed (Kubernetes' TTL-after-finished controller).
struct JobController: Sendable {
    let client: KubeClient
    let caches: WorkloadCaches
    let expectations: Expectations
    let events: WorkloadEvents
    let logger: Logger

    func reconcile(_ key: String) async throws -> Duration? {
        guard let job = await caches.jobs.store.get(key), !job.isDeleting else {
            expectations.forget(key)
            return nil
        }
        if JobPlan.hasFinished(job.status) { return try await expire(job) }
        guard expectations.satisfied(key) else { return nil }
        let spec = JobPlan.Spec(job.spec)
        let controlled = await caches.pods(controlledBy: job.uid, namespace: job.namespace)
        let claim = ControllerRefs.claim(
            controlled: controlled, orphans: await caches.orphanPods(in: job.namespace), selector: LabelSelector(job.spec?["selector"]))
        if try await ControllerRefs(client: client).apply(claim, owner: job) { return nil }
        let pods = JobPlan.Pods(controlled)
        let startTime = job.status?["startTime"]?.stringValue.flatMap(KubeTime.init(text:))?.date
        let now = Date()
        let step = JobPlan.step(spec, pods: pods, startTime: startTime, now: now)
        expectations.expect(key, adds: step.create.count, deletes: step.delete)
        try await create(step.create, for: job, key: key)
        try await delete(step.delete, of: job, key: key)
        let status = JobPlan.status(job.status, spec: spec, pods: pods, step: step, now: now)
        if status != job.status {
            _ = try await client.patch(
                Job.resourceType, name: job.name, namespace: job.namespace,
                patch: .merge(StatusPatch.replacing(job.status, with: status)), subresource: "status")
            recordChanges(job, from: job.status, to: status, outcome: step.outcome)
        }
        return [step.retryAfter, deadline(spec, status: status, now: now)].compactMap { $0 }.min()
    }

    private func create(_ indexes: [Int?], for job: Job, key: String) async throws {
        try await withThrowingDiscardingTaskGroup { group in
            for index in indexes {
                group.addTask {
                    do {
                        let created = try await client.create(Pod.resourceType, pod(of: job, index: index), namespace: job.namespace)
                        events.normal(job, "SuccessfulCreate", "Created pod: \(created[path: ["metadata", "name"]]?.stringValue ?? "")")
                    } catch {
                        expectations.creationFailed(key)
                        events.warning(job, "FailedCreate", "Error creating: \(error)")
                        throw error
                    }
                }
            }
        }
    }

    private func delete(_ names: [String], of job: Job, key: String) async throws {
        for name in names {
            do {
                try await client.delete(Pod.self, name: name, namespace: job.namespace ?? "")
                events.normal(job, "SuccessfulDelete", "Deleted pod: \(name)")
            } catch let error as KubeAPIError where error.isNotFound {
                expectations.deleted(key, pod: name)
            }
        }
    }

    /// The Events of a status change: finished (`Completed`, or the failure's reason as a Warning),
    /// suspended, resumed.
    private func recordChanges(_ job: Job, from old: JSONValue?, to new: JSONValue, outcome: JobPlan.Outcome) {
        func suspended(_ status: JSONValue?) -> String? {
            status?["conditions"]?.arrayValue?.first { $0["type"] == "Suspended" }?["status"]?.stringValue
        }
        switch (suspended(old), suspended(new)) {
        case (let before, "True") where before != "True": events.normal(job, "Suspended", "Job suspended")
        case ("True", "False"): events.normal(job, "Resumed", "Job resumed")
        default: break
        }
        guard !JobPlan.hasFinished(old) else { return }
        switch outcome {
        case .complete:
            events.normal(job, "Completed", "Job completed")
        case .failed(let reason, let message):
            events.warning(job, reason, message)
        case .running:
            return
        }
        logger.info("job finished", metadata: ["job": "\(job.key)", "outcome": "\(outcome)"])
    }

    /// A pod of the Job's template; in an Indexed Job it carries its index (annotation, label, hostname
    /// `<job>-<index>` and `JOB_COMPLETION_INDEX` in every container's environment).
    func pod(of job: Job, index: Int?) -> JSONValue {
        let template = job.spec?["template"]
        guard let index else {
            return PodTemplate.pod(
                from: template, namespace: job.namespace ?? "", generateName: "\(job.name)-", owner: job.controllerReference)
        }
        var pod = PodTemplate.pod(
            from: template, namespace: job.namespace ?? "", generateName: "\(job.name)-\(index)-",
            owner: job.controllerReference, extraLabels: [JobPlan.completionIndexAnnotation: String(index)])
        var annotations = pod[path: ["metadata", "annotations"]]?.objectValue ?? [:]
        annotations[JobPlan.completionIndexAnnotation] = .string(String(index))
        pod["metadata"]?["annotations"] = .object(annotations)
        pod["spec"]?["hostname"] = .string("\(job.name)-\(index)")
        let indexVariable: JSONValue = [
            "name": "JOB_COMPLETION_INDEX",
            "valueFrom": ["fieldRef": ["fieldPath": .string("metadata.annotations['\(JobPlan.completionIndexAnnotation)']")]],
        ]
        if let containers = pod[path: ["spec", "containers"]]?.arrayValue {
            pod["spec"]?["containers"] = .array(containers.map { container in
                var container = container
                container["env"] = .array([indexVariable] + (container["env"]?.arrayValue ?? []))
                return container
            })
        }
        return pod
    }

    /// When a running Job with `activeDeadlineSeconds` runs out of time.
    private func deadline(_ spec: JobPlan.Spec, status: JSONValue, now: Date) -> Duration? {
        guard let limit = spec.activeDeadline, !spec.suspended, !JobPlan.hasFinished(status),
            let start = status["startTime"]?.stringValue.flatMap(KubeTime.init(text:))?.date
        else { return nil }
        return .milliseconds(Int64(max(0, start.addingTimeInterval(limit).timeIntervalSince(now)) * 1000) + 10)
    }

    /// A finished Job with `ttlSecondsAfterFinished` is deleted (with its pods) when that time has passed.
    private func expire(_ job: Job) async throws -> Duration? {
        guard let ttl = job.spec?["ttlSecondsAfterFinished"]?.intValue, let finished = JobPlan.finishedAt(job.status) else {
            return nil
        }
        let remaining = finished.addingTimeInterval(TimeInterval(ttl)).timeIntervalSince(Date())
        if remaining > 0 { return .milliseconds(Int64(remaining * 1000) + 10) }
        do {
            try await client.delete(
                Job.self, name: job.name, namespace: job.namespace ?? "",
                options: DeleteOptions(propagationPolicy: .background, preconditionUID: job.uid))
            logger.info("finished job deleted after its TTL", metadata: ["job": "\(job.key)", "ttl": "\(ttl)"])
        } catch let error as KubeAPIError where error.isNotFound || error.isConflict {}
        return nil
    }
}
