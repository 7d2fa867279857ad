import Foundation
import KubeClient
import KubeModel
import SteadAPI
import SteadController
import SteadTestSupport
import Testing

/// Creation and removal of ordinals, as a StatefulSet does it, against the real API server, NodeSim and
/// the scheduler.
@Suite(.serialized, .timeLimit(.minutes(4)))
struct ScalingTests {
    @Test func orderedReadyCreatesEachPodAfterThePreviousIsReady() async throws {
        try await ControllerEnvironment.with(nodes: 5) { env in
            let timeline = try await PodTimeline.record("web", in: env)
            try await env.create(SetFixture.make("web", replicas: 5))
            let set = try await env.waitForRollout("web")
            await timeline.stop()

            for ordinal in 1..<5 {
                let previousReady = try #require(await timeline.first { $0.ordinal == ordinal - 1 && $0.ready })
                let added = try #require(await timeline.first { $0.ordinal == ordinal && $0.type == .added })
                #expect(added > previousReady, "web-\(ordinal) created before web-\(ordinal - 1) was Ready")
            }
            let pods = try await env.pods(of: "web")
            #expect(pods.count == 5)
            for (ordinal, pod) in pods {
                #expect(pod.name == "web-\(ordinal)")
                #expect(pod.metadata.labels?[SteadKeys.podName] == "web-\(ordinal)")
                #expect(pod.metadata.labels?[SteadKeys.revisionHash] == set.status?.updateRevision)
                #expect(pod.spec?.schedulerName == "stead")
                #expect(pod.spec?.readinessGates?.contains { $0.conditionType == SteadKeys.inPlaceUpdateReady } == true)
                let owner = try #require(pod.metadata.controllerReference)
                #expect(owner.uid == set.metadata.uid && owner.blockOwnerDeletion == true)
                #expect(pod.status?.condition(SteadKeys.inPlaceUpdateReady)?.status == "True")
            }
            #expect(set.status?.readyReplicas == 5)
            #expect(set.status?.condition(.progressing)?.reason == "RolloutComplete")
        }
    }

    @Test func orderedReadyWaitsForAPodThatNeverGetsReady() async throws {
        try await ControllerEnvironment.with(nodes: 3) { env in
            try await env.create(SetFixture.make("stuck", replicas: 3, image: "nginx:fail"))
            try await eventually("stuck-0 crash looping") {
                let pod = try await env.pods(of: "stuck")[0]
                return (pod?.restartCount ?? 0) >= 1
            }
            try await eventually("status observed") { try await env.set("stuck").status?.replicas == 1 }
            #expect(try await env.pods(of: "stuck").keys.sorted() == [0])
        }
    }

    @Test func parallelCreatesEveryPodAtOnce() async throws {
        try await ControllerEnvironment.with(nodes: 5) { env in
            // The image never gets Ready: OrderedReady would stop after pod 0, Parallel must not.
            try await env.create(SetFixture.make("par", replicas: 5, image: "nginx:fail", podManagement: .parallel))
            try await eventually("5 pods created") { try await env.pods(of: "par").count == 5 }
            let pods = try await env.pods(of: "par")
            #expect(pods.values.allSatisfy { !$0.isRunningAndReady })
        }
    }

    @Test func scaleDownRemovesFromTheTopAndAppliesTheClaimRetention() async throws {
        try await ControllerEnvironment.with(nodes: 4) { env in
            try await env.create(SetFixture.make("keep", replicas: 3, claims: ["data"]))
            try await env.create(SetFixture.make("drop", replicas: 3, claims: ["data"], whenScaled: .delete))
            try await env.waitForRollout("keep")
            try await env.waitForRollout("drop")
            #expect(try await env.claimNames(of: "keep") == ["data-keep-0", "data-keep-1", "data-keep-2"])
            let pod = try #require(try await env.pods(of: "keep")[1])
            #expect(pod.spec?.volumes?.first { $0.name == "data" }?.persistentVolumeClaim?.claimName == "data-keep-1")

            let timeline = try await PodTimeline.record("keep", in: env)
            try await env.update("keep") { $0.spec.replicas = 1 }
            try await env.update("drop") { $0.spec.replicas = 1 }
            try await env.waitForRollout("keep")
            try await env.waitForRollout("drop")
            try await eventually("pods of drop removed") { try await env.pods(of: "drop").keys.sorted() == [0] }
            try await eventually("claims of drop removed") { try await env.claimNames(of: "drop") == ["data-drop-0"] }
            await timeline.stop()

            #expect(try await env.pods(of: "keep").keys.sorted() == [0])
            #expect(try await env.claimNames(of: "keep") == ["data-keep-0", "data-keep-1", "data-keep-2"])
            let twoGone = try #require(await timeline.first { $0.ordinal == 2 && $0.type == .deleted })
            let oneLeaving = try #require(await timeline.first { $0.ordinal == 1 && ($0.terminating || $0.type == .deleted) })
            #expect(twoGone < oneLeaving, "keep-1 was removed before keep-2 was gone")
        }
    }
}
