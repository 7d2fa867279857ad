import Foundation
import KubeClient
import KubeModel
import SteadAPI
import SteadTestSupport
import SteadController
import Testing

extension EndToEnd {
    /// How each kind of change reaches the pods on a real control plane: an image in place (the readiness
    /// gate taken down first), an env change by a recreate on the same node with its capacity kept, and a
    /// cpu change, which Kubernetes 1.21 cannot make in place (no `pods/resize`), by a same-node recreate
    /// that says why.
    @Suite("updates", .serialized)
    struct Updates {
        @Test func imageChangeIsMadeInPlaceBehindTheReadinessGate() async throws {
            try await Scenario.run("inplace", nodes: 3) { scenario in
                var options = Manifests.SetOptions()
                options.inPlaceGracePeriodSeconds = 1
                try await scenario.apply(Manifests.statefulPodSet("web", pool: scenario.pool.name, options))
                let before = try await scenario.waitForRollout("web")
                let old = try await scenario.pods(of: "web").mapValues(Incarnation.init)
                let pods = try await scenario.watchPods(of: "web")

                try await scenario.editSet("web", [Scenario.container("image", "nginx:1.28")])
                let after = try await scenario.waitForRollout("web")
                await pods.stop()

                #expect(after.status?.updateRevision != before.status?.updateRevision)
                let now = try await scenario.pods(of: "web")
                for ordinal in 0..<3 {
                    let was = try #require(old[ordinal])
                    let pod = try #require(now[ordinal])
                    let incarnation = Incarnation(pod)
                    #expect(incarnation.uid == was.uid && incarnation.node == was.node && incarnation.ip == was.ip,
                            "web-\(ordinal) was replaced: \(was) -> \(incarnation)")
                    #expect(incarnation.restarts == was.restarts + 1)
                    #expect(pod.spec?.containers.first?.image == "nginx:1.28")
                }
                let history = await pods.history.map(\.object)
                for ordinal in 0..<3 {
                    let states = history.filter { $0.name == "web-\(ordinal)" }
                    // The gate went down before the image changed, and the kubelet had taken the pod out of
                    // Ready (out of its Services' endpoints) before the image changed.
                    let gateDown = states.firstIndex { $0.status?.condition(SteadKeys.inPlaceUpdateReady)?.status == "False" }
                    let newImage = states.firstIndex { $0.spec?.containers.first?.image == "nginx:1.28" }
                    guard let gateDown, let newImage, gateDown < newImage else {
                        Issue.record("web-\(ordinal): the gate was not taken down before the image changed")
                        continue
                    }
                    let drained = states[gateDown..<newImage].contains { !$0.isReady }
                    #expect(drained, "web-\(ordinal) was still Ready when its image changed")
                }
                #expect(maximumNotReady(history, set: "web", pods: 3) == 1, "more than one pod unavailable at once")
                #expect(after.status?.updatedInPlace == 3)
                let events = try await scenario.events(reason: "UpdatedInPlace", atLeast: 3)
                #expect(events.count >= 3 && events.allSatisfy { $0.message?.contains("nginx:1.27 -> nginx:1.28") == true },
                        "\(events.map(\.message))")
            }
        }

        /// Each node fits one pod of the set. A competing pod for Stead's scheduler waits, Pending, for the
        /// same capacity: while each pod is recreated, its capacity stays reserved for the successor, so the
        /// competitor never gets it and every successor goes back to its node.
        @Test func envChangeRecreatesOnTheSameNodeWithTheCapacityKept() async throws {
            try await Scenario.run("samenode", nodes: 2, cpu: "1") { scenario in
                var options = Manifests.SetOptions()
                options.replicas = 2
                options.cpu = "600m"
                try await scenario.apply(Manifests.statefulPodSet("db", pool: scenario.pool.name, options))
                try await scenario.waitForRollout("db")
                let old = try await scenario.pods(of: "db").mapValues(Incarnation.init)
                try await scenario.apply(Self.competitor(pool: scenario.pool.name))
                let competitors = try await Watched<Pod>.start(
                    client: scenario.admin, namespace: scenario.namespace, labelSelector: "app=competitor")
                try await competitors.waitUntil("the competitor found unschedulable") { pods in
                    pods.first?.status?.condition("PodScheduled")?.status == "False"
                }

                try await scenario.editSet("db", [Scenario.container("env", [["name": "MODE", "value": "fast"]], op: "add")])
                let after = try await scenario.waitForRollout("db")
                await competitors.stop()

                let now = try await scenario.pods(of: "db")
                for ordinal in 0..<2 {
                    let was = try #require(old[ordinal])
                    let incarnation = Incarnation(try #require(now[ordinal]))
                    #expect(incarnation.uid != was.uid, "db-\(ordinal) was not recreated")
                    #expect(incarnation.node == was.node, "db-\(ordinal) moved: \(was) -> \(incarnation)")
                }
                let competitorStates = await competitors.history.map(\.object)
                #expect(competitorStates.allSatisfy { ($0.spec?.nodeName ?? "").isEmpty }, "the competitor took reserved capacity")
                #expect(after.status?.recreatedOnSameNode == 2)
                let events = try await scenario.events(reason: "RecreatedOnSameNode", atLeast: 2)
                #expect(events.count >= 2 && events.allSatisfy { $0.message?.contains("env") == true }, "\(events.map(\.message))")
                try await scenario.kubectl.succeed(["delete", "pod", "competitor", "-n", scenario.namespace, "--wait=false"])
                try await expectNoReservation(scenario, "after the rollout")
            }
        }

        /// Kubernetes 1.21 serves no `pods/resize`: the cpu change cannot be made in place, so each pod is
        /// recreated on its node, and the Event says what changed.
        @Test func cpuChangeWithoutResizeIsASameNodeRecreate() async throws {
            try await Scenario.run("resize", nodes: 3) { scenario in
                try await scenario.apply(Manifests.statefulPodSet("rs", pool: scenario.pool.name))
                try await scenario.waitForRollout("rs")
                let old = try await scenario.pods(of: "rs").mapValues(Incarnation.init)
                try await scenario.editSet("rs", [Scenario.container("resources/requests/cpu", "700m")])
                let after = try await scenario.waitForRollout("rs")
                let now = try await scenario.pods(of: "rs")
                for ordinal in 0..<3 {
                    let pod = try #require(now[ordinal])
                    #expect(pod.metadata.uid != old[ordinal]?.uid, "rs-\(ordinal) was not recreated")
                    #expect(pod.spec?.nodeName == old[ordinal]?.node, "rs-\(ordinal) moved")
                    #expect(pod.spec?.containers.first?.resources?.requests?["cpu"] == "700m")
                }
                #expect(after.status?.recreatedOnSameNode == 3)
                let events = try await scenario.events(reason: "RecreatedOnSameNode", atLeast: 3)
                #expect(events.count >= 3 && events.allSatisfy { $0.message?.contains("cpu") == true }, "\(events.map(\.message))")
            }
        }

        static func competitor(pool: String) -> JSONValue {
            [
                "apiVersion": "v1", "kind": "Pod",
                "metadata": ["name": "competitor", "labels": ["app": "competitor"]],
                "spec": [
                    "schedulerName": "stead",
                    "nodeSelector": .object([SimulatedPool.label: .string(pool)]),
                    "containers": [["name": "app", "image": "nginx:1.27", "resources": ["requests": ["cpu": "600m"]]]],
                ],
            ]
        }
    }
}

/// The most pods that were not Ready at the same time, replaying watch states from a moment when the
/// `pods` named `<set>-0...` were all Ready.
func maximumNotReady(_ states: [Pod], set: String, pods: Int) -> Int {
    var ready = Dictionary(uniqueKeysWithValues: (0..<pods).map { ("\(set)-\($0)", true) })
    var maximum = 0
    for state in states {
        ready[state.name] = state.isRunningAndReady
        maximum = max(maximum, ready.values.filter { !$0 }.count)
    }
    return maximum
}
