import Foundation
import SteadTestSupport
import KubeClient
import KubeModel
import Testing

/// Issue 7's demonstration: `stead up` as a user runs it, kubectl as the client. An image change keeps
/// every pod (UID) on its node; a restart on the same data folder keeps every object.
@Suite("stead up end to end", .enabled(if: TestPaths.kubectl != nil, "kubectl is not installed"))
struct UpEndToEndTests {
    struct PodState: Equatable, CustomStringConvertible {
        var uid: String
        var node: String
        var description: String { "\(uid)@\(node)" }
    }

    @Test func imageChangeKeepsEveryPodAndARestartKeepsEveryObject() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = try await SteadUpProcess.start(dataDirectory: directory)
        defer { first.child.signal(SIGKILL) }
        #expect(first.child.lines.contains { $0.contains("kubectl apply -f examples/web.yaml") })

        let applied = try await first.kubectl(["apply", "-f", RepositoryPaths.file("examples/web.yaml").path])
        #expect(applied.status == 0, "\(applied.stderr)")
        let before = try await Self.withClient(first) { try await Self.waitForPods($0, image: "nginx:1.27") }
        #expect(before.count == 3)

        let patched = try await first.kubectl([
            "patch", "statefulpodset", "web", "-n", "web", "--type=json",
            "-p", #"[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"nginx:1.27.3"}]"#,
        ])
        #expect(patched.status == 0, "\(patched.stderr)")
        let after = try await Self.withClient(first) { try await Self.waitForPods($0, image: "nginx:1.27.3") }
        #expect(after == before, "pods moved or were replaced: \(before) -> \(after)")
        let status = try runCommand(TestPaths.stead, ["status", "web", "-n", "web", "--kubeconfig", first.kubeconfig])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.components(separatedBy: "in place").count - 1 >= 3, "\(status.stdout)")

        first.child.signal(SIGINT)
        #expect(await first.child.waitForExit(timeout: 60) == 0, "stead up did not stop cleanly: \(first.child.lines.suffix(20))")

        let second = try await SteadUpProcess.start(dataDirectory: directory)
        defer { second.child.signal(SIGKILL) }
        let image = try await second.kubectl(
            ["get", "statefulpodset", "web", "-n", "web", "-o", "jsonpath={.spec.template.spec.containers[0].image}"])
        #expect(image.stdout == "nginx:1.27.3", "\(image.stderr)")
        let restarted = try await Self.withClient(second) { try await Self.waitForPods($0, image: "nginx:1.27.3") }
        #expect(restarted == before, "a restart lost or replaced pods: \(before) -> \(restarted)")
        second.child.signal(SIGINT)
        #expect(await second.child.waitForExit(timeout: 60) == 0)
    }

    /// Runs `body` with a client of `up`'s cluster, shut down whatever happens.
    static func withClient<T>(_ up: SteadUpProcess, _ body: (KubeClient) async throws -> T) async throws -> T {
        let client = try KubeClient(configuration: try ClientConfiguration.fromKubeconfigFile(path: up.kubeconfig))
        do {
            let result = try await body(client)
            try await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    /// Waits until the set's three pods run `image`, are Ready, and report that image; their UIDs and nodes.
    static func waitForPods(_ client: KubeClient, image: String, timeout: Double = 120) async throws -> [String: PodState] {
        let deadline = Date().addingTimeInterval(timeout)
        var last: [Pod] = []
        while Date() < deadline {
            last = (try? await client.listAll(Pod.self, namespace: "web").items) ?? last
            let done = last.filter { pod in
                pod.spec?.containers.first?.image == image && pod.status?.containerStatuses?.first?.image == image
                    && pod.status?.conditions?.contains { $0.type == "Ready" && $0.status == "True" } == true
            }
            if last.count == 3, done.count == 3 {
                return Dictionary(uniqueKeysWithValues: done.map { pod in
                    (pod.name, PodState(uid: pod.metadata.uid ?? "", node: pod.spec?.nodeName ?? ""))
                })
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        let seen = last.map { "\($0.name) \($0.spec?.containers.first?.image ?? "") \($0.status?.phase ?? "")" }
        throw WaitError(what: "3 Ready pods on \(image)", seen: seen)
    }

    struct WaitError: Error, CustomStringConvertible {
        var what: String
        var seen: [String]
        var description: String { "timed out waiting for \(what); saw \(seen)" }
    }
}
