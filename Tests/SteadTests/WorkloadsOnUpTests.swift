import Foundation
import KubeClient
import KubeModel
import SteadTestSupport
import Testing

/// Issue 20's demonstration on `stead up`, with kubectl as the client: a native StatefulSet naming
/// Stead's scheduler rolls out, back and forth, with `kubectl set image`, `rollout status|history|undo`,
/// and its recreated pods go back to their nodes; a Deployment (default scheduler) does the same.
@Suite("workloads on stead up", .serialized, .enabled(if: TestPaths.kubectl != nil, "kubectl is not installed"))
struct WorkloadsOnUpTests {
    struct Placement: Equatable, CustomStringConvertible {
        var node: String
        var uid: String
        var image: String
        var description: String { "\(uid)@\(node) \(image)" }
    }

    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: front
          namespace: cache
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: front
          template:
            metadata:
              labels:
                app: front
            spec:
              containers:
              - name: web
                image: nginx:1.27
        """

    @Test func aStatefulSetAndADeploymentRollOutAndBackAndTheSetsPodsGoHome() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let up = try await SteadUpProcess.start(dataDirectory: directory)
        defer { up.child.signal(SIGKILL) }
        func kubectl(_ arguments: String..., input: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) async throws
            -> String
        {
            // Off the cooperative pool: `rollout status` blocks until the rollout is done.
            let result = try await runLongCommand(
                TestPaths.kubectl ?? "kubectl", ["--kubeconfig", up.kubeconfig] + arguments, input: input)
            #expect(result.status == 0, "kubectl \(arguments.joined(separator: " ")): \(result.stderr)", sourceLocation: sourceLocation)
            return result.stdout
        }

        _ = try await kubectl("apply", "-f", RepositoryPaths.file("examples/statefulset.yaml").path)
        _ = try await kubectl("rollout", "status", "statefulset/cache", "-n", "cache", "--timeout=120s")
        let first = try await UpEndToEndTests.withClient(up) { try await Self.placements($0, set: "cache") }
        #expect(first.count == 3 && first.values.allSatisfy { $0.image == "redis:7.4" }, "\(first)")

        _ = try await kubectl("set", "image", "statefulset/cache", "redis=redis:7.4.1", "-n", "cache")
        let rolled = try await kubectl("rollout", "status", "statefulset/cache", "-n", "cache", "--timeout=120s")
        #expect(rolled.contains("roll out complete"), "\(rolled)")
        let second = try await UpEndToEndTests.withClient(up) { try await Self.placements($0, set: "cache") }
        for (name, before) in first {
            let after = try #require(second[name], "\(name) missing after the update")
            #expect(after.node == before.node, "\(name) moved: \(before) -> \(after)")
            #expect(after.uid != before.uid && after.image == "redis:7.4.1", "\(name) was not replaced: \(after)")
        }
        let history = try await kubectl("rollout", "history", "statefulset/cache", "-n", "cache")
        #expect(history.contains("1 ") && history.contains("2 "), "\(history)")
        _ = try await kubectl("rollout", "undo", "statefulset/cache", "-n", "cache")
        _ = try await kubectl("rollout", "status", "statefulset/cache", "-n", "cache", "--timeout=120s")
        let undone = try await UpEndToEndTests.withClient(up) { try await Self.placements($0, set: "cache") }
        #expect(undone.values.allSatisfy { $0.image == "redis:7.4" }, "\(undone)")
        #expect(undone.mapValues(\.node) == first.mapValues(\.node), "pods moved on undo: \(first) -> \(undone)")

        _ = try await kubectl("apply", "-f", "-", input: Self.deployment)
        _ = try await kubectl("rollout", "status", "deployment/front", "-n", "cache", "--timeout=120s")
        _ = try await kubectl("set", "image", "deployment/front", "web=nginx:1.27.3", "-n", "cache")
        let deployed = try await kubectl("rollout", "status", "deployment/front", "-n", "cache", "--timeout=120s")
        #expect(deployed.contains("successfully rolled out"), "\(deployed)")
        let revisions = try await kubectl("rollout", "history", "deployment/front", "-n", "cache")
        #expect(revisions.contains("1 ") && revisions.contains("2 "), "\(revisions)")
        _ = try await kubectl("rollout", "undo", "deployment/front", "-n", "cache")
        _ = try await kubectl("rollout", "status", "deployment/front", "-n", "cache", "--timeout=120s")
        let images = try await kubectl(
            "get", "pods", "-n", "cache", "-l", "app=front", "-o", "jsonpath={range .items[*]}{.spec.containers[0].image}{\"\\n\"}{end}")
        #expect(images.split(separator: "\n").sorted() == ["nginx:1.27", "nginx:1.27"], "\(images)")

        up.child.signal(SIGINT)
        #expect(await up.child.waitForExit(timeout: 60) == 0, "stead up did not stop cleanly: \(up.child.lines.suffix(20))")
    }

    /// The set's Ready pods, by name: node, uid and image.
    static func placements(_ client: KubeClient, set: String) async throws -> [String: Placement] {
        let pods = try await client.listAll(Pod.self, namespace: set).items.filter {
            $0.metadata.controllerReference?.kind == "StatefulSet" && !$0.isTerminating
        }
        return Dictionary(uniqueKeysWithValues: pods.map { pod in
            (pod.name, Placement(node: pod.spec?.nodeName ?? "", uid: pod.metadata.uid ?? "", image: pod.spec?.containers.first?.image ?? ""))
        })
    }

    /// The rollouts of `WorkloadChecks`, which the e2e suite runs on a real Kubernetes with the same
    /// expectations.
    @Test func theSharedWorkloadChecksAnswerAsOnKubernetes() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let up = try await SteadUpProcess.start(dataDirectory: directory)
        defer { up.child.signal(SIGKILL) }
        let seen = try await UpEndToEndTests.withClient(up) { client in
            _ = try await client.create(Namespace(metadata: ObjectMeta(name: "checks")))
            return try await WorkloadChecks.rollouts(
                kubectl: try #require(TestPaths.kubectl), kubeconfig: up.kubeconfig, client: client, namespace: "checks")
        }
        #expect(seen == WorkloadChecks.expected, "\(seen.differences(from: WorkloadChecks.expected))")
        up.child.signal(SIGINT)
        #expect(await up.child.waitForExit(timeout: 60) == 0)
    }
}
