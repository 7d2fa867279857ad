import Foundation

/// kubectl 1.32's generators and access commands, as a user types them, run against one server: what
/// each printed (normalized where the answer is a secret) and its exit code. The embedded server must
/// answer as a real Kubernetes does; both suites expect ``expectedGenerators(namespace:)``.
public enum KubectlChecks {
    public typealias Outcome = KubectlOutcome

    static func commands(_ namespace: String) -> [KubectlStep] {
        let n = ["-n", namespace]
        let bot = "system:serviceaccount:\(namespace):bot"
        return [
            ["create", "namespace", namespace],
            ["create", "configmap", "cfg", "--from-literal=a=1"] + n,
            ["create", "secret", "generic", "sec", "--from-literal=password=pw"] + n,
            ["create", "serviceaccount", "bot"] + n,
            ["create", "deployment", "web", "--image=registry.example/web:1", "--replicas=0"] + n,
            ["create", "job", "once", "--image=registry.example/job:1"] + n + ["--", "true"],
            ["create", "role", "reader", "--verb=get,list", "--resource=pods"] + n,
            ["create", "rolebinding", "bot-reads", "--role=reader", "--serviceaccount=\(namespace):bot"] + n,
            ["run", "solo", "--image=registry.example/solo:1"] + n,
            ["auth", "can-i", "list", "pods", "--as=\(bot)"] + n,
            ["auth", "can-i", "delete", "pods", "--as=\(bot)"] + n,
            ["auth", "can-i", "list", "nodes", "--as=\(bot)"],
            ["create", "token", "bot"] + n,
            ["get", "configmap", "cfg", "-o", "jsonpath={.data.a}"] + n,
            ["get", "secret", "sec", "-o", "jsonpath={.type} {.data.password}"] + n,
            ["get", "rolebinding", "bot-reads", "-o", "jsonpath={.roleRef.kind}/{.roleRef.name} {.subjects[0].name}"] + n,
            ["scale", "deployment", "web", "--replicas=2", "--current-replicas=0"] + n,
            ["scale", "deployment", "web", "--replicas=3", "--current-replicas=0"] + n,
            ["get", "deployment", "web", "-o", "jsonpath={.spec.replicas}"] + n,
        ].map { KubectlStep($0) }
    }

    /// Runs every command with `kubectl` against `kubeconfig`.
    public static func generators(kubectl: String, kubeconfig: String, namespace: String) async throws -> [Outcome] {
        try await KubectlSteps.run(commands(namespace), kubectl: kubectl, kubeconfig: kubeconfig) { step, result, output in
            let isToken = step.arguments.starts(with: ["create", "token"]) && result.status == 0
            return isToken && output.split(separator: ".").count == 3 ? "<a JWT>" : output
        }
    }

    /// `kubectl drain` of a node whose pod a PodDisruptionBudget protects (refused: the eviction would
    /// violate it), then, the budget deleted, drained: cordon, eviction (protobuf), deletion.
    static func drainCommands(_ namespace: String) -> [KubectlStep] {
        let node = "\(namespace)-node"
        let n = ["-n", namespace]
        let ready = #"{"status":{"phase":"Running","conditions":[{"type":"Ready","status":"True"}]}}"#
        let manifest = """
            apiVersion: v1
            kind: Node
            metadata: {name: \(node), labels: {kubernetes.io/hostname: \(node)}}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: \(namespace)}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: db, namespace: \(namespace), labels: {app: db}}
            spec:
              nodeName: \(node)
              containers: [{name: db, image: registry.example/db:1}]
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: keep-db, namespace: \(namespace)}
            spec:
              minAvailable: 1
              selector: {matchLabels: {app: db}}
            """
        return [
            KubectlStep(["apply", "-f", "-"], input: manifest),
            KubectlStep(["patch", "pod", "db"] + n + ["--subresource=status", "--type=merge", "-p", ready]),
            KubectlStep(["drain", node, "--force", "--grace-period=0", "--timeout=2s"]),
            KubectlStep(["delete", "poddisruptionbudget", "keep-db"] + n),
            KubectlStep(["drain", node, "--force", "--grace-period=0", "--timeout=30s"]),
            KubectlStep(["get", "pods", "-o", "name"] + n),
            KubectlStep(["delete", "node", node]),
        ]
    }

    /// Runs the drain steps: what each printed (a refused drain: its first line and why; its retries
    /// depend on time) and its exit code.
    public static func drain(kubectl: String, kubeconfig: String, namespace: String) async throws -> [Outcome] {
        try await KubectlSteps.run(drainCommands(namespace), kubectl: kubectl, kubeconfig: kubeconfig) { step, result, output in
            var shown = step.arguments.first == "apply" || result.status != 0 ? KubectlSteps.firstLine(output) : output
            if result.stderr.contains("would violate the pod's disruption budget") { shown += " | refused by the budget" }
            return shown
        }
    }

    public static func expectedDrain(namespace: String) -> [Outcome] {
        let node = "\(namespace)-node"
        let answers: [(Int32, String)] = [
            (0, "node/\(node) created"), (0, "pod/db patched"), (1, "node/\(node) cordoned | refused by the budget"),
            (0, #"poddisruptionbudget.policy "keep-db" deleted"#),
            (0, "node/\(node) already cordoned\nevicting pod \(namespace)/db\npod/db evicted\nnode/\(node) drained"),
            (0, ""), (0, #"node "\#(node)" deleted"#),
        ]
        return KubectlSteps.expected(drainCommands(namespace), answers)
    }

    /// A CRD of two versions: an object written through one is read through both, each with its own
    /// apiVersion (the `None` conversion strategy). `suffix` keeps the CRD's group apart from other runs'.
    static func versionCommands(_ namespace: String, suffix: String) -> [KubectlStep] {
        let group = "v\(suffix).versions.stead.dev"
        let n = ["-n", namespace]
        let schema = "{type: object, properties: {spec: {type: object, properties: {size: {type: integer}}}}}"
        let definition = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: widgets.\(group)}
            spec:
              group: \(group)
              scope: Namespaced
              names: {plural: widgets, singular: widget, kind: Widget, listKind: WidgetList}
              versions:
              - {name: v1, served: true, storage: true, schema: {openAPIV3Schema: \(schema)}}
              - {name: v2, served: true, storage: false, schema: {openAPIV3Schema: \(schema)}}
            """
        let widget = """
            apiVersion: \(group)/v2
            kind: Widget
            metadata: {name: w, namespace: \(namespace)}
            spec: {size: 3}
            """
        return [
            KubectlStep(["create", "namespace", namespace]),
            KubectlStep(["apply", "-f", "-"], input: definition),
            KubectlStep(["wait", "--for=condition=Established", "crd/widgets.\(group)", "--timeout=30s"]),
            KubectlStep(["apply", "-f", "-"] + n, input: widget),
            KubectlStep(["get", "widgets.v1.\(group)", "w"] + n + ["-o", "jsonpath={.apiVersion} {.spec.size}"]),
            KubectlStep(["get", "widgets.v2.\(group)", "w"] + n + ["-o", "jsonpath={.apiVersion} {.spec.size}"]),
            KubectlStep(["delete", "crd", "widgets.\(group)"]),
        ]
    }

    public static func versions(kubectl: String, kubeconfig: String, namespace: String, suffix: String) async throws -> [Outcome] {
        try await KubectlSteps.run(versionCommands(namespace, suffix: suffix), kubectl: kubectl, kubeconfig: kubeconfig)
    }

    public static func expectedVersions(namespace: String, suffix: String) -> [Outcome] {
        let group = "v\(suffix).versions.stead.dev"
        let answers: [(Int32, String)] = [
            (0, "namespace/\(namespace) created"),
            (0, "customresourcedefinition.apiextensions.k8s.io/widgets.\(group) created"),
            (0, "customresourcedefinition.apiextensions.k8s.io/widgets.\(group) condition met"),
            (0, "widget.\(group)/w created"), (0, "\(group)/v1 3"), (0, "\(group)/v2 3"),
            (0, #"customresourcedefinition.apiextensions.k8s.io "widgets.\#(group)" deleted"#),
        ]
        return KubectlSteps.expected(versionCommands(namespace, suffix: suffix), answers)
    }

    public static func expectedGenerators(namespace: String) -> [Outcome] {
        let answers: [(Int32, String)] = [
            (0, "namespace/\(namespace) created"), (0, "configmap/cfg created"), (0, "secret/sec created"),
            (0, "serviceaccount/bot created"), (0, "deployment.apps/web created"), (0, "job.batch/once created"),
            (0, "role.rbac.authorization.k8s.io/reader created"),
            (0, "rolebinding.rbac.authorization.k8s.io/bot-reads created"), (0, "pod/solo created"), (0, "yes"),
            (1, "no"), (1, "no"), (0, "<a JWT>"), (0, "1"), (0, "Opaque cHc="), (0, "Role/reader bot"),
            (0, "deployment.apps/web scaled"), (1, "error: Expected replicas to be 0, was 2"), (0, "2"),
        ]
        return KubectlSteps.expected(commands(namespace), answers)
    }
}
