import Foundation
import KubeClient
import KubeModel
import SteadController
import SteadTestSupport
import Testing

/// How each kind of template change reaches the pods: in place, recreated on the same node, moved, or
/// (podUpdatePolicy Recreate) rescheduled like plain Kubernetes.
@Suite(.serialized, .timeLimit(.minutes(4)))
struct UpdatePathTests {
    func incarnations(_ set: String, _ env: ControllerEnvironment) async throws -> [Int: Incarnation] {
        try await env.pods(of: set).mapValues(Incarnation.init)
    }

    @Test func imageChangeUpdatesEveryPodInPlace() async throws {
        try await ControllerEnvironment.with(nodes: 5) { env in
            try await env.create(SetFixture.make("web", replicas: 5))
            let before = try await env.waitForRollout("web")
            let old = try await incarnations("web", env)
            let baseline = env.scheduler.counts

            try await env.update("web") { $0.setImage("nginx:1.26") }
            let after = try await env.waitForRollout("web")
            let new = try await incarnations("web", env)

            #expect(after.status?.updateRevision != before.status?.updateRevision)
            for ordinal in 0..<5 {
                let was = try #require(old[ordinal])
                let now = try #require(new[ordinal])
                #expect(now.uid == was.uid && now.node == was.node && now.ip == was.ip, "web-\(ordinal) was replaced")
                #expect(now.restarts == was.restarts + 1)
            }
            #expect(try await env.pods(of: "web").values.allSatisfy { $0.image == "nginx:1.26" })
            let counts = env.scheduler.counts.since(baseline)
            #expect(counts.attempts == 0 && counts.stickyAttempts == 0, "\(counts)")
            #expect(after.status?.updatedInPlace == 5)
            #expect(after.status?.recreatedOnSameNode == 0)
            let events = try await env.events(about: "web", reason: "UpdatedInPlace", count: 5)
            #expect(events.count == 5)
            #expect(events.allSatisfy { $0.message?.contains("nginx:1.25 -> nginx:1.26") == true })
        }
    }

    @Test func envChangeRecreatesEveryPodOnItsNode() async throws {
        try await ControllerEnvironment.with(nodes: 5) { env in
            try await env.create(SetFixture.make("db", replicas: 5))
            try await env.waitForRollout("db")
            let old = try await incarnations("db", env)
            let baseline = env.scheduler.counts

            try await env.update("db") { $0.setEnv("MODE", "fast") }
            let after = try await env.waitForRollout("db")
            let new = try await incarnations("db", env)

            for ordinal in 0..<5 {
                let was = try #require(old[ordinal])
                let now = try #require(new[ordinal])
                #expect(now.uid != was.uid, "db-\(ordinal) was not recreated")
                #expect(now.node == was.node, "db-\(ordinal) moved")
            }
            let counts = env.scheduler.counts.since(baseline)
            #expect(counts.stickyBinds == 5)
            #expect(counts.nodeEvaluations == 5)
            #expect(counts.attempts == 0)
            #expect(after.status?.recreatedOnSameNode == 5)
            let events = try await env.events(about: "db", reason: "RecreatedOnSameNode", count: 5)
            #expect(events.count == 5)
            #expect(events.allSatisfy { $0.message?.contains("env changed") == true })
        }
    }

    @Test func nodeSelectorChangeMovesPodsWithTheReason() async throws {
        try await ControllerEnvironment.with(nodes: 4, zones: 2) { env in
            let zone = "topology.kubernetes.io/zone"
            try await env.create(SetFixture.make("geo", replicas: 3, nodeSelector: [zone: "zone-b"]))
            try await env.waitForRollout("geo")
            let nodes = try await env.client.list(Node.self).items
            let zoneOf = Dictionary(uniqueKeysWithValues: nodes.map { ($0.name, $0.metadata.labels?[zone] ?? "") })

            try await env.update("geo") { $0.setNodeSelector([zone: "zone-a"]) }
            let after = try await env.waitForRollout("geo")

            for pod in try await env.pods(of: "geo").values {
                #expect(zoneOf[pod.spec?.nodeName ?? ""] == "zone-a", "\(pod.name) stayed in its old zone")
            }
            #expect(after.status?.rescheduled == 3)
            #expect(after.status?.rescheduleReasons?["NodeSelectorMismatch"] == 3)
            let events = try await env.events(about: "geo", reason: "Rescheduled", count: 3)
            #expect(events.count == 3)
            #expect(events.allSatisfy { $0.message?.contains("no longer matches") == true })
        }
    }

    @Test func recreatePolicyReschedulesThroughFilterAndScore() async throws {
        try await ControllerEnvironment.with(nodes: 5) { env in
            try await env.create(SetFixture.make("base", replicas: 5, policy: .recreate))
            try await env.waitForRollout("base")
            let old = try await incarnations("base", env)
            let baseline = env.scheduler.counts

            try await env.update("base") { $0.setImage("nginx:1.26") }
            let after = try await env.waitForRollout("base")
            let new = try await incarnations("base", env)

            for ordinal in 0..<5 { #expect(new[ordinal]?.uid != old[ordinal]?.uid) }
            let counts = env.scheduler.counts.since(baseline)
            #expect(counts.attempts == 5)
            #expect(counts.stickyAttempts == 0)
            #expect(after.status?.rescheduled == 5)
            #expect(after.status?.rescheduleReasons?["RecreatePolicy"] == 5)
            #expect(after.status?.updatedInPlace == 0)
        }
    }

    @Test func cpuChangeResizesInPlaceWhenTheServerServesResize() async throws {
        try await ControllerEnvironment.with(nodes: 3) { env in
            try await env.create(SetFixture.make("rs", replicas: 3))
            try await env.waitForRollout("rs")
            let old = try await incarnations("rs", env)

            try await env.update("rs") { set in
                set.editContainers { $0["resources"] = ["requests": ["cpu": "200m", "memory": "64Mi"]] }
            }
            let after = try await env.waitForRollout("rs")
            let pods = try await env.pods(of: "rs")
            for ordinal in 0..<3 {
                let pod = try #require(pods[ordinal])
                #expect(pod.metadata.uid == old[ordinal]?.uid, "rs-\(ordinal) was replaced")
                let running = pod.status?.containerStatuses?.first?.resources?.requests?["cpu"]
                #expect(running == Quantity(stringLiteral: "200m"))
            }
            #expect(after.status?.updatedInPlace == 3)
        }
    }
}
