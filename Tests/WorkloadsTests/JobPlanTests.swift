import Foundation
import KubeModel
import Testing

@testable import Workloads

/// A Job's and a CronJob's next step, as kube-controller-manager's job and cronjob controllers take it.
struct JobPlanTests {
    private let now = Date(timeIntervalSince1970: 1_800_000_000)

    private func pod(_ name: String, phase: String = "Running", index: Int? = nil, restarts: Int32 = 0, finishedAgo: TimeInterval? = nil) -> Pod {
        var pod = Pod(metadata: ObjectMeta(name: name, namespace: "ns"), spec: PodSpec(containers: [Container(name: "c")]))
        pod.status = PodStatus(phase: phase)
        var container = ContainerStatus(name: "c", image: "i", ready: false, started: true, restartCount: restarts)
        if let finishedAgo {
            container.state = ["terminated": ["finishedAt": .string(KubeTime(now.addingTimeInterval(-finishedAgo)).description)]]
        }
        pod.status?.containerStatuses = [container]
        if let index { pod.metadata.annotations = [JobPlan.completionIndexAnnotation: String(index)] }
        return pod
    }

    private func spec(_ fields: JSONValue) -> JobPlan.Spec { JobPlan.Spec(fields) }

    @Test func nonIndexedJobsRunUpToParallelismAndNoMoreThanTheMissingCompletions() {
        let job = spec(["completions": 5, "parallelism": 2])
        #expect(JobPlan.step(job, pods: .init([]), startTime: nil, now: now).create.count == 2)
        let three = [pod("a", phase: "Succeeded"), pod("b", phase: "Succeeded"), pod("c", phase: "Succeeded"), pod("d")]
        #expect(JobPlan.step(job, pods: .init(three), startTime: nil, now: now).create.count == 1, "3 + 1 running + 1 = 5")
        let four = three + [pod("e", phase: "Succeeded")]
        #expect(JobPlan.step(job, pods: .init(four), startTime: nil, now: now).create.isEmpty, "4 + 1 running = 5")
        let five = (0..<5).map { pod("s\($0)", phase: "Succeeded") } + [pod("extra")]
        let done = JobPlan.step(job, pods: .init(five), startTime: nil, now: now)
        #expect(done.outcome == .complete)
        #expect(done.delete == ["extra"])
        // Parallelism lowered: the surplus goes.
        let lowered = JobPlan.step(spec(["completions": 5, "parallelism": 1]), pods: .init([pod("x"), pod("y")]), startTime: nil, now: now)
        #expect(lowered.delete.count == 1 && lowered.create.isEmpty)
    }

    @Test func aWorkQueueJobStartsNoPodOnceOneSucceededAndCompletesWhenAllStopped() {
        let job = spec(["parallelism": 3])
        #expect(JobPlan.step(job, pods: .init([]), startTime: nil, now: now).create.count == 3)
        let one = JobPlan.step(job, pods: .init([pod("a", phase: "Succeeded"), pod("b")]), startTime: nil, now: now)
        #expect(one.create.isEmpty && one.outcome == .running)
        #expect(JobPlan.step(job, pods: .init([pod("a", phase: "Succeeded")]), startTime: nil, now: now).outcome == .complete)
    }

    @Test func indexedJobsMakeTheLowestMissingIndexesAndDropDuplicates() {
        let job = spec(["completions": 4, "parallelism": 2, "completionMode": "Indexed"])
        #expect(JobPlan.step(job, pods: .init([]), startTime: nil, now: now).create == [0, 1])
        let pods = [pod("zero", phase: "Succeeded", index: 0), pod("two", index: 2), pod("two-again", index: 2)]
        let step = JobPlan.step(job, pods: .init(pods), startTime: nil, now: now)
        #expect(step.delete == ["two-again"])
        #expect(step.create == [1])
        let done = (0..<4).map { (index: Int) in pod("p\(index)", phase: "Succeeded", index: index) }
        #expect(JobPlan.step(job, pods: .init(done), startTime: nil, now: now).outcome == .complete)
        #expect(JobPlan.compressedIndexes([0, 1, 2, 5, 7, 8]) == "0-2,5,7-8")
    }

    @Test func failuresBackOffThenExceedTheLimit() {
        let job = spec(["completions": 1, "backoffLimit": 2])
        let first = JobPlan.step(job, pods: .init([pod("f1", phase: "Failed", finishedAgo: 4)]), startTime: now, now: now)
        #expect(first.create.isEmpty)
        #expect(first.retryAfter == .seconds(6), "10 s after the failure")
        let later = JobPlan.step(job, pods: .init([pod("f1", phase: "Failed", finishedAgo: 11)]), startTime: now, now: now)
        #expect(later.create.count == 1)
        let twice = [pod("f1", phase: "Failed", finishedAgo: 30), pod("f2", phase: "Failed", finishedAgo: 15)]
        #expect(JobPlan.step(job, pods: .init(twice), startTime: now, now: now).retryAfter == .seconds(5), "20 s after the second")
        let thrice = twice + [pod("f3", phase: "Failed", finishedAgo: 1)]
        let failed = JobPlan.step(job, pods: .init(thrice), startTime: now, now: now)
        #expect(failed.outcome == .failed(reason: "BackoffLimitExceeded", message: "Job has reached the specified backoff limit"))
        // OnFailure: the restarts of running pods count.
        let onFailure = spec(["completions": 1, "backoffLimit": 2, "template": ["spec": ["restartPolicy": "OnFailure"]]])
        #expect(JobPlan.step(onFailure, pods: .init([pod("r", restarts: 1)]), startTime: now, now: now).outcome == .running)
        let restarted = JobPlan.step(onFailure, pods: .init([pod("r", restarts: 2)]), startTime: now, now: now)
        #expect(restarted.outcome != .running && restarted.delete == ["r"])
    }

    @Test func theDeadlineAndSuspensionStopEveryPod() {
        let job = spec(["completions": 2, "activeDeadlineSeconds": 10])
        #expect(JobPlan.step(job, pods: .init([pod("a")]), startTime: now.addingTimeInterval(-9), now: now).outcome == .running)
        let late = JobPlan.step(job, pods: .init([pod("a")]), startTime: now.addingTimeInterval(-10), now: now)
        #expect(late.outcome == .failed(reason: "DeadlineExceeded", message: "Job was active longer than specified deadline"))
        #expect(late.delete == ["a"])
        let suspended = JobPlan.step(spec(["completions": 2, "suspend": true]), pods: .init([pod("a")]), startTime: nil, now: now)
        #expect(suspended.delete == ["a"] && suspended.create.isEmpty && suspended.outcome == .running)
    }

    @Test func statusCountsLeaveZerosOutAndConditionsKeepTheirTimes() {
        let job = spec(["completions": 2, "suspend": true])
        let suspended = JobPlan.status(nil, spec: job, pods: .init([]), step: JobPlan.Step(), now: now)
        #expect(suspended["startTime"] == nil && suspended["active"] == nil && suspended["ready"] == 0)
        #expect(suspended[path: ["conditions"]]?.arrayValue?.first?["reason"] == "JobSuspended")
        let resumedAt = now.addingTimeInterval(60)
        let resumed = JobPlan.status(suspended, spec: spec(["completions": 2]), pods: .init([]), step: JobPlan.Step(create: [nil, nil]), now: resumedAt)
        #expect(resumed["startTime"] == .string(KubeTime(resumedAt).description))
        #expect(resumed["active"] == 2)
        let condition = resumed["conditions"]?.arrayValue?.first
        #expect(condition?["status"] == "False" && condition?["reason"] == "JobResumed")
        #expect(condition?["lastTransitionTime"] == .string(KubeTime(resumedAt).description))
        #expect(StatusPatch.replacing(resumed, with: ["ready": 0]) == ["status": ["ready": 0, "startTime": nil, "active": nil, "conditions": nil]])
    }

    @Test func cronJobsRunTheLatestMissedTimeHonouringTheirPolicy() throws {
        var cronJob = CronJob(
            metadata: ObjectMeta(name: "tick", namespace: "ns"),
            spec: ["schedule": "*/5 * * * *", "concurrencyPolicy": "Forbid", "timeZone": "UTC"])
        cronJob.metadata.uid = "u"
        cronJob.metadata.creationTimestamp = KubeTime(Date(timeIntervalSince1970: 1_800_000_000 - 3600))
        // now is 2027-01-15T08:00:00Z; the latest of the twelve missed times is now itself.
        let step = try CronJobPlan.step(cronJob, jobs: [], now: now)
        #expect(step.run == now)
        #expect(step.next == now.addingTimeInterval(300))
        #expect(CronJobPlan.jobName("tick", scheduledAt: now) == "tick-30000000")
        var running = Job(metadata: ObjectMeta(name: "tick-29999995", namespace: "ns"), spec: [:])
        running.metadata.creationTimestamp = KubeTime(now.addingTimeInterval(-300))
        #expect(try CronJobPlan.step(cronJob, jobs: [running], now: now).run == nil, "Forbid: one at a time")
        cronJob.spec?["concurrencyPolicy"] = "Replace"
        let replace = try CronJobPlan.step(cronJob, jobs: [running], now: now)
        #expect(replace.run == now && replace.replace == ["tick-29999995"])
        cronJob.spec?["startingDeadlineSeconds"] = 10
        #expect(try CronJobPlan.step(cronJob, jobs: [], now: now.addingTimeInterval(11)).run == nil, "too late to start")
        cronJob.spec?["suspend"] = true
        #expect(try CronJobPlan.step(cronJob, jobs: [], now: now).run == nil)
    }

    @Test func cronJobHistoryKeepsTheNewestFinishedJobs() {
        func job(_ name: String, _ age: TimeInterval, _ condition: String) -> Job {
            var job = Job(metadata: ObjectMeta(name: name, namespace: "ns"), spec: [:])
            job.metadata.creationTimestamp = KubeTime(now.addingTimeInterval(-age))
            job.status = ["conditions": [["type": .string(condition), "status": "True"]]]
            return job
        }
        let jobs = [job("ok-old", 300, "Complete"), job("ok-mid", 200, "Complete"), job("ok-new", 100, "Complete"),
                    job("bad-old", 250, "Failed"), job("bad-new", 50, "Failed")]
        #expect(CronJobPlan.prune(jobs, spec: ["successfulJobsHistoryLimit": 2, "failedJobsHistoryLimit": 1]) == ["ok-old", "bad-old"])
    }
}
