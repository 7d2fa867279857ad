import Foundation
import KubeClient
import KubeModel

/// The same workloads rolled out with kubectl on any cluster: a StatefulSet naming Stead's scheduler, a
/// Deployment and a DaemonSet for the default scheduler, each created, updated with `kubectl set image`
/// (the first two rolled back too), `kubectl rollout status|history|undo` as a user runs them; a
/// Deployment scaled while its rollout is stuck (its sets grow in proportion), and one deleted with
/// `--cascade=orphan` and applied again (it adopts its ReplicaSets); a Job
/// that completes, one that fails, and a Job made from a CronJob's template (`kubectl create job
/// --from`), each awaited with `kubectl wait`. What kubectl printed (its last line),
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

        /// What differs from `expected`, line by line, for a failure that says where it went wrong.
        public func differences(from expected: Seen) -> String {
            var found: [String] = []
            for index in 0..<max(lines.count, expected.lines.count) {
                let got = index < lines.count ? lines[index] : "<nothing>"
                let wanted = index < expected.lines.count ? expected.lines[index] : "<nothing>"
                if got != wanted { found.append("line \(index + 1): \"\(got)\", expected \"\(wanted)\"") }
            }
            var copy = self
            copy.lines = expected.lines
            if copy != expected { found.append("pods and images: \(copy), expected \(expected)") }
            return found.joined(separator: "\n")
        }
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

    /// The Deployment concept page's proportional scaling example: 10 replicas, maxSurge 3, maxUnavailable 2.
    static func spreadDeployment(nodeSelector: [String: String]) -> JSONValue {
        [
            "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "spread"],
            "spec": [
                "replicas": 10, "selector": ["matchLabels": ["app": "spread"]],
                "strategy": ["type": "RollingUpdate", "rollingUpdate": ["maxSurge": 3, "maxUnavailable": 2]],
                "template": [
                    "metadata": ["labels": ["app": "spread"]],
                    "spec": [
                        "nodeSelector": .object(nodeSelector.mapValues(JSONValue.string)),
                        "containers": [["name": "web", "image": "nginx:1.27", "resources": ["requests": ["cpu": "10m"]]]],
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

    /// A Job of `completions` pods of `image` running `sleep 1`, never restarted.
    static func job(_ name: String, image: String, completions: Int64, backoffLimit: Int64, nodeSelector: [String: String]) -> JSONValue {
        [
            "apiVersion": "batch/v1", "kind": "Job", "metadata": ["name": .string(name)],
            "spec": ["completions": .int(completions), "parallelism": 2, "backoffLimit": .int(backoffLimit), "template": jobPod(image: image, nodeSelector: nodeSelector, restartPolicy: "Never")],
        ]
    }

    static func cronJob(nodeSelector: [String: String]) -> JSONValue {
        [
            "apiVersion": "batch/v1", "kind": "CronJob", "metadata": ["name": "nightly"],
            "spec": [
                "schedule": "0 3 * * *",
                "jobTemplate": ["spec": ["template": jobPod(image: "busybox:1.36", nodeSelector: nodeSelector, restartPolicy: "OnFailure")]],
            ],
        ]
    }

    static func jobPod(image: String, nodeSelector: [String: String], restartPolicy: String) -> JSONValue {
        [
            "spec": [
                "restartPolicy": .string(restartPolicy), "nodeSelector": .object(nodeSelector.mapValues(JSONValue.string)),
                "containers": [
                    ["name": "task", "image": .string(image), "command": ["sleep", "1"], "resources": ["requests": ["cpu": "10m"]]]
                ],
            ]
        ]
    }

    /// Runs the workloads in `namespace` (which must exist), their pods kept to nodes with `nodeSelector`.
    public static func rollouts(
        kubectl: String, kubeconfig: String, client: KubeClient, namespace: String, nodeSelector: [String: String] = [:]
    ) async throws -> Seen {
        var lines: [String] = []
        /// Runs kubectl; its last line is kept, or only a failure when its output names objects by hash.
        func run(_ arguments: [String], input: String? = nil, keep: Bool = true) async throws {
            let result = try await runLongCommand(kubectl, ["--kubeconfig", kubeconfig, "-n", namespace] + arguments, input: input)
            guard keep || result.status != 0 else { return }
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
        // Scaled while a rollout is stuck (an image that never gets ready): both sets grow in proportion.
        try await run(["apply", "-f", "-"], input: try json(spreadDeployment(nodeSelector: nodeSelector)))
        try await run(rollout + ["deployment/spread"])
        try await run(["set", "image", "deployment/spread", "web=nginx:fail"])
        try await run(["wait", "--timeout=180s", "--for=jsonpath={.status.updatedReplicas}=5", "deployment/spread"])
        try await run(["scale", "deployment/spread", "--replicas=15"])
        try await run(["wait", "--timeout=180s", "--for=jsonpath={.status.updatedReplicas}=7", "deployment/spread"])
        try await run(["get", "rs", "-l", "app=spread", "--sort-by=.metadata.creationTimestamp", "-o", "jsonpath={range .items[*]}{.spec.replicas} {end}"])
        // Deleted leaving its ReplicaSets behind, then made again: it adopts them, no pod is replaced.
        try await run(["delete", "deployment", "front", "--cascade=orphan"])
        try await run(["apply", "-f", "-"], input: try json(deployment(nodeSelector: nodeSelector)))
        try await run(rollout + ["deployment/front"])
        try await run(
            ["wait", "rs", "-l", "app=front", "--timeout=60s", "--for=jsonpath={.metadata.ownerReferences[0].kind}=Deployment"], keep: false)
        try await run([
            "get", "rs", "-l", "app=front", "--sort-by=.spec.template.spec.containers[0].image", "-o",
            "jsonpath={range .items[*]}{.spec.template.spec.containers[0].image}/{.spec.replicas} {end}",
        ])
        let images = try await client.list(Pod.self, namespace: namespace, options: ListOptions(labelSelector: "app=front"))
            .items.filter { !$0.isTerminating }.compactMap { $0.spec?.containers.first?.image }.sorted()

        try await run(["apply", "-f", "-"], input: try json(daemonSet(nodeSelector: nodeSelector)))
        try await run(rollout + ["daemonset/agent"])
        try await run(["set", "image", "daemonset/agent", "agent=agent:2"])
        try await run(rollout + ["daemonset/agent"])
        let daemons = try await client.list(Pod.self, namespace: namespace, options: ListOptions(labelSelector: "app=agent"))
            .items.filter { !$0.isTerminating }

        let wait = ["wait", "--timeout=180s"]
        try await run(["apply", "-f", "-"], input: try json(job("migrate", image: "busybox:1.36", completions: 3, backoffLimit: 6, nodeSelector: nodeSelector)))
        try await run(wait + ["--for=condition=complete", "job/migrate"])
        try await run(["get", "job", "migrate", "-o", "jsonpath={.status.succeeded}/{.spec.completions}"])
        try await run(["apply", "-f", "-"], input: try json(job("broken", image: "busybox:fail", completions: 1, backoffLimit: 0, nodeSelector: nodeSelector)))
        try await run(wait + ["--for=condition=failed", "job/broken"])
        try await run(["get", "job", "broken", "-o", "jsonpath={.status.failed} {.status.conditions[0].reason}"])
        try await run(["apply", "-f", "-"], input: try json(cronJob(nodeSelector: nodeSelector)))
        try await run(["create", "job", "nightly-now", "--from=cronjob/nightly"])
        try await run(wait + ["--for=condition=complete", "job/nightly-now"])

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
            "deployment.apps/spread created", "deployment \"spread\" successfully rolled out",
            "deployment.apps/spread image updated", "deployment.apps/spread condition met", "deployment.apps/spread scaled",
            "deployment.apps/spread condition met", "11 7 ",
            "deployment.apps \"front\" deleted", "deployment.apps/front created", "deployment \"front\" successfully rolled out",
            "nginx:1.27/2 nginx:1.27.3/0 ",
            "daemonset.apps/agent created", "daemon set \"agent\" successfully rolled out",
            "daemonset.apps/agent image updated", "daemon set \"agent\" successfully rolled out",
            "job.batch/migrate created", "job.batch/migrate condition met", "3/3",
            "job.batch/broken created", "job.batch/broken condition met", "1 BackoffLimitExceeded",
            "cronjob.batch/nightly created", "job.batch/nightly-now created", "job.batch/nightly-now condition met",
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
