import Foundation
import SteadTestSupport
import KubeClient
import KubeModel
import Testing

/// What the API server acknowledged is on disk: `kill -9` loses nothing.
@Suite("stead apiserver durability")
struct DurabilityTests {
    @Test func everyAcknowledgedWriteSurvivesSIGKILL() async throws {
        let directory = try TestPaths.temporaryDirectory()
        let first = try await APIServerProcess.start(dataDirectory: directory)
        var written: [String: String] = [:]
        do {
            let client = try KubeClient(configuration: try ClientConfiguration.fromKubeconfigFile(path: first.kubeconfig))
            _ = try await client.create(Namespace(metadata: ObjectMeta(name: "durable")))
            try await withThrowingTaskGroup(of: (String, String).self) { group in
                for index in 0..<300 {
                    group.addTask {
                        let object = try await client.create(ConfigMap(
                            metadata: ObjectMeta(name: "cm-\(index)", namespace: "durable"), data: ["index": "\(index)"]))
                        return (object.name, object.metadata.resourceVersion ?? "")
                    }
                }
                for try await (name, version) in group { written[name] = version }
            }
            var updated = try await client.get(ConfigMap.self, name: "cm-7", namespace: "durable")
            updated.data?["index"] = "seven"
            updated = try await client.update(updated)
            written["cm-7"] = updated.metadata.resourceVersion
            try await client.shutdown()
        }
        first.child.signal(SIGKILL)
        #expect(await first.child.waitForExit(timeout: 10) != nil)

        let second = try await APIServerProcess.start(dataDirectory: directory)
        defer { second.child.signal(SIGKILL) }
        let client = try KubeClient(configuration: try ClientConfiguration.fromKubeconfigFile(path: second.kubeconfig))
        let list = try await client.listAll(ConfigMap.self, namespace: "durable")
        let recovered = Dictionary(uniqueKeysWithValues: list.items.map { ($0.name, $0.metadata.resourceVersion ?? "") })
        #expect(recovered == written)
        #expect(list.items.first { $0.name == "cm-7" }?.data?["index"] == "seven")

        let highest = written.values.compactMap { Int($0) }.max() ?? 0
        let next = try await client.create(ConfigMap(metadata: ObjectMeta(name: "after-restart", namespace: "durable")))
        #expect((Int(next.metadata.resourceVersion ?? "") ?? 0) > highest)
        try await client.shutdown()
    }
}
