import Foundation
import KubeClient
import KubeModel
import SteadAPI
import SteadController
import SteadTestSupport
import Testing

/// partition, maxUnavailable, paused, rollback, a crashing update, an invalid spec.
@Suite(.serialized, .timeLimit(.minutes(4)))
struct RolloutStrategyTests {
    @Test func partitionUpdatesOnlyTheOrdinalsAtOrAboveIt() async throws {
        try await ControllerEnvironment.with(nodes: 5) { env in
            try await env.create(SetFixture.make("part", replicas: 5, partition: 3))
            let before = try await env.waitForRollout("part")
            let oldRevision = try #require(before.status?.updateRevision)

            try await env.update("part") { $0.setImage("nginx:1.26") }
            try await eventually("ordinals 3 and 4 updated") {
                let set = try await env.set("part")
                return set.status?.observedGeneration == set.metadata.generation && set.status?.updatedReplicas == 2
                    && set.status?.readyReplicas == 5
            }
            let set = try await env.set("part")
            let pods = try await env.pods(of: "part")
            for ordinal in 0..<3 {
                #expect(pods[ordinal]?.metadata.labels?[SteadKeys.revisionHash] == oldRevision)
                #expect(pods[ordinal]?.image == "nginx:1.25")
            }
            for ordinal in 3..<5 {
                #expect(pods[ordinal]?.metadata.labels?[SteadKeys.revisionHash] == set.status?.updateRevision)
                #expect(pods[ordinal]?.image == "nginx:1.26")
            }
            #expect(set.status?.currentRevision == oldRevision)
            #expect(set.status?.updatedInPlace == 2)
        }
    }

    @Test func maxUnavailableTwoUpdatesTwoAtATimeAndNeverMore() async throws {
        try await ControllerEnvironment.with(nodes: 5, startLatency: .milliseconds(300)) { env in
            try await env.create(
                SetFixture.make("wide", replicas: 5, podManagement: .parallel, maxUnavailable: .int(2)))
            try await env.waitForRollout("wide")

            let monitor = Task { () -> Int in
                var worst = 0
                while !Task.isCancelled {
                    if let pods = try? await env.pods(of: "wide") {
                        let ready = (0..<5).filter { pods[$0]?.isRunningAndReady == true }.count
                        worst = max(worst, 5 - ready)
                    }
                    try? await Task.sleep(for: .milliseconds(10))
                }
                return worst
            }
            try await env.update("wide") { $0.setEnv("MODE", "fast") }
            let after = try await env.waitForRollout("wide")
            monitor.cancel()
            let worst = await monitor.value

            #expect(worst <= 2, "\(worst) pods were unavailable at once")
            #expect(worst == 2, "the rollout never updated two pods at once")
            #expect(after.status?.recreatedOnSameNode == 5)
        }
    }

    @Test func pausedStopsTheRolloutUntilResumed() async throws {
        try await ControllerEnvironment.with(nodes: 3) { env in
            try await env.create(SetFixture.make("hold", replicas: 3))
            try await env.waitForRollout("hold")

            let updated = try await env.update("hold") { set in
                set.setImage("nginx:1.26")
                set.setRolling { $0.paused = true }
            }
            try await eventually("paused generation observed") {
                try await env.set("hold").status?.observedGeneration == updated.metadata.generation
            }
            let paused = try await env.set("hold")
            #expect(paused.status?.updatedReplicas == 0)
            #expect(paused.status?.condition(.paused)?.status == "True")
            #expect(try await env.pods(of: "hold").values.allSatisfy { $0.image == "nginx:1.25" })

            try await env.update("hold") { set in set.setRolling { $0.paused = false } }
            let resumed = try await env.waitForRollout("hold")
            #expect(resumed.status?.condition(.paused)?.status == "False")
            #expect(try await env.pods(of: "hold").values.allSatisfy { $0.image == "nginx:1.26" })
        }
    }

    @Test func rollbackReturnsToTheOldRevisionInPlace() async throws {
        try await ControllerEnvironment.with(nodes: 3) { env in
            try await env.create(SetFixture.make("back", replicas: 3))
            let first = try await env.waitForRollout("back")
            let firstRevision = try #require(first.status?.updateRevision)
            let uids = try await env.pods(of: "back").mapValues(\.metadata.uid)

            try await env.update("back") { $0.setImage("nginx:1.26") }
            try await env.waitForRollout("back")
            try await env.update("back") { $0.setImage("nginx:1.25") }
            let back = try await env.waitForRollout("back")

            #expect(back.status?.updateRevision == firstRevision)
            #expect(back.status?.updatedInPlace == 3)
            #expect(try await env.pods(of: "back").mapValues(\.metadata.uid) == uids)
            let revisions = try await env.revisions(of: "back")
            #expect(revisions.count == 2)
            #expect(revisions.first { $0.name == firstRevision }?.revision == 3)
        }
    }

    @Test func aCrashingUpdateStopsAtTheFirstPod() async throws {
        try await ControllerEnvironment.with(nodes: 5) { env in
            try await env.create(SetFixture.make("crash", replicas: 5))
            let before = try await env.waitForRollout("crash")
            try await env.update("crash") { $0.setImage("nginx:fail-1") }

            try await eventually("RolloutBlocked") {
                try await env.set("crash").status?.condition(.rolloutBlocked)?.status == "True"
            }
            let set = try await env.set("crash")
            #expect(set.status?.condition(.rolloutBlocked)?.message?.contains("crash-4") == true)
            #expect(set.status?.condition(.progressing)?.status == "False")
            let pods = try await env.pods(of: "crash")
            #expect(pods[4]?.image == "nginx:fail-1")
            for ordinal in 0..<4 {
                #expect(pods[ordinal]?.metadata.labels?[SteadKeys.revisionHash] == before.status?.updateRevision)
                #expect(pods[ordinal]?.isRunningAndReady == true)
            }
            try await eventually("RolloutStalled event") {
                !(try await env.events(about: "crash", reason: "RolloutStalled")).isEmpty
            }
        }
    }

    @Test func anInvalidSetIsReportedAndOthersKeepReconciling() async throws {
        try await ControllerEnvironment.with(nodes: 3) { env in
            try await env.create(SetFixture.make("bad", replicas: 2, selectorLabels: ["app": "other"]))
            try await env.create(SetFixture.make("good", replicas: 2))
            try await env.waitForRollout("good")
            try await eventually("Invalid condition") {
                try await env.set("bad").status?.condition(.invalid)?.status == "True"
            }
            let bad = try await env.set("bad")
            #expect(bad.status?.condition(.invalid)?.message?.contains("selector") == true)
            #expect(try await env.pods(of: "bad").isEmpty)
            #expect(!(try await env.events(about: "bad", reason: "InvalidSpec")).isEmpty)
        }
    }
}
