import KubeModel
import SteadController

/// StatefulPodSets for the tests: one container `app`, label `app: <name>`, small requests.
enum SetFixture {
    static func make(
        _ name: String, replicas: Int32 = 5, image: String = "nginx:1.25", env: [String: String] = [:],
        nodeSelector: [String: String]? = nil, policy: PodUpdatePolicy? = nil,
        podManagement: PodManagementPolicy? = nil, partition: Int32? = nil, maxUnavailable: IntOrString? = nil,
        paused: Bool? = nil, claims: [String] = [], whenScaled: RetentionPolicyType? = nil,
        selectorLabels: [String: String]? = nil
    ) -> StatefulPodSet {
        let labels = ["app": name]
        let spec = StatefulPodSetSpec(
            replicas: replicas, selector: LabelSelector(matchLabels: selectorLabels ?? labels),
            template: template(labels: labels, image: image, env: env, nodeSelector: nodeSelector),
            volumeClaimTemplates: claims.isEmpty ? nil : claims.map(claimTemplate),
            podManagementPolicy: podManagement,
            persistentVolumeClaimRetentionPolicy: whenScaled.map { PersistentVolumeClaimRetentionPolicy(whenScaled: $0) },
            updateStrategy: UpdateStrategy(
                rollingUpdate: RollingUpdateStrategy(
                    partition: partition, maxUnavailable: maxUnavailable, paused: paused, podUpdatePolicy: policy)))
        return StatefulPodSet(metadata: ObjectMeta(name: name, namespace: ControllerEnvironment.namespace), spec: spec)
    }

    static func template(
        labels: [String: String], image: String, env: [String: String], nodeSelector: [String: String]?
    ) -> PodTemplateSpec {
        var container: JSONObject = [
            "name": "app", "image": .string(image),
            "resources": ["requests": ["cpu": "100m", "memory": "64Mi"]],
        ]
        if !env.isEmpty {
            container["env"] = .array(env.sorted { $0.key < $1.key }.map { ["name": .string($0.key), "value": .string($0.value)] })
        }
        var spec: JSONObject = ["containers": [.object(container)]]
        if let nodeSelector { spec["nodeSelector"] = .object(nodeSelector.mapValues(JSONValue.string)) }
        return PodTemplateSpec(json: [
            "metadata": ["labels": .object(labels.mapValues(JSONValue.string))], "spec": .object(spec),
        ])
    }

    static func claimTemplate(_ name: String) -> PersistentVolumeClaimTemplate {
        PersistentVolumeClaimTemplate(json: [
            "metadata": ["name": .string(name)],
            "spec": ["accessModes": ["ReadWriteOnce"], "resources": ["requests": ["storage": "1Gi"]]],
        ])
    }
}

extension StatefulPodSet {
    /// Changes every container of the template (there is one: `app`).
    mutating func editContainers(_ change: (inout JSONValue) -> Void) {
        var podSpec = spec.template.json["spec"] ?? [:]
        var containers = podSpec["containers"]?.arrayValue ?? []
        for index in containers.indices { change(&containers[index]) }
        podSpec["containers"] = .array(containers)
        spec.template.json["spec"] = podSpec
    }

    mutating func setImage(_ image: String) {
        editContainers { $0["image"] = .string(image) }
    }

    mutating func setEnv(_ name: String, _ value: String) {
        editContainers { $0["env"] = [["name": .string(name), "value": .string(value)]] }
    }

    mutating func setNodeSelector(_ selector: [String: String]) {
        var podSpec = spec.template.json["spec"] ?? [:]
        podSpec["nodeSelector"] = .object(selector.mapValues(JSONValue.string))
        spec.template.json["spec"] = podSpec
    }

    mutating func setRolling(_ change: (inout RollingUpdateStrategy) -> Void) {
        var strategy = spec.updateStrategy ?? UpdateStrategy()
        var rolling = strategy.rollingUpdate ?? RollingUpdateStrategy()
        change(&rolling)
        strategy.rollingUpdate = rolling
        spec.updateStrategy = strategy
    }
}

extension Pod {
    var isRunningAndReady: Bool { status?.phase == "Running" && isReady && !isTerminating }
    var restartCount: Int32 { status?.containerStatuses?.first { $0.name == "app" }?.restartCount ?? -1 }
    var image: String? { spec?.containers.first { $0.name == "app" }?.image }
}
