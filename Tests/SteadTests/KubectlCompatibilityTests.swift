import Foundation
import SteadTestSupport
import KubeModel
import Testing

/// kubectl itself against `stead apiserver`: the proof that the embedded control plane speaks Kubernetes.
@Suite("kubectl against stead apiserver", .enabled(if: TestPaths.kubectl != nil, "kubectl is not installed"))
struct KubectlCompatibilityTests {
    static let manifests = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
        ---
        apiVersion: v1
        kind: Node
        metadata:
          name: sim-1
          labels:
            topology.kubernetes.io/zone: zone-a
        status:
          capacity: {cpu: "8", memory: 32Gi, pods: "110"}
          allocatable: {cpu: "8", memory: 32Gi, pods: "110"}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: web-0
          namespace: shop
          labels: {app: web, step: one}
        spec:
          schedulerName: stead
          containers:
          - name: app
            image: nginx:1.25
            resources:
              requests: {cpu: 100m, memory: 64Mi}
        """

    @Test func createGetApplyWatchDelete() async throws {
        let server = try await APIServerProcess.start(dataDirectory: try TestPaths.temporaryDirectory())
        defer { server.child.signal(SIGKILL) }

        let created = try await server.kubectl(["create", "-f", "-"], input: Self.manifests)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("namespace/shop created"))
        #expect(created.stdout.contains("node/sim-1 created"))
        #expect(created.stdout.contains("pod/web-0 created"))

        let again = try await server.kubectl(["create", "-f", "-"], input: Self.manifests)
        #expect(again.status != 0)
        #expect(again.stderr.contains("AlreadyExists") || again.stderr.contains("already exists"))

        let got = try await server.kubectl(["get", "pod", "web-0", "-n", "shop", "-o", "json"])
        #expect(got.status == 0, "\(got.stderr)")
        let pod = try KubeJSON.decode(Pod.self, from: Data(got.stdout.utf8))
        #expect(pod.spec?.containers.first?.image == "nginx:1.25")
        #expect(pod.metadata.uid?.isEmpty == false)
        #expect(Int(pod.metadata.resourceVersion ?? "") != nil)

        let node = try await server.kubectl(["get", "node", "sim-1", "-o", "json"])
        #expect(try KubeJSON.decode(Node.self, from: Data(node.stdout.utf8)).status?.allocatable?["cpu"] == "8")

        let applied = try await server.kubectl(
            ["apply", "-f", "-"],
            input: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: shop\ndata:\n  mode: fast\n")
        #expect(applied.status == 0, "\(applied.stderr)")
        #expect(applied.stdout.contains("configmap/settings created"))

        let watcher = try ChildProcess(
            TestPaths.kubectl!,
            ["--kubeconfig", server.kubeconfig, "get", "pod", "web-0", "-n", "shop", "-w",
             "-o", "jsonpath={.metadata.labels.step}{\"\\n\"}"])
        defer { watcher.signal(SIGKILL) }
        #expect(await watcher.waitForLine(containing: "one", timeout: 20) != nil, "\(watcher.lines)")
        let patched = try await server.kubectl(
            ["patch", "pod", "web-0", "-n", "shop", "--type=merge", "-p", #"{"metadata":{"labels":{"step":"two"}}}"#])
        #expect(patched.status == 0, "\(patched.stderr)")
        #expect(await watcher.waitForLine(containing: "two", timeout: 20) != nil, "the watch saw \(watcher.lines)")

        let deleted = try await server.kubectl(["delete", "pod", "web-0", "-n", "shop"])
        #expect(deleted.status == 0, "\(deleted.stderr)")
        #expect(deleted.stdout.contains("pod \"web-0\" deleted"))
        let gone = try await server.kubectl(["get", "pod", "web-0", "-n", "shop"])
        #expect(gone.status == 1)
        #expect(gone.stderr.contains("NotFound") || gone.stderr.contains("not found"))
    }
}
