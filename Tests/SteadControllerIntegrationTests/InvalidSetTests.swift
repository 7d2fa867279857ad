import Foundation
import KubeClient
import KubeModel
import SteadController
import SteadTestSupport
import Testing

/// Several invalid sets at once, beside a valid one: each invalid set gets a condition and a Warning
/// Event that name what is wrong, none of them gets pods, and the valid set reconciles to Ready.
@Suite(.serialized, .timeLimit(.minutes(4)))
struct InvalidSetTests {
    struct Case: Sendable {
        var set: StatefulPodSet
        /// Texts the Invalid condition and the InvalidSpec Event must both contain.
        var mentions: [String]
    }

    static func cases() -> [Case] {
        var negative = SetFixture.make("negative", replicas: 2, maxUnavailable: .int(-1))
        negative.editContainers { $0["resources"] = ["requests": ["cpu": "-100m"]] }
        return [
            Case(
                set: SetFixture.make("selector", replicas: 2, selectorLabels: ["app": "other"]),
                mentions: ["spec.template.metadata.labels", "`selector` does not match template `labels`"]),
            Case(
                set: SetFixture.make("claims", replicas: 2, claims: ["Data_1"]).withClaimStorage("1Gb"),
                mentions: ["spec.volumeClaimTemplates[0].metadata.name", "spec.volumeClaimTemplates[0].spec.resources.requests.storage"]),
            Case(
                set: negative,
                mentions: [
                    "spec.updateStrategy.rollingUpdate.maxUnavailable: must be greater than 0",
                    "spec.template.spec.containers[0].resources.requests.cpu", "must be greater than or equal to 0",
                ]),
        ]
    }

    @Test func invalidSetsAreReportedWhileAValidSetBecomesReady() async throws {
        try await ControllerEnvironment.with(nodes: 3) { env in
            let cases = Self.cases()
            for invalid in cases { try await env.create(invalid.set) }
            try await env.create(SetFixture.make("good", replicas: 3))
            try await env.waitForRollout("good")

            for invalid in cases {
                let name = invalid.set.name
                try await eventually("Invalid condition on \(name)") {
                    try await env.set(name).status?.condition(.invalid)?.status == "True"
                }
                let message = try await env.set(name).status?.condition(.invalid)?.message ?? ""
                let events = try await env.events(about: name, reason: "InvalidSpec")
                #expect(events.count == 1 && events.first?.type == "Warning", "\(name): \(events.map(\.message))")
                for text in invalid.mentions {
                    #expect(message.contains(text), "\(name) condition: \(message)")
                    #expect(events.first?.message?.contains(text) == true, "\(name) event: \(events.map(\.message))")
                }
                #expect(try await env.pods(of: name).isEmpty, "\(name) got pods")
                #expect(try await env.claimNames(of: name).isEmpty, "\(name) got claims")
            }
            let good = try await env.set("good")
            #expect(good.status?.condition(.invalid)?.status == "False")
            #expect(good.status?.condition(.replicaFailure) == nil)
        }
    }

    /// A template the controller does not check, but the API server refuses when Stead creates the pod
    /// (an annotation key that is not a qualified name): ReplicaFailure and a FailedCreate Warning Event,
    /// cleared once the template is fixed.
    @Test func aPodTheServerRefusesIsReportedUntilTheTemplateIsFixed() async throws {
        try await ControllerEnvironment.with(nodes: 3) { env in
            var refused = SetFixture.make("refused", replicas: 2)
            refused.spec.template.json["metadata"]?["annotations"] = ["build number!": "42"]
            try await env.create(refused)
            try await env.create(SetFixture.make("good", replicas: 2))
            try await env.waitForRollout("good")

            try await eventually("ReplicaFailure on refused") {
                try await env.set("refused").status?.condition(.replicaFailure)?.status == "True"
            }
            let condition = try #require(try await env.set("refused").status?.condition(.replicaFailure))
            #expect(condition.reason == "FailedCreate")
            #expect(condition.message?.contains("create Pod refused-0 in StatefulPodSet refused failed") == true)
            #expect(condition.message?.contains(#"Pod "refused-0" is invalid: metadata.annotations: Invalid value: "build number!""#) == true, "\(condition)")
            let events = try await env.events(about: "refused", reason: "FailedCreate")
            #expect(events.count == 1 && events.first?.type == "Warning" && events.first?.message == condition.message)
            #expect(try await env.pods(of: "refused").isEmpty)

            try await env.update("refused") { $0.spec.template.json["metadata"]?["annotations"] = ["build": "42"] }
            let fixed = try await env.waitForRollout("refused")
            #expect(fixed.status?.condition(.replicaFailure)?.status == "False")
            #expect(try await env.pods(of: "refused").values.allSatisfy { $0.metadata.annotations?["build"] == "42" })
        }
    }

    @Test("values the CRD schema bounds are refused by the API server (422 naming the field)", arguments: [
        ("replicas", "spec.replicas"), ("minReadySeconds", "spec.minReadySeconds"),
        ("revisionHistoryLimit", "spec.revisionHistoryLimit"),
    ])
    func negativeCountsAreRefusedAtTheDoor(_ field: String, _ path: String) async throws {
        try await ControllerEnvironment.with(nodes: 1) { env in
            var object = try KubeJSON.encodeToValue(SetFixture.make("neg", replicas: 1))
            object["spec"]?[field] = -1
            let error = await #expect(throws: KubeAPIError.self) {
                _ = try await env.client.create(StatefulPodSet.resourceType, object, namespace: ControllerEnvironment.namespace)
            }
            #expect(error?.isInvalid == true)
            #expect(error?.status.message?.contains("\(path) in body should be greater than or equal to 0") == true,
                "\(String(describing: error?.status.message))")
        }
    }
}

extension StatefulPodSet {
    /// Every claim template asks for `storage`.
    func withClaimStorage(_ storage: String) -> StatefulPodSet {
        var copy = self
        copy.spec.volumeClaimTemplates = spec.volumeClaimTemplates?.map { claim in
            var claim = claim
            claim.json["spec"]?["resources"] = ["requests": ["storage": .string(storage)]]
            return claim
        }
        return copy
    }
}
