import KubeModel

/// The manifests scenarios apply with kubectl, as a user would write them. Each pod template selects
/// the scenario's simulated nodes.
enum Manifests {
    struct SetOptions {
        var replicas = 3
        var image = "nginx:1.27"
        var cpu = "500m"
        var memory = "256Mi"
        var podManagement = "Parallel"
        var policy: String?
        var partition: Int?
        var maxUnavailable: JSONValue?
        var paused: Bool?
        var inPlaceGracePeriodSeconds: Int?
        var claims: [String] = []
        var storageClass: String?
        var whenDeleted: String?
        var whenScaled: String?
        var stickiness: String?
        var nodeLossTimeoutSeconds: Int?
        var env: [String: String] = [:]
    }

    static func statefulPodSet(_ name: String, pool: String, _ options: SetOptions = SetOptions()) -> JSONValue {
        var rollingUpdate: JSONObject = [:]
        if let policy = options.policy { rollingUpdate["podUpdatePolicy"] = .string(policy) }
        if let partition = options.partition { rollingUpdate["partition"] = .int(Int64(partition)) }
        if let maxUnavailable = options.maxUnavailable { rollingUpdate["maxUnavailable"] = maxUnavailable }
        if let paused = options.paused { rollingUpdate["paused"] = .bool(paused) }
        if let grace = options.inPlaceGracePeriodSeconds { rollingUpdate["inPlaceGracePeriodSeconds"] = .int(Int64(grace)) }
        var placement: JSONObject = [:]
        if let stickiness = options.stickiness { placement["stickiness"] = .string(stickiness) }
        if let timeout = options.nodeLossTimeoutSeconds { placement["nodeLossTimeoutSeconds"] = .int(Int64(timeout)) }
        var retention: JSONObject = [:]
        if let whenDeleted = options.whenDeleted { retention["whenDeleted"] = .string(whenDeleted) }
        if let whenScaled = options.whenScaled { retention["whenScaled"] = .string(whenScaled) }

        var spec: JSONObject = [
            "replicas": .int(Int64(options.replicas)),
            "selector": ["matchLabels": ["app": .string(name)]],
            "serviceName": .string(name),
            "podManagementPolicy": .string(options.podManagement),
            "updateStrategy": ["type": "RollingUpdate", "rollingUpdate": .object(rollingUpdate)],
            "template": podTemplate(name, pool: pool, options),
        ]
        if !placement.isEmpty { spec["placement"] = .object(placement) }
        if !retention.isEmpty { spec["persistentVolumeClaimRetentionPolicy"] = .object(retention) }
        if !options.claims.isEmpty {
            spec["volumeClaimTemplates"] = .array(options.claims.map { claimTemplate($0, storageClass: options.storageClass) })
        }
        return [
            "apiVersion": "stead.dev/v1alpha1", "kind": "StatefulPodSet",
            "metadata": ["name": .string(name)], "spec": .object(spec),
        ]
    }

    static func podTemplate(_ name: String, pool: String, _ options: SetOptions) -> JSONValue {
        var container: JSONObject = [
            "name": "app", "image": .string(options.image),
            "resources": ["requests": ["cpu": .string(options.cpu), "memory": .string(options.memory)]],
        ]
        if !options.env.isEmpty {
            container["env"] = .array(options.env.sorted { $0.key < $1.key }.map { ["name": .string($0.key), "value": .string($0.value)] })
        }
        if !options.claims.isEmpty {
            container["volumeMounts"] = .array(options.claims.map { ["name": .string($0), "mountPath": .string("/data/\($0)")] })
        }
        return [
            "metadata": ["labels": ["app": .string(name)]],
            "spec": [
                "nodeSelector": .object([SimulatedPool.label: .string(pool)]),
                "containers": [.object(container)],
            ],
        ]
    }

    static func claimTemplate(_ name: String, storageClass: String?) -> JSONValue {
        var spec: JSONObject = ["accessModes": ["ReadWriteOnce"], "resources": ["requests": ["storage": "1Gi"]]]
        if let storageClass { spec["storageClassName"] = .string(storageClass) }
        return ["metadata": ["name": .string(name)], "spec": .object(spec)]
    }

    /// A StorageClass for pre-made local volumes: no provisioner, claims bound as soon as they exist.
    static func localStorageClass(_ name: String) -> JSONValue {
        [
            "apiVersion": "storage.k8s.io/v1", "kind": "StorageClass", "metadata": ["name": .string(name)],
            "provisioner": "kubernetes.io/no-provisioner", "volumeBindingMode": "Immediate",
            "reclaimPolicy": "Retain",
        ]
    }

    /// A local volume on `node`: a pod using it can run there only.
    static func localVolume(_ name: String, node: String, storageClass: String) -> JSONValue {
        [
            "apiVersion": "v1", "kind": "PersistentVolume", "metadata": ["name": .string(name)],
            "spec": [
                "capacity": ["storage": "1Gi"], "accessModes": ["ReadWriteOnce"],
                "persistentVolumeReclaimPolicy": "Retain", "storageClassName": .string(storageClass),
                "local": ["path": .string("/mnt/\(name)")],
                "nodeAffinity": [
                    "required": [
                        "nodeSelectorTerms": [
                            ["matchExpressions": [
                                ["key": "kubernetes.io/hostname", "operator": "In", "values": [.string(node)]],
                            ]],
                        ],
                    ],
                ],
            ],
        ]
    }
}
