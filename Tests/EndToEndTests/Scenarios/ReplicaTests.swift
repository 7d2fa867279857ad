import Foundation
import KubeClient
import KubeModel
import SteadController
import SteadTestSupport
import Testing
import Yams

extension EndToEnd {
    /// Stead's replicas as the Deployment runs them: a standby takes over a rollout its leader left
    /// half done, and a replica that cannot reach the cluster still stops at once on SIGTERM.
    @Suite("replicas", .serialized)
    struct Replicas {
        /// The leader is killed (SIGKILL, no chance to release the Lease) after the first pod of an in-place
        /// rollout is updated; the standby takes the Lease once it expires and finishes the rollout. No pod is
        /// updated twice and the status counts each pod once.
        @Test func aStandbyFinishesTheRolloutOfAKilledLeader() async throws {
            try await Scenario.run("handover", nodes: 4) { scenario in
                let replicas = scenario.installation.replicas
                let leader = try await replicas.leader()
                if await replicas.running.count < 2 { try await replicas.start() }
                var options = Manifests.SetOptions()
                options.replicas = 4
                options.inPlaceGracePeriodSeconds = 2
                try await scenario.apply(Manifests.statefulPodSet("web", pool: scenario.pool.name, options))
                try await scenario.waitForRollout("web")
                let before = try await scenario.pods(of: "web").mapValues(Incarnation.init)

                let pods = try await scenario.watchPods(of: "web")
                try await scenario.editSet("web", [Scenario.container("image", "nginx:1.28")])
                try await pods.waitUntil("the first pod updated") { pods in
                    pods.contains { $0.spec?.containers.first?.image == "nginx:1.28" && $0.isRunningAndReady }
                }
                leader.process.signal(SIGKILL)
                let successor = try await replicas.leader(timeout: .seconds(120))
                #expect(successor.identity != leader.identity)
                let after = try await scenario.waitForRollout("web", timeout: .seconds(180))
                await pods.stop()

                for (ordinal, pod) in try await scenario.pods(of: "web") {
                    let was = try #require(before[ordinal])
                    let now = Incarnation(pod)
                    #expect(now.uid == was.uid && now.node == was.node, "web-\(ordinal) was replaced")
                    #expect(now.restarts == was.restarts + 1, "web-\(ordinal) restarted \(now.restarts - was.restarts) times")
                    #expect(pod.spec?.containers.first?.image == "nginx:1.28")
                }
                #expect(after.status?.updatedInPlace == 4)
            }
        }

        /// Against the real cluster with a CA it does not trust, `stead run` never lists anything; SIGTERM
        /// still ends it within the graceful part of its shutdown.
        @Test func sigtermBeforeTheFirstSyncStopsAtOnce() async throws {
            let installation = try await Installation.shared()
            var config = try ClientConfiguration.parseKubeconfig(
                Data(contentsOf: URL(fileURLWithPath: installation.steadKubeconfig)))
            config.clusters[0].cluster.certificateAuthorityData = nil
            config.clusters[0].cluster.certificateAuthority = nil
            let untrusted = installation.directory + "/untrusted.kubeconfig"
            try YAMLEncoder().encode(config).write(toFile: untrusted, atomically: true, encoding: .utf8)

            // Without its webhook, which would fail at once reading its certificate's Secret.
            let arguments = installation.runArguments.replacingOption("--kubeconfig", with: untrusted)
                .removingOption("--webhook-address")
            let run = try ChildProcess(TestPaths.stead, arguments + ["--leader-elect-identity", "e2e-untrusted"])
            defer { run.signal(SIGKILL) }
            #expect(await run.waitForLine(containing: "cannot read the leader election lease", timeout: 60) != nil,
                    "\(run.lines.suffix(5))")
            run.signal(SIGTERM)
            #expect(await run.waitForExit(timeout: 8) == 0, "still running after SIGTERM: \(run.lines.suffix(5))")
        }
    }
}
