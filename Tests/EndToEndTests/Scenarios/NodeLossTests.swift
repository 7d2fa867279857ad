import Foundation
import KubeClient
import KubeModel
import SteadTestSupport
import SteadController
import Testing

extension EndToEnd {
    /// A pod's node is lost while the pod is recreated on it: the old pod is gone, its successor not yet
    /// placed. The cluster's own node lifecycle controller marks the node (Ready Unknown, `unreachable`
    /// taints) once its heartbeats stop. Strict keeps the successor Pending and gets it back home when the
    /// node returns; Preferred moves it at once and says why.
    @Suite("node loss", .serialized)
    struct NodeLoss {
        static let hold = "e2e.stead.dev/hold"

        @Test(arguments: ["Strict", "Preferred"])
        func nodeLostDuringASameNodeRecreate(_ stickiness: String) async throws {
            try await Scenario.run("loss-\(stickiness.lowercased())", nodes: 3) { scenario in
                var options = Manifests.SetOptions()
                options.replicas = 1
                options.stickiness = stickiness
                options.nodeLossTimeoutSeconds = 3_600
                try await scenario.apply(Manifests.statefulPodSet("db", pool: scenario.pool.name, options))
                try await scenario.waitForRollout("db")
                let old = try #require(try await scenario.pods(of: "db")[0])
                let home = try #require(old.spec?.nodeName)
                let oldUID = try #require(old.metadata.uid)

                // A finalizer holds the old pod in Terminating, so that the node can be lost inside the window.
                try await scenario.kubectl.succeed([
                    "patch", "pod", "db-0", "-n", scenario.namespace, "--type=merge",
                    "-p", #"{"metadata":{"finalizers":["\#(Self.hold)"]}}"#,
                ])
                let pods = try await scenario.watchPods(of: "db")
                defer { Task { await pods.stop() } }
                try await scenario.editSet("db", [Scenario.container("env", [["name": "MODE", "value": "fast"]], op: "add")])
                try await pods.waitUntil("db-0 terminating") { $0.first { $0.metadata.uid == oldUID }?.isTerminating == true }

                try scenario.pool.simulator.stopHeartbeats(home)
                let nodes = try await Watched<Node>.start(
                    client: scenario.admin, namespace: nil, labelSelector: "\(SimulatedPool.label)=\(scenario.pool.name)")
                defer { Task { await nodes.stop() } }
                try await nodes.waitUntil("\(home) marked unreachable by the node lifecycle controller", timeout: .seconds(150)) {
                    guard let node = $0.first(where: { $0.name == home }) else { return false }
                    return node.status?.condition("Ready")?.status == "Unknown"
                        && (node.spec?.taints ?? []).contains { $0.key == "node.kubernetes.io/unreachable" }
                }
                try await scenario.kubectl.succeed([
                    "patch", "pod", "db-0", "-n", scenario.namespace, "--type=json",
                    "-p", #"[{"op":"remove","path":"/metadata/finalizers"}]"#,
                ])
                let events = try await Watched<Event>.start(client: scenario.admin, namespace: scenario.namespace)
                defer { Task { await events.stop() } }

                if stickiness == "Strict" {
                    try await events.waitUntil("the WaitingForNode event") { $0.contains { $0.reason == "WaitingForNode" } }
                    let waiting = try #require(await pods.objects.first { $0.name == "db-0" })
                    #expect(waiting.metadata.uid != oldUID && (waiting.spec?.nodeName ?? "").isEmpty,
                            "the successor was placed while its node was lost")
                    try await scenario.pool.simulator.resumeHeartbeats(home)
                    let back = try await pods.waitUntil("db-0 placed once its node is back") { pods in
                        pods.contains { $0.metadata.uid != oldUID && !($0.spec?.nodeName ?? "").isEmpty }
                    }
                    #expect(back.first?.spec?.nodeName == home, "the node came back but the pod went elsewhere")
                } else {
                    let moved = try await pods.waitUntil("db-0 placed elsewhere") { pods in
                        pods.contains { $0.metadata.uid != oldUID && !($0.spec?.nodeName ?? "").isEmpty }
                    }
                    #expect(moved.first?.spec?.nodeName != home)
                    let fallback = try await pods.waitUntil("the placement-fallback annotation") { pods in
                        pods.first?.metadata.annotations?["stead.dev/placement-fallback"] != nil
                    }
                    let reason = fallback.first?.metadata.annotations?["stead.dev/placement-fallback"] ?? ""
                    #expect(reason.contains(home) && reason.contains("Preferred"), "\(reason)")
                    try await events.waitUntil("the StickyFallback event") { $0.contains { $0.reason == "StickyFallback" } }
                    #expect(await events.objects.contains { $0.reason == "WaitingForNode" } == false)
                    try await scenario.pool.simulator.resumeHeartbeats(home)
                }
                try await scenario.waitForRollout("db")
            }
        }
    }
}
