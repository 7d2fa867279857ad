import ControlPlane
import Foundation
import KubeModel
import SteadTestSupport
import Testing

private let kubectlPath = "/usr/bin/kubectl"
private let kubectlPresent = FileManager.default.isExecutableFile(atPath: kubectlPath)

/// Runs the real kubectl against the server.
@Suite(.enabled(if: kubectlPresent, "kubectl is not installed at /usr/bin/kubectl"))
struct KubectlTests {
    struct Run {
        var status: Int32
        var output: String
        var error: String
    }

    /// Runs kubectl on a thread of its own (``runLongCommand``), so no thread of the cooperative pool
    /// blocks (the machine may have only two), with a home and cache of the test's own.
    static func kubectl(_ arguments: [String], kubeconfig: String, environment extra: [String: String] = [:]) async throws -> Run {
        let directory = (kubeconfig as NSString).deletingLastPathComponent
        var environment = ["HOME": directory, "KUBECACHEDIR": directory + "/cache"]
        environment.merge(extra) { _, new in new }
        let result = try await runLongCommand(
            kubectlPath, ["--kubeconfig", kubeconfig, "--request-timeout=20s"] + arguments, environment: environment)
        return Run(status: result.status, output: result.stdout, error: result.stderr)
    }

    /// Over HTTPS with the generated CA and the bearer token from the written kubeconfig, as a user runs it.
    @Test func createApplyGetDelete() async throws {
        try await TestServer.with(configure: { $0.tls = true }) { s in
            let kubeconfig = s.directory + "/kubeconfig"
            try s.server.writeKubeconfig(to: kubeconfig)
            func run(_ arguments: String..., expect code: Int32 = 0, sourceLocation: SourceLocation = #_sourceLocation) async throws -> Run {
                let result = try await Self.kubectl(arguments, kubeconfig: kubeconfig)
                #expect(result.status == code, "kubectl \(arguments.joined(separator: " ")): \(result.error)", sourceLocation: sourceLocation)
                return result
            }
            let manifests = s.directory + "/objects.yaml"
            try """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: smoke
                ---
                apiVersion: v1
                kind: Node
                metadata:
                  name: node-1
                  labels:
                    kubernetes.io/hostname: node-1
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  namespace: smoke
                  labels:
                    app: web
                spec:
                  containers:
                  - name: nginx
                    image: nginx:1.27
                    ports:
                    - containerPort: 80
                """.write(toFile: manifests, atomically: true, encoding: .utf8)
            _ = try await run("version", "-o", "json")
            _ = try await run("create", "-f", manifests)
            _ = try await run("create", "-f", manifests, expect: 1)  // AlreadyExists

            let updated = s.directory + "/pod.yaml"
            try """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  namespace: smoke
                  labels:
                    app: web
                    tier: front
                spec:
                  containers:
                  - name: nginx
                    image: nginx:1.27
                    ports:
                    - containerPort: 80
                """.write(toFile: updated, atomically: true, encoding: .utf8)
            _ = try await run("apply", "-f", updated)
            _ = try await run("apply", "-f", updated)
            let got = try await run("get", "pod", "web", "-n", "smoke", "-o", "json")
            let pod = try KubeJSON.parse(Data(got.output.utf8))
            #expect(pod[path: ["metadata", "labels", "tier"]] == "front")
            #expect(pod[path: ["spec", "containers"]]?.arrayValue?.first?["image"] == "nginx:1.27")
            #expect(pod["kind"] == "Pod")

            let table = try await run("get", "pods", "-A")
            #expect(table.output.contains("web"))
            let nodes = try await run("get", "no")
            #expect(nodes.output.contains("node-1"))
            _ = try await run("get", "pods", "-n", "smoke", "-l", "app=web", "-o", "name")
            _ = try await run("label", "pod", "web", "-n", "smoke", "extra=yes")
            let watched = try await Self.kubectl(
                ["get", "pods", "-n", "smoke", "-w", "--request-timeout=2s"], kubeconfig: kubeconfig)
            #expect(watched.output.contains("web"), "kubectl get -w: \(watched.output) \(watched.error)")
            #expect(watched.output.contains("Pending"))
            _ = try await run("delete", "pod", "web", "-n", "smoke")
            _ = try await run("get", "pod", "web", "-n", "smoke", expect: 1)
            _ = try await run("delete", "-f", manifests, "--ignore-not-found")
        }
    }
}
