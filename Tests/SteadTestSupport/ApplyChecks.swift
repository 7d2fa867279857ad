import Foundation

/// `kubectl apply --server-side` as GitOps tools use it, run against one server: apply on create, a
/// field another manager changed (a conflict, then `--force-conflicts`), a field the configuration
/// dropped (removed), a field a second manager owns (kept), merged list elements, a custom resource and
/// its atomic list.
/// What each step printed (its first line) and its exit code; both suites expect ``expected(namespace:)``.
/// The StatefulPodSet CRD must be installed.
public enum ApplyChecks {
    public typealias Outcome = KubectlOutcome

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

    /// The StatefulPodSet `db` with one container; without `replicas` when nil.
    static func statefulPodSet(_ namespace: String, replicas: Int?, container: String) -> String {
        let replicasLine = replicas.map { "\n  replicas: \($0)" } ?? ""
        return """
        apiVersion: stead.dev/v1alpha1
        kind: StatefulPodSet
        metadata: {name: db, namespace: \(namespace)}
        spec:\(replicasLine)
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec: {containers: [{name: \(container), image: registry.example/\(container):1}]}
        """
    }

    static func steps(_ namespace: String) -> [KubectlStep] {
        let n = ["-n", namespace]
        let apply = ["apply", "--server-side", "-f", "-"]
        let get = ["get", "deployment", "web"] + n + ["-o"]
        return [
            KubectlStep(["create", "namespace", namespace]),
            KubectlStep(apply, input: deployment(namespace, replicas: 2, env: true, label: "tier: front")),
            KubectlStep(get + [#"jsonpath={.metadata.managedFields[?(@.manager=="kubectl")].operation}"#]),
            KubectlStep(["patch", "deployment", "web"] + n + ["-p", #"{"spec":{"replicas":5}}"#]),
            KubectlStep(apply, input: deployment(namespace, replicas: 2, env: true, label: "tier: front")),
            KubectlStep(get + ["jsonpath={.spec.replicas}"]),
            KubectlStep(apply + ["--force-conflicts"], input: deployment(namespace, replicas: 2, env: true, label: "tier: front")),
            KubectlStep(get + ["jsonpath={.spec.replicas}"]),
            // A second manager sets one label; the first one's configuration never names it.
            KubectlStep(
                ["apply", "--server-side", "--field-manager=team-tool", "-f", "-"],
                input: """
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: web, namespace: \(namespace), labels: {team: blue}}
                    """),
            // The first manager drops its env and its tier label, and adds another label.
            KubectlStep(apply, input: deployment(namespace, replicas: 2, env: false, label: "stage: prod")),
            KubectlStep(get + ["jsonpath={.metadata.labels.team} {.metadata.labels.tier}/{.metadata.labels.stage}"]),
            KubectlStep(get + ["jsonpath={.spec.template.spec.containers[0].name}={.spec.template.spec.containers[0].env}"]),
            KubectlStep(
                apply,
                input: """
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: cfg, namespace: \(namespace)}
                    data: {a: "1", b: "2"}
                    """),
            KubectlStep(["patch", "configmap", "cfg"] + n + ["-p", #"{"data":{"c":"3"}}"#]),
            KubectlStep(
                apply,
                input: """
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: cfg, namespace: \(namespace)}
                    data: {a: "1"}
                    """),
            KubectlStep(["get", "configmap", "cfg"] + n + ["-o", "jsonpath={.data}"]),
            // A DNS server's two ports 53 differ by protocol only: applied twice, both stay.
            KubectlStep(apply, input: dnsService(namespace)),
            KubectlStep(apply, input: dnsService(namespace)),
            KubectlStep(["get", "service", "dns"] + n + ["-o", "jsonpath={.spec.ports[*].protocol}"]),
            KubectlStep(apply, input: statefulPodSet(namespace, replicas: 0, container: "db")),
            KubectlStep(["patch", "sps", "db"] + n + ["--type=merge", "-p", #"{"spec":{"replicas":1}}"#]),
            KubectlStep(apply, input: statefulPodSet(namespace, replicas: 0, container: "db")),
            // The CRD's schema gives `containers` no list type: the list is one value, which another
            // manager's different list conflicts with as a whole.
            KubectlStep(apply + ["--field-manager=sidecar"], input: statefulPodSet(namespace, replicas: nil, container: "sidecar")),
        ]
    }

    /// Runs every step with `kubectl` against `kubeconfig`.
    public static func run(kubectl: String, kubeconfig: String, namespace: String) async throws -> [Outcome] {
        try await KubectlSteps.run(steps(namespace), kubectl: kubectl, kubeconfig: kubeconfig) { KubectlSteps.firstLine($2) }
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
        return KubectlSteps.expected(steps(namespace), answers)
    }
}
