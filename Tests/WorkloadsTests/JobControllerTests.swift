import Foundation
import KubeClient
import KubeModel
import SteadTestSupport
import Testing

@testable import Workloads

/// Jobs and CronJobs against the real API server, simulated nodes (whose containers of `Never` and
/// `OnFailure` pods exit) and the scheduler, as the batch/v1 reference and the Jobs concept page
/// describe them.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct JobControllerTests {
    @Test func runsParallelismPodsAtATimeUntilTheCompletionsSucceed() async throws {
        try await WorkloadCluster.with { cluster in
            let jobs = try await cluster.watchJobs()
            let pods = try await cluster.watchPods("app=migrate")
            let created = try await cluster.createJob("migrate", extra: ["completions": 5, "parallelism": 2])
            #expect(created.spec?["backoffLimit"] == 6, "the API's default")
            let uid = try #require(created.metadata.uid)
            let done = try await jobs.waitUntil("migrate complete", timeout: .seconds(90)) { jobs in
                jobs.first { $0.name == "migrate" }?.condition("Complete")?["status"] == "True"
            }.first { $0.name == "migrate" }
            let job = try #require(done)
            #expect(job.count("succeeded") == 5)
            #expect(job.status?["active"] == nil, "no pod runs: the count is left out")
            #expect(job.status?["failed"] == nil)
            #expect(job.condition("Complete")?["reason"] == "CompletionsReached")
            let start = try #require(job.status?["startTime"]?.stringValue.flatMap(KubeTime.init(text:)))
            let end = try #require(job.status?["completionTime"]?.stringValue.flatMap(KubeTime.init(text:)))
            #expect(end.date >= start.date)

            let finished = await pods.objects
            #expect(finished.count == 5, "no pod more than the completions")
            #expect(finished.allSatisfy { $0.status?.phase == "Succeeded" })
            for pod in finished {
                #expect(pod.name.hasPrefix("migrate-"))
                #expect(pod.metadata.labels?["job-name"] == "migrate")
                #expect(pod.metadata.labels?["batch.kubernetes.io/controller-uid"] == uid)
                #expect(pod.metadata.controllerReference?.uid == uid)
            }
            // Never more than `parallelism` pods running at once.
            var running: Set<String> = []
            var most = 0
            for (type, pod) in await pods.history {
                if type != .deleted && pod.isActive { running.insert(pod.name) } else { running.remove(pod.name) }
                most = max(most, running.count)
            }
            #expect(most == 2)

            let creations = try await cluster.events(about: "migrate", reason: "SuccessfulCreate", count: 5)
            #expect(Set(creations.compactMap { $0.message }) == Set(finished.map { "Created pod: \($0.name)" }))
            let completed = try #require(try await cluster.events(about: "migrate", reason: "Completed").first)
            #expect(completed.message == "Job completed")
            #expect(completed.source?.component == "job-controller")
            #expect(completed.involvedObject.kind == "Job")
        }
    }

    @Test func indexedJobRunsOnePodPerIndexWithItsIndex() async throws {
        try await WorkloadCluster.with { cluster in
            let jobs = try await cluster.watchJobs()
            let pods = try await cluster.watchPods("app=shards")
            try await cluster.createJob("shards", extra: ["completions": 3, "parallelism": 3, "completionMode": "Indexed"])
            let job = try #require(try await jobs.waitUntil("shards complete", timeout: .seconds(90)) { jobs in
                jobs.first?.condition("Complete")?["status"] == "True"
            }.first)
            #expect(job.status?["completedIndexes"] == "0-2")
            #expect(job.count("succeeded") == 3)
            let byIndex = Dictionary(grouping: await pods.objects) { $0.metadata.annotations?[JobPlan.completionIndexAnnotation] ?? "" }
            #expect(byIndex.keys.sorted() == ["0", "1", "2"])
            for (index, shard) in byIndex {
                let pod = try #require(shard.first)
                #expect(shard.count == 1)
                #expect(pod.name.hasPrefix("shards-\(index)-"))
                #expect(pod.spec?.hostname == "shards-\(index)")
                #expect(pod.metadata.labels?[JobPlan.completionIndexAnnotation] == index)
                let env = try await cluster.client.get(Pod.self, name: pod.name, namespace: WorkloadCluster.namespace)
                    .spec?.containers.first?.env?.map(\.name)
                #expect(env == ["JOB_COMPLETION_INDEX"])
            }
        }
    }

    @Test func failedPodsAreReplacedAfterABackoffUntilTheLimitFailsTheJob() async throws {
        try await WorkloadCluster.with { cluster in
            let jobs = try await cluster.watchJobs()
            let pods = try await cluster.watchPods("app=broken")
            try await cluster.createJob("broken", image: "busybox:fail", extra: ["backoffLimit": 1])
            let job = try #require(try await jobs.waitUntil("broken failed", timeout: .seconds(90)) { jobs in
                jobs.first?.condition("Failed")?["status"] == "True"
            }.first)
            #expect(job.condition("Failed")?["reason"] == "BackoffLimitExceeded")
            #expect(job.condition("Failed")?["message"] == "Job has reached the specified backoff limit")
            #expect(job.count("failed") == 2, "backoffLimit 1: the second failure ends it")
            #expect(job.status?["completionTime"] == nil)
            let failed = await pods.objects.sorted { ($0.metadata.creationTimestamp?.date ?? .distantPast) < ($1.metadata.creationTimestamp?.date ?? .distantPast) }
            #expect(failed.count == 2)
            #expect(failed.allSatisfy { $0.status?.phase == "Failed" })
            // The replacement waited the first backoff (10 s) after the first failure (whole seconds in the API).
            let firstFailure = try #require(JobPlan.finishedAt(failed[0]))
            let replaced = try #require(failed[1].metadata.creationTimestamp?.date)
            #expect(replaced.timeIntervalSince(firstFailure) >= 9)
            let warning = try #require(try await cluster.events(about: "broken", reason: "BackoffLimitExceeded").first)
            #expect(warning.type == "Warning")
        }
    }

    @Test func activeDeadlineFailsTheJobAndStopsItsPods() async throws {
        try await WorkloadCluster.with { cluster in
            let jobs = try await cluster.watchJobs()
            let pods = try await cluster.watchPods("app=slow")
            try await cluster.createJob("slow", command: ["sleep", "300"], extra: ["parallelism": 2, "completions": 2, "activeDeadlineSeconds": 2])
            try await pods.waitUntil("2 pods running", timeout: .seconds(60)) { $0.filter { $0.status?.phase == "Running" }.count == 2 }
            let job = try #require(try await jobs.waitUntil("slow failed", timeout: .seconds(60)) { jobs in
                jobs.first?.condition("Failed")?["status"] == "True"
            }.first)
            #expect(job.condition("Failed")?["reason"] == "DeadlineExceeded")
            #expect(job.status?["active"] == nil)
            try await pods.waitUntil("its pods deleted", timeout: .seconds(60)) { $0.isEmpty }
        }
    }

    @Test func suspendedJobRunsNoPodUntilResumedAndIsDeletedAfterItsTTL() async throws {
        try await WorkloadCluster.with { cluster in
            let jobs = try await cluster.watchJobs()
            let pods = try await cluster.watchPods("app=later")
            try await cluster.createJob("later", extra: ["suspend": true, "ttlSecondsAfterFinished": 1])
            let suspended = try #require(try await jobs.waitUntil("suspended", timeout: .seconds(60)) { jobs in
                jobs.first?.condition("Suspended")?["status"] == "True"
            }.first)
            #expect(suspended.condition("Suspended")?["reason"] == "JobSuspended")
            #expect(suspended.status?["startTime"] == nil)
            #expect(await pods.history.isEmpty, "a suspended Job makes no pod")

            _ = try await cluster.client.patch(Job.self, name: "later", namespace: WorkloadCluster.namespace, patch: .merge(["spec": ["suspend": false]]))
            let resumed = try #require(try await jobs.waitUntil("complete", timeout: .seconds(60)) {
                $0.first?.condition("Complete")?["status"] == "True"
            }.first)
            #expect(resumed.condition("Suspended")?["status"] == "False")
            #expect(resumed.condition("Suspended")?["reason"] == "JobResumed")
            // ttlSecondsAfterFinished: 1: the Job goes, and its pod with it.
            try await jobs.waitUntil("deleted after its TTL", timeout: .seconds(60)) { $0.isEmpty }
            try await pods.waitUntil("its pod collected", timeout: .seconds(60)) { $0.isEmpty }
        }
    }

    @Test func cronJobMakesTheJobOfEachScheduledMinuteAndPrunesTheFinished() async throws {
        try await WorkloadCluster.with { cluster in
            let jobs = try await cluster.watchJobs()
            let cronJobs = try await cluster.watchCronJobs()
            let body: JSONValue = [
                "apiVersion": "batch/v1", "kind": "CronJob",
                "metadata": ["name": "tick", "namespace": .string(WorkloadCluster.namespace)],
                "spec": [
                    "schedule": "* * * * *", "successfulJobsHistoryLimit": 0,
                    "jobTemplate": [
                        "metadata": ["labels": ["from": "tick"]],
                        "spec": [
                            "template": [
                                "spec": [
                                    "restartPolicy": "OnFailure",
                                    "containers": [["name": "main", "image": "busybox:1", "command": ["sleep", "1"]]],
                                ]
                            ]
                        ],
                    ],
                ],
            ]
            let created = try KubeJSON.decode(CronJob.self, from: try await cluster.client.create(CronJob.resourceType, body, namespace: WorkloadCluster.namespace))
            // The first whole minute after its creation (at most a minute away).
            let created0 = try #require(created.metadata.creationTimestamp?.date)
            let scheduled = try #require(try CronSchedule(parsing: "* * * * *").next(after: created0, in: .current))
            let name = CronJobPlan.jobName("tick", scheduledAt: scheduled)
            let job = try #require(try await jobs.waitUntil("the Job of \(scheduled)", timeout: .seconds(90)) { jobs in
                jobs.contains { $0.name == name }
            }.first { $0.name == name })
            #expect(job.metadata.controllerReference?.uid == created.metadata.uid)
            #expect(job.metadata.labels?["from"] == "tick")
            #expect(job.metadata.annotations?[CronJobPlan.scheduledTimestampAnnotation] != nil)
            // successfulJobsHistoryLimit 0: once complete, the Job is deleted.
            try await jobs.waitUntil("the finished Job pruned", timeout: .seconds(60)) { jobs in !jobs.contains { $0.name == name } }
            #expect(await jobs.history.contains { $0.object.name == name && $0.object.condition("Complete")?["status"] == "True" })
            let status = try #require(try await cronJobs.waitUntil("last success recorded", timeout: .seconds(30)) { cronJobs in
                cronJobs.first?.status?["lastSuccessfulTime"] != nil && cronJobs.first?.status?["active"] == nil
            }.first?.status)
            #expect(status["lastScheduleTime"] == .string(KubeTime(scheduled).description))
            #expect(await cronJobs.history.contains { $0.object.status?["active"]?.arrayValue?.first?["name"] == .string(name) })
            #expect(try await cluster.events(about: "tick", reason: "SuccessfulCreate").first?.message == "Created job \(name)")
            #expect(try await cluster.events(about: "tick", reason: "SawCompletedJob").first?.message == "Saw completed job: \(name), status: Complete")
            #expect(try await cluster.events(about: "tick", reason: "SuccessfulDelete").first?.message == "Deleted job \(name)")
        }
    }
}
