import Foundation
import KubeClient
import KubeModel

/// The same workloads rolled out with kubectl on any cluster: a StatefulSet naming Stead's scheduler, a
/// Deployment and a DaemonSet for the default scheduler, each created, updated with `kubectl set image`
/// (the first two rolled back too), `kubectl rollout status|history|undo` as a user runs them. What kubectl printed (its last line),
/// and whether the set's recreated pods stayed on their nodes: the same on `stead up` and on a real
/// Kubernetes.
public enum WorkloadChecks {
    public struct Seen: Equatable, Sendable {
        /// The last line of each command, in order.
        public var lines: [String]
        /// StatefulSet pods whose node changed across the update and the undo.
        public var setPodsMoved: Int
        /// StatefulSet pods that were not recreated by the update.
        public var setPodsKept: Int
        public var deploymentImages: [String]
        /// Nodes running the DaemonSet's pods (one each), and their images.
        public var daemonNodes: Int
        public var daemonImages: [String]
    }

    static func statefulSet(nodeSelector: [String: String]) -> JSONValue {
        [
            "apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": ["name": "cache"],
            "spec": [
                "replicas": 3, "serviceName": "cache", "selector": ["matchLabels": ["app": "cache"]],
                "template": [
                    "metadata": ["labels": ["app": "cache"]],
                    "spec": [
                        "schedulerName": "stead", "nodeSelector": .object(nodeSelector.mapValues(JSONValue.string)),
                        "containers": [["name": "redis", "image": "redis:7.4", "resources": ["requests": ["cpu": "100m"]]]],
                    ],
                ],
            ],
        ]
    }

    static func deployment(nodeSelector: [String: String]) -> JSONValue {
        [
            "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "front"],
            "spec": [
                "replicas": 2, "selector": ["matchLabels": ["app": "front"]],
                "template": [
                    "metadata": ["labels": ["app": "front"]],
                    "spec": [
                        "nodeSelector": .object(nodeSelector.mapValues(JSONValue.string)),
                        "containers": [["name": "web", "image": "nginx:1.27", "resources": ["requests": ["cpu": "100m"]]]],
                    ],
                ],
            ],
        ]
    }

    static func daemonSet(nodeSelector: [String: String]) -> JSONValue {
        [
            "apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": ["name": "agent"],
            "spec": [
                "selector": ["matchLabels": ["app": "agent"]],
                "template": [
                    "metadata": ["labels": ["app": "agent"]],
                    "spec": [
                        "nodeSelector": .object(nodeSelector.mapValues(JSONValue.string)),
                        "containers": [["name": "agent", "image": "agent:1", "resources": ["requests": ["cpu": "10m"]]]],
                    ],
                ],
            ],
        ]
    }

    /// Runs the workloads in `namespace` (which must exist), their pods kept to nodes with `nodeSelector`.
    public static func rollouts(
        kubectl: String, kubeconfig: String, client: KubeClient, namespace: String, nodeSelector: [String: String] = [:]
    ) async throws -> Seen {
        var lines: [String] = []
        func run(_ arguments: [String], input: String? = nil) async throws {
            let result = try await runLongCommand(kubectl, ["--kubeconfig", kubeconfig, "-n", namespace] + arguments, input: input)
            let text = (result.status == 0 ? result.stdout : "failed: " + result.stderr)
            lines.append(text.split(separator: "\n").last.map(String.init) ?? "")
        }
        func json(_ value: JSONValue) throws -> String { String(decoding: try KubeJSON.serialize(value), as: UTF8.self) }
        let rollout = ["rollout", "status", "--timeout=180s"]

        try await run(["apply", "-f", "-"], input: try json(statefulSet(nodeSelector: nodeSelector)))
        try await run(rollout + ["statefulset/cache"])
        let first = try await places(client, namespace: namespace, app: "cache")
        try await run(["set", "image", "statefulset/cache", "redis=redis:7.4.1"])
        try await run(rollout + ["statefulset/cache"])
        let second = try await places(client, namespace: namespace, app: "cache")
        try await run(["rollout", "history", "statefulset/cache", "--revision=2", "-o", "jsonpath={.spec.template.spec.containers[0].image}"])
        try await run(["rollout", "undo", "statefulset/cache"])
        try await run(rollout + ["statefulset/cache"])
        let third = try await places(client, namespace: namespace, app: "cache")

        try await run(["apply", "-f", "-"], input: try json(deployment(nodeSelector: nodeSelector)))
        try await run(rollout + ["deployment/front"])
        try await run(["set", "image", "deployment/front", "web=nginx:1.27.3"])
        try await run(rollout + ["deployment/front"])
        try await run(["rollout", "undo", "deployment/front"])
        try await run(rollout + ["deployment/front"])
        let images = try await client.list(Pod.self, namespace: namespace, options: ListOptions(labelSelector: "app=front"))
            .items.filter { !$0.isTerminating }.compactMap { $0.spec?.containers.first?.image }.sorted()

        try await run(["apply", "-f", "-"], input: try json(daemonSet(nodeSelector: nodeSelector)))
        try await run(rollout + ["daemonset/agent"])
        try await run(["set", "image", "daemonset/agent", "agent=agent:2"])
        try await run(rollout + ["daemonset/agent"])
        let daemons = try await client.list(Pod.self, namespace: namespace, options: ListOptions(labelSelector: "app=agent"))
            .items.filter { !$0.isTerminating }

        let moved = first.filter { name, place in second[name]?.node != place.node || third[name]?.node != place.node }.count
        let kept = first.filter { name, place in second[name]?.uid == place.uid }.count
        return Seen(
            lines: lines, setPodsMoved: moved, setPodsKept: kept, deploymentImages: images,
            daemonNodes: Set(daemons.compactMap { $0.spec?.nodeName }).count,
            daemonImages: Set(daemons.compactMap { $0.spec?.containers.first?.image }).sorted())
    }

    public static let expected = Seen(
        lines: [
            "statefulset.apps/cache created", "partitioned roll out complete: 3 new pods have been updated...",
            "statefulset.apps/cache image updated", "partitioned roll out complete: 3 new pods have been updated...",
            "redis:7.4.1", "statefulset.apps/cache rolled back",
            "partitioned roll out complete: 3 new pods have been updated...",
            "deployment.apps/front created", "deployment \"front\" successfully rolled out",
            "deployment.apps/front image updated", "deployment \"front\" successfully rolled out",
            "deployment.apps/front rolled back", "deployment \"front\" successfully rolled out",
            "daemonset.apps/agent created", "daemon set \"agent\" successfully rolled out",
            "daemonset.apps/agent image updated", "daemon set \"agent\" successfully rolled out",
        ],
        setPodsMoved: 0, setPodsKept: 0, deploymentImages: ["nginx:1.27", "nginx:1.27"], daemonNodes: 3,
        daemonImages: ["agent:2"])

    struct Place: Equatable {
        var node: String
        var uid: String
    }

    static func places(_ client: KubeClient, namespace: String, app: String) async throws -> [String: Place] {
        let pods = try await client.list(Pod.self, namespace: namespace, options: ListOptions(labelSelector: "app=\(app)"))
        return Dictionary(uniqueKeysWithValues: pods.items.filter { !$0.isTerminating }.map {
            ($0.name, Place(node: $0.spec?.nodeName ?? "", uid: $0.metadata.uid ?? ""))
        })
    }
}
