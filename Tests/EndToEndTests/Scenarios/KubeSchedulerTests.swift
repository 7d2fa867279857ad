import Foundation
import KubeModel
import SteadTestSupport
import Testing

extension EndToEnd {
    /// Kubernetes' own kube-scheduler (v1.21, the one `../shared/k8s` runs in its k3s process, pointed at
    /// `stead apiserver` by its `--kubeconfig`) syncs its caches against the embedded server and binds
    /// the pods that name `default-scheduler` to NodeSim's nodes, recording Kubernetes' events.
    @Suite("kube-scheduler on stead apiserver", .serialized)
    struct KubeSchedulerOnTheEmbeddedServer {
        @Test(.enabled(if: E2EConfiguration.controlPlaneScripts != nil, "set STEAD_E2E_K8S_DIR to ../shared/k8s"))
        func theRealSchedulerBindsPodsOnTheEmbeddedServer() async throws {
            let scripts = try #require(E2EConfiguration.controlPlaneScripts)
            let embedded = try await APIServerProcess.start(dataDirectory: try TestPaths.temporaryDirectory())
            defer { embedded.child.signal(SIGKILL) }
            let state = try TestPaths.temporaryDirectory()
            // v1.21's scheduler watches storage.k8s.io/v1beta1 CSIStorageCapacities, which Kubernetes
            // stopped serving in v1.27 (as the embedded server, which serves v1.32's versions): the
            // feature is turned off, as for any v1.21 scheduler against a current API server.
            let schedulerArguments = [
                "kubeconfig=\(embedded.kubeconfig)", "authentication-kubeconfig=\(embedded.kubeconfig)",
                "authorization-kubeconfig=\(embedded.kubeconfig)", "feature-gates=CSIStorageCapacity=false",
            ].map { "--kube-scheduler-arg=" + $0 }
            let up = try await runLongCommand(
                scripts + "/up", ["--fresh", "--dir", state, "--port", "17844"] + schedulerArguments)
            defer { _ = try? runCommand(scripts + "/down", ["--dir", state]) }
            try #require(up.status == 0, "the second control plane did not start: \(up.stderr)")

            let nodeSim = try ChildProcess(TestPaths.stead, ["nodesim", "--kubeconfig", embedded.kubeconfig, "--nodes", "3"])
            defer { nodeSim.signal(SIGKILL) }
            let pods = (0..<3).map { index in
                """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: placed-\(index)
                  labels: {app: placed}
                spec:
                  containers:
                  - name: app
                    image: registry.example/app:1
                    resources: {requests: {cpu: 500m, memory: 256Mi}}
                """
            }.joined(separator: "\n---\n")
            let created = try await embedded.kubectl(["apply", "-f", "-"], input: pods)
            #expect(created.status == 0, "\(created.stderr)")
            let ready = try await embedded.kubectl(["wait", "--for=condition=Ready", "pod", "-l", "app=placed", "--timeout=120s"])
            #expect(ready.status == 0, "\(ready.stderr) \(nodeSim.lines.suffix(10))")

            let listed = try await embedded.kubectl(["get", "pods", "-l", "app=placed", "-o", "json"])
            let items = try KubeJSON.parse(Data(listed.stdout.utf8))["items"]?.arrayValue ?? []
            #expect(items.count == 3)
            for pod in items {
                #expect(pod[path: ["spec", "schedulerName"]] == "default-scheduler")
                #expect(pod[path: ["spec", "nodeName"]]?.stringValue?.hasPrefix("sim-") == true, "\(pod)")
            }
            // The scheduler records events.k8s.io/v1 Events; they are core/v1 Events too, as on Kubernetes.
            for resource in ["events.v1.events.k8s.io", "events"] {
                let events = try await embedded.kubectl(["get", resource, "-o", "json"])
                let scheduled = (try KubeJSON.parse(Data(events.stdout.utf8))["items"]?.arrayValue ?? []).filter {
                    $0["reason"] == "Scheduled"
                }
                #expect(scheduled.count == 3, "\(resource): \(events.stdout.prefix(2000))")
            }
        }
    }
}
