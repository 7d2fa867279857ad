import Foundation
import KubeModel
import Testing
@testable import SteadController

@Suite("Validation")
struct ValidationTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var mutate: @Sendable (inout StatefulPodSet) -> Void
        var expected: [String]
        var testDescription: String { name }
    }

    static let rows: [Row] = [
        Row(name: "valid", mutate: { _ in }, expected: []),
        Row(name: "negative replicas", mutate: { $0.spec.replicas = -1 },
            expected: ["spec.replicas: must be greater than or equal to 0"]),
        Row(name: "selector missing", mutate: { $0.spec.selector = nil },
            expected: ["spec.selector: Required value: a non-empty selector is required"]),
        Row(name: "selector does not match template labels",
            mutate: { $0.spec.selector = LabelSelector(matchLabels: ["app": "db"]) },
            expected: [#"spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`"#]),
        Row(name: "selector expression operator",
            mutate: { $0.spec.selector = LabelSelector(matchExpressions: [LabelSelectorRequirement(key: "app", operator: "Like")]) },
            expected: [#"spec.selector.matchExpressions[0].operator: Unsupported value: "Like": supported values: "In", "NotIn", "Exists", "DoesNotExist""#]),
        Row(name: "maxUnavailable 0",
            mutate: { $0.spec.updateStrategy = UpdateStrategy(rollingUpdate: RollingUpdateStrategy(maxUnavailable: .int(0))) },
            expected: ["spec.updateStrategy.rollingUpdate.maxUnavailable: must be greater than 0"]),
        Row(name: "maxUnavailable 0%",
            mutate: { $0.spec.updateStrategy = UpdateStrategy(rollingUpdate: RollingUpdateStrategy(maxUnavailable: .string("0%"))) },
            expected: ["spec.updateStrategy.rollingUpdate.maxUnavailable: must be greater than 0"]),
        Row(name: "maxUnavailable garbage",
            mutate: { $0.spec.updateStrategy = UpdateStrategy(rollingUpdate: RollingUpdateStrategy(maxUnavailable: .string("many"))) },
            expected: [#"spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: "many": must be an integer or a percentage (e.g. '25%')"#]),
        Row(name: "partition above replicas",
            mutate: { $0.spec.updateStrategy = UpdateStrategy(rollingUpdate: RollingUpdateStrategy(partition: 6)) },
            expected: ["spec.updateStrategy.rollingUpdate.partition: must be less than or equal to spec.replicas (5)"]),
        Row(name: "negative partition",
            mutate: { $0.spec.updateStrategy = UpdateStrategy(rollingUpdate: RollingUpdateStrategy(partition: -1)) },
            expected: ["spec.updateStrategy.rollingUpdate.partition: must be greater than or equal to 0"]),
        Row(name: "unparsable quantity",
            mutate: { $0.spec.template = Fixture.template(containers: [Fixture.container(cpu: "lots")]) },
            expected: [#"spec.template.spec.containers[0].resources.requests.cpu: Invalid value: "lots": "#]),
        Row(name: "unknown podUpdatePolicy",
            mutate: { $0.spec.updateStrategy = UpdateStrategy(rollingUpdate: RollingUpdateStrategy(podUpdatePolicy: PodUpdatePolicy(rawValue: "Sometimes"))) },
            expected: [#"spec.updateStrategy.rollingUpdate.podUpdatePolicy: Unsupported value: "Sometimes": supported values: "InPlaceIfPossible", "InPlaceOnly", "SameNodeRecreate", "Recreate""#]),
        Row(name: "unknown podManagementPolicy", mutate: { $0.spec.podManagementPolicy = PodManagementPolicy(rawValue: "Random") },
            expected: [#"spec.podManagementPolicy: Unsupported value: "Random": supported values: "OrderedReady", "Parallel""#]),
        Row(name: "unknown stickiness", mutate: { $0.spec.placement = Placement(stickiness: Stickiness(rawValue: "Loose")) },
            expected: [#"spec.placement.stickiness: Unsupported value: "Loose": supported values: "Strict", "Preferred""#]),
        Row(name: "unknown retention", mutate: { $0.spec.persistentVolumeClaimRetentionPolicy = PersistentVolumeClaimRetentionPolicy(whenScaled: RetentionPolicyType(rawValue: "Keep")) },
            expected: [#"spec.persistentVolumeClaimRetentionPolicy.whenScaled: Unsupported value: "Keep": supported values: "Retain", "Delete""#]),
        Row(name: "unknown strategy type", mutate: { $0.spec.updateStrategy = UpdateStrategy(type: UpdateStrategyType(rawValue: "BlueGreen")) },
            expected: [#"spec.updateStrategy.type: Unsupported value: "BlueGreen": supported values: "RollingUpdate", "OnDelete""#]),
        Row(name: "rollingUpdate with OnDelete",
            mutate: { $0.spec.updateStrategy = UpdateStrategy(type: .onDelete, rollingUpdate: RollingUpdateStrategy(partition: 1)) },
            expected: ["spec.updateStrategy.rollingUpdate: may not be set when spec.updateStrategy.type is 'OnDelete'"]),
        Row(name: "empty containers", mutate: { $0.spec.template = Fixture.template(containers: []) },
            expected: ["spec.template.spec.containers: Required value: at least one container is required"]),
        Row(name: "invalid set name", mutate: { $0.metadata.name = "Web_1" },
            expected: ["metadata.name: a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character"]),
        Row(name: "set name too long", mutate: { $0.metadata.name = String(repeating: "a", count: 53) },
            expected: ["metadata.name: must be no more than 52 characters"]),
        Row(name: "invalid container name", mutate: { $0.spec.template = Fixture.template(containers: [Fixture.container(name: "App")]) },
            expected: ["spec.template.spec.containers[0].name: a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character"]),
        Row(name: "duplicate container name", mutate: { $0.spec.template = Fixture.template(containers: [Fixture.container(), Fixture.container()]) },
            expected: [#"spec.template.spec.containers[1].name: Duplicate value: "app""#]),
        Row(name: "bad claim quantity", mutate: { $0.spec.volumeClaimTemplates = [Fixture.claimTemplate(storage: "1Gb")] },
            expected: [#"spec.volumeClaimTemplates[0].spec.resources.requests.storage: Invalid value: "1Gb": "#]),
        Row(name: "negative durations", mutate: {
                $0.spec.minReadySeconds = -1
                $0.spec.placement = Placement(nodeLossTimeoutSeconds: -5)
            },
            expected: ["spec.minReadySeconds: must be greater than or equal to 0",
                       "spec.placement.nodeLossTimeoutSeconds: must be greater than or equal to 0"]),
    ]

    @Test("field errors name the field", arguments: rows)
    func table(_ row: Row) {
        var set = Fixture.set()
        row.mutate(&set)
        let errors = StatefulPodSetValidator.validate(set).map(\.description)
        #expect(errors.count == row.expected.count, "\(errors)")
        for (error, expected) in zip(errors, row.expected) {
            #expect(error.hasPrefix(expected), "\(error)")
        }
    }

    @Test("the summary joins errors for a condition message")
    func summary() {
        var set = Fixture.set()
        set.spec.replicas = -1
        set.spec.updateStrategy = UpdateStrategy(rollingUpdate: RollingUpdateStrategy(maxUnavailable: .int(0)))
        #expect(StatefulPodSetValidator.validate(set).summary
            == "spec.replicas: must be greater than or equal to 0; spec.updateStrategy.rollingUpdate.maxUnavailable: must be greater than 0")
    }
}
