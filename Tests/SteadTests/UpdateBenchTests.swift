import Foundation
import SteadTestSupport
import Testing

/// `stead bench update` as a user runs it: the same image change rolled out by the StatefulSet controller
/// (the baseline, plain Kubernetes), under Stead's Recreate and under InPlaceIfPossible, on one
/// in-process cluster.
@Suite("stead bench update")
struct UpdateBenchTests {
    struct Report: Decodable {
        var nodes: Int
        var replicas: Int
        var policies: [Policy]
    }

    struct Policy: Decodable {
        var policy: String
        var schedulingAttempts: Int
        var nodeEvaluations: Int
        var podsChangedNode: Int
        var podsChangedUID: Int
        var podsChangedIP: Int
        var updatedInPlace: Int
        var rescheduled: Int
        var peakUnavailable: Int
    }

    @Test func inPlaceSchedulesNothingWhileRecreateSchedulesEveryPod() async throws {
        let result = try await runLongCommand(
            TestPaths.stead,
            [
                "bench", "update", "--nodes", "200", "--replicas", "100", "--json", "--log-level", "warning",
                "--policies", "Recreate", "InPlaceIfPossible",
            ])
        #expect(result.status == 0, "stead bench update failed: \(result.stderr.suffix(2000))")
        let report = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
        #expect(report.nodes == 200 && report.replicas == 100)
        #expect(report.policies.map(\.policy) == ["StatefulSet", "Recreate", "InPlaceIfPossible"])
        let statefulSet = try #require(report.policies.first { $0.policy == "StatefulSet" })
        let recreate = try #require(report.policies.first { $0.policy == "Recreate" })
        let inPlace = try #require(report.policies.first { $0.policy == "InPlaceIfPossible" })

        // The StatefulSet controller deletes and makes every pod again; each goes through filter and score.
        #expect(statefulSet.podsChangedUID == 100)
        #expect(statefulSet.schedulingAttempts == 100)
        #expect(statefulSet.peakUnavailable >= 1)

        #expect(recreate.schedulingAttempts == 100)
        #expect(recreate.podsChangedUID == 100)
        #expect(recreate.rescheduled == 100)
        #expect(recreate.nodeEvaluations > 100)

        #expect(inPlace.schedulingAttempts == 0)
        #expect(inPlace.nodeEvaluations == 0)
        #expect(inPlace.podsChangedNode == 0)
        #expect(inPlace.podsChangedUID == 0)
        #expect(inPlace.podsChangedIP == 0)
        #expect(inPlace.updatedInPlace == 100)
    }
}
