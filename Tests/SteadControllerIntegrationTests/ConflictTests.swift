import Foundation
import KubeClient
import KubeModel
import SteadAPI
import SteadController
import SteadTestSupport
import Synchronization
import Testing

/// Another client edits the set and its pods throughout a rollout: Stead meets 409s, retries on fresh
/// state, finishes the rollout, and every field the other client wrote is still there at the end.
@Suite(.serialized, .timeLimit(.minutes(4)))
struct ConflictTests {
    /// What the other client last wrote, to check against the final objects.
    struct RivalWrites: Sendable {
        var setEdits = 0
        var setConflicts = 0
        var podEdits: [String: Int] = [:]
    }

    /// The other client: merge patches on every pod (no precondition, like `kubectl label`), and
    /// read-modify-write updates of the set (labels, annotations, replicas, revisionHistoryLimit),
    /// which move the set's resourceVersion under the controller's status patches.
    final class Rival: Sendable {
        let env: ControllerEnvironment
        let writes = Mutex(RivalWrites())
        /// Asked to stop after its current round: cancelling instead could cut a patch off after the
        /// server applied it but before it was recorded here.
        let stopping = Mutex(false)

        init(_ env: ControllerEnvironment) { self.env = env }

        func stop() { stopping.withLock { $0 = true } }

        func run(set: String) async {
            var round = 0
            while !stopping.withLock({ $0 }) {
                round += 1
                do {
                    try await editSet(set, round: round)
                    // Every pod at once, round after round: each pod's resourceVersion moves every few
                    // milliseconds, so that the controller's conditional writes meet 409s in every run
                    // (at a 20 ms pace, a run without a single conflict came once in a few).
                    let pods = try await env.pods(of: set).values.filter { !$0.isTerminating }.map(\.name)
                    let current = round
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for pod in pods { group.addTask { try await self.editPod(pod, round: current) } }
                        try await group.waitForAll()
                    }
                } catch is CancellationError {
                    return
                } catch let error as KubeAPIError where error.isNotFound {
                    continue
                } catch {
                    Issue.record("the other client failed: \(error)")
                    return
                }
                try? await Task.sleep(for: .milliseconds(2))
            }
        }

        private func editSet(_ name: String, round: Int) async throws {
            while true {
                var set = try await env.set(name)
                set.metadata.labels = (set.metadata.labels ?? [:]).merging(["rival": "yes"]) { _, new in new }
                set.metadata.annotations = (set.metadata.annotations ?? [:]).merging(
                    ["rival/edits": String(round)]) { _, new in new }
                if round == 5 {
                    set.spec.replicas = 7
                    set.spec.revisionHistoryLimit = 7
                }
                do {
                    _ = try await env.client.update(set, namespace: ControllerEnvironment.namespace)
                    writes.withLock { $0.setEdits = round }
                    return
                } catch let error as KubeAPIError where error.isConflict {
                    writes.withLock { $0.setConflicts += 1 }
                }
            }
        }

        private func editPod(_ name: String, round: Int) async throws {
            let body: JSONValue = [
                "metadata": [
                    "labels": ["rival": .string(String(round))],
                    "annotations": ["rival/note": .string("edited in round \(round)")],
                ],
            ]
            _ = try await env.client.patch(
                Pod.resourceType, name: name, namespace: ControllerEnvironment.namespace, patch: .merge(body))
            writes.withLock { $0.podEdits[name] = round }
        }
    }

    @Test func rolloutCompletesUnderAnotherWriterAndKeepsItsFields() async throws {
        try await ControllerEnvironment.with(nodes: 4) { env in
            var initial = SetFixture.make("web", replicas: 6)
            initial.setRolling { $0.inPlaceGracePeriodSeconds = 1 }
            try await env.create(initial)
            try await env.waitForRollout("web")
            let before = env.controllerMetrics.reading(ControllerMetrics.conflicts, [])

            let rival = Rival(env)
            let editing = Task { await rival.run(set: "web") }
            defer { rival.stop() }
            try await eventually("the other client's first edits") { rival.writes.withLock { $0.setEdits >= 2 } }
            try await env.update("web") { $0.setImage("nginx:1.26") }
            try await eventually(timeout: .seconds(60), "the scale-up by the other client") {
                rival.writes.withLock { $0.setEdits >= 5 }
            }
            let rolledOut = try await env.waitForRollout("web", timeout: .seconds(90))
            rival.stop()
            await editing.value

            let writes = rival.writes.withLock { $0 }
            let conflicts = env.controllerMetrics.reading(ControllerMetrics.conflicts, []) - before
            print("ConflictTests: controller retried \(conflicts) reconcile(s) after 409; the other client made "
                + "\(writes.setEdits) set edits (\(writes.setConflicts) of its own 409s) and "
                + "\(writes.podEdits.values.reduce(0, +)) pod edits")
            #expect(conflicts > 0, "the other client's writes never raced the controller")

            let set = try await env.set("web")
            #expect(set.metadata.labels?["rival"] == "yes")
            #expect(set.metadata.annotations?["rival/edits"] == String(writes.setEdits))
            #expect(set.spec.replicas == 7 && set.spec.revisionHistoryLimit == 7)
            #expect(set.status?.updatedReplicas == 7 && rolledOut.status?.readyReplicas == 7)

            let pods = try await env.pods(of: "web")
            #expect(pods.count == 7)
            for pod in pods.values {
                #expect(pod.image == "nginx:1.26", "\(pod.name)")
                #expect(pod.metadata.labels?[SteadKeys.revisionHash] == set.status?.updateRevision, "\(pod.name)")
                #expect(pod.metadata.labels?["app"] == "web", "\(pod.name)")
                guard let round = writes.podEdits[pod.name] else { continue }
                #expect(pod.metadata.labels?["rival"] == String(round), "\(pod.name)")
                #expect(pod.metadata.annotations?["rival/note"] == "edited in round \(round)", "\(pod.name)")
            }
            #expect(pods.values.filter { writes.podEdits[$0.name] != nil }.count >= 6)
        }
    }
}
