import Foundation

/// `kubectl apply --server-side` as GitOps tools use it, run against one server: apply on create, a
/// field another manager changed (a conflict, then `--force-conflicts`), a field the configuration
/// dropped (removed), a field a second manager owns (kept), merged list elements, a custom resource and
/// its atomic list.
/// What each step printed (its first line) and its exit code; both suites expect ``expected(namespace:)``.
/// The StatefulPodSet CRD must be installed.
public enum ApplyChecks {
    struct Step {
        var arguments: [String]
        var input: String?
    }

    static func deployment(_ namespace: String, replicas: Int, env: Bool, label: String) -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: \(namespace)
          labels: {app: web, \(label)}
        spec:
          replicas: \(replicas)
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - name: app
                image: registry.example/web:1
        \(env ? "        env: [{name: MODE, value: fast}]" : "")
        """
    }

    static func dnsService(_ namespace: String) -> String {
        """
        apiVersion: v1
        kind: Service
        metadata: {name: dns, namespace: \(namespace)}
        spec:
          selector: {app: dns}
          ports: [{name: dns-tcp, port: 53}, {name: dns, port: 53, protocol: UDP}]
        """
    }

    static func steps(_ namespace: String) -> [Step] {
        let n = ["-n", namespace]
        let apply = ["apply", "--server-side", "-f", "-"]
        let get = ["get", "deployment", "web"] + n + ["-o"]
        return [
            Step(arguments: ["create", "namespace", namespace]),
            Step(arguments: apply, input: deployment(namespace, replicas: 2, env: true, label: "tier: front")),
            Step(arguments: get + [#"jsonpath={.metadata.managedFields[?(@.manager=="kubectl")].operation}"#]),
            Step(arguments: ["patch", "deployment", "web"] + n + ["-p", #"{"spec":{"replicas":5}}"#]),
            Step(arguments: apply, input: deployment(namespace, replicas: 2, env: true, label: "tier: front")),
            Step(arguments: get + ["jsonpath={.spec.replicas}"]),
            Step(arguments: apply + ["--force-conflicts"], input: deployment(namespace, replicas: 2, env: true, label: "tier: front")),
            Step(arguments: get + ["jsonpath={.spec.replicas}"]),
            // A second manager sets one label; the first one's configuration never names it.
            Step(
                arguments: ["apply", "--server-side", "--field-manager=team-tool", "-f", "-"],
                input: """
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: web, namespace: \(namespace), labels: {team: blue}}
                    """),
            // The first manager drops its env and its tier label, and adds another label.
            Step(arguments: apply, input: deployment(namespace, replicas: 2, env: false, label: "stage: prod")),
            Step(arguments: get + ["jsonpath={.metadata.labels.team} {.metadata.labels.tier}/{.metadata.labels.stage}"]),
            Step(arguments: get + ["jsonpath={.spec.template.spec.containers[0].name}={.spec.template.spec.containers[0].env}"]),
            Step(
                arguments: apply,
                input: """
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: cfg, namespace: \(namespace)}
                    data: {a: "1", b: "2"}
                    """),
            Step(arguments: ["patch", "configmap", "cfg"] + n + ["-p", #"{"data":{"c":"3"}}"#]),
            Step(
                arguments: apply,
                input: """
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: cfg, namespace: \(namespace)}
                    data: {a: "1"}
                    """),
            Step(arguments: ["get", "configmap", "cfg"] + n + ["-o", "jsonpath={.data}"]),
            // A DNS server's two ports 53 differ by protocol only: applied twice, both stay.
            Step(arguments: apply, input: dnsService(namespace)),
            Step(arguments: apply, input: dnsService(namespace)),
            Step(arguments: ["get", "service", "dns"] + n + ["-o", "jsonpath={.spec.ports[*].protocol}"]),
            Step(
                arguments: apply,
                input: """
                    apiVersion: stead.dev/v1alpha1
                    kind: StatefulPodSet
                    metadata: {name: db, namespace: \(namespace)}
                    spec:
                      replicas: 0
                      selector: {matchLabels: {app: db}}
                      template:
                        metadata: {labels: {app: db}}
                        spec: {containers: [{name: db, image: registry.example/db:1}]}
                    """),
            Step(arguments: ["patch", "sps", "db"] + n + ["--type=merge", "-p", #"{"spec":{"replicas":1}}"#]),
            Step(
                arguments: apply,
                input: """
                    apiVersion: stead.dev/v1alpha1
                    kind: StatefulPodSet
                    metadata: {name: db, namespace: \(namespace)}
                    spec:
                      replicas: 0
                      selector: {matchLabels: {app: db}}
                      template:
                        metadata: {labels: {app: db}}
                        spec: {containers: [{name: db, image: registry.example/db:1}]}
                    """),
            // The CRD's schema gives `containers` no list type: the list is one value, which another
            // manager's different list conflicts with as a whole.
            Step(
                arguments: apply + ["--field-manager=sidecar"],
                input: """
                    apiVersion: stead.dev/v1alpha1
                    kind: StatefulPodSet
                    metadata: {name: db, namespace: \(namespace)}
                    spec:
                      selector: {matchLabels: {app: db}}
                      template:
                        metadata: {labels: {app: db}}
                        spec: {containers: [{name: sidecar, image: registry.example/sidecar:1}]}
                    """),
        ]
    }

    public struct Outcome: Equatable, Sendable, CustomStringConvertible {
        public var command: String
        public var status: Int32
        public var output: String
        public var description: String { "\(command) -> \(status): \(output)" }
    }

    /// Runs every step with `kubectl` against `kubeconfig`.
    public static func run(kubectl: String, kubeconfig: String, namespace: String) async throws -> [Outcome] {
        var outcomes: [Outcome] = []
        for step in steps(namespace) {
            let result = try await runLongCommand(kubectl, ["--kubeconfig", kubeconfig] + step.arguments, input: step.input)
            let printed = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            let output = printed.isEmpty ? result.stderr.trimmingCharacters(in: .whitespacesAndNewlines) : printed
            outcomes.append(
                Outcome(
                    command: step.arguments.joined(separator: " "), status: result.status,
                    output: output.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""))
        }
        return outcomes
    }

    public static func expected(namespace: String) -> [Outcome] {
        let answers: [(Int32, String)] = [
            (0, "namespace/\(namespace) created"),
            (0, "deployment.apps/web serverside-applied"),
            (0, "Apply"),
            (0, "deployment.apps/web patched"),
            (1, #"error: Apply failed with 1 conflict: conflict with "kubectl-patch" using apps/v1: .spec.replicas"#),
            (0, "5"),
            (0, "deployment.apps/web serverside-applied"),
            (0, "2"),
            (0, "deployment.apps/web serverside-applied"),
            (0, "deployment.apps/web serverside-applied"),
            (0, "blue /prod"),
            (0, "app="),
            (0, "configmap/cfg serverside-applied"),
            (0, "configmap/cfg patched"),
            (0, "configmap/cfg serverside-applied"),
            (0, #"{"a":"1","c":"3"}"#),
            (0, "service/dns serverside-applied"),
            (0, "service/dns serverside-applied"),
            (0, "TCP UDP"),
            (0, "statefulpodset.stead.dev/db serverside-applied"),
            (0, "statefulpodset.stead.dev/db patched"),
            (1, #"error: Apply failed with 1 conflict: conflict with "kubectl-patch" using stead.dev/v1alpha1: .spec.replicas"#),
            (1, #"error: Apply failed with 1 conflict: conflict with "kubectl": .spec.template.spec.containers"#),
        ]
        return zip(steps(namespace), answers).map { step, answer in
            Outcome(command: step.arguments.joined(separator: " "), status: answer.0, output: answer.1)
        }
    }
}
