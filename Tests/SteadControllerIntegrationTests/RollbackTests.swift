import Foundation
import KubeClient
import KubeModel
import SteadController
import SteadTestSupport
import Testing

/// `stead rollback`: the template goes back to a recorded revision and the pods follow, in place.
@Suite(.serialized, .timeLimit(.minutes(4)))
struct RollbackTests {
    @Test func rollingBackRestoresTheTemplateAndThePodsFollowInPlace() async throws {
        try await ControllerEnvironment.with(nodes: 3) { env in
            try await env.create(SetFixture.make("web", replicas: 3))
            let first = try await env.waitForRollout("web")
            try await env.update("web") { $0.setImage("nginx:1.26") }
            try await env.waitForRollout("web")
            let before = try await env.pods(of: "web").mapValues(Incarnation.init)

            let outcome = try await Rollback.rollback("web", namespace: ControllerEnvironment.namespace, toRevision: 1, client: env.client)
            guard case .rolledBack(let revision, let name) = outcome else {
                Issue.record("expected a rollback, got \(outcome)")
                return
            }
            #expect(revision == 1 && name == first.status?.updateRevision)
            let after = try await env.waitForRollout("web")
            #expect(after.status?.updateRevision == first.status?.updateRevision)
            let pods = try await env.pods(of: "web")
            #expect(pods.values.allSatisfy { $0.image == "nginx:1.25" })
            // Back in place: the same pods on the same nodes, one container restart more.
            for (ordinal, pod) in pods {
                let was = try #require(before[ordinal])
                let now = Incarnation(pod)
                #expect(now.uid == was.uid && now.node == was.node && now.restarts == was.restarts + 1)
            }

            // As for a StatefulSet, the revision rolled back to becomes the newest: 1 is now 3.
            let renumbered = try await env.revisions(of: "web").first { $0.name == name }?.revision
            #expect(renumbered == 3)

            // Rolling back to the template the set already runs writes nothing.
            let resourceVersion = try await env.set("web").metadata.resourceVersion
            let again = try await Rollback.rollback(
                "web", namespace: ControllerEnvironment.namespace, toRevision: 3, client: env.client)
            #expect(again == .alreadyThere(revision: 3, name: name))
            #expect(try await env.set("web").metadata.resourceVersion == resourceVersion)

            // An unknown revision is refused with the ones there are.
            await #expect {
                try await Rollback.rollback("web", namespace: ControllerEnvironment.namespace, toRevision: 9, client: env.client)
            } throws: { error in
                (error as? Rollback.NoSuchRevision)?.description.contains("has no revision 9 (revisions: ") == true
            }
        }
    }
}
