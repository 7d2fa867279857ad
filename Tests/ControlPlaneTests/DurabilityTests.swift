import ControlPlane
import Foundation
import KubeModel
import Logging
import Testing

@Suite struct DurabilityTests {
    @Test func objectsSurviveRestartWithSameResourceVersions() async throws {
        let directory = TestServer.makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var written: [String: String] = [:]
        let first = try await TestServer(directory: directory)
        for i in 0..<50 {
            let object = try await first.create(TestServer.configMap("c\(i)"), in: "/api/v1/namespaces/default/configmaps")
            written["c\(i)"] = object.resourceVersion
        }
        // The highest resourceVersion belongs to a deleted object: it must not be reused.
        let doomed = try await first.create(TestServer.configMap("doomed"), in: "/api/v1/namespaces/default/configmaps")
        let deleted = try await first.request(.DELETE, "/api/v1/namespaces/default/configmaps/doomed")
        #expect(deleted.status == 200)
        let token = first.server.token
        let highest = try await first.request(.GET, "/api/v1/configmaps").json[path: ["metadata", "resourceVersion"]]?.stringValue ?? ""
        await first.shutdown(removeDirectory: false)

        let second = try await TestServer(directory: directory)
        #expect(second.server.token == token)
        let list = try await second.request(.GET, "/api/v1/namespaces/default/configmaps")
        var found: [String: String] = [:]
        for item in list.json["items"]?.arrayValue ?? [] {
            found[item[path: ["metadata", "name"]]?.stringValue ?? ""] = item.resourceVersion
        }
        #expect(found == written)
        #expect(list.json[path: ["metadata", "resourceVersion"]]?.stringValue == highest)
        let next = try await second.create(TestServer.configMap("after"), in: "/api/v1/namespaces/default/configmaps")
        #expect(next.rvNumber > Int64(highest) ?? .max)
        #expect(next.rvNumber > doomed.rvNumber)
        await second.shutdown(removeDirectory: false)
    }

    @Test func kubeconfigIsWrittenPrivately() async throws {
        try await TestServer.with { s in
            let path = s.directory + "/kube/config"
            try s.server.writeKubeconfig(to: path)
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains(s.server.baseURL))
            #expect(text.contains(s.server.token))
            #expect(s.server.kubeconfig() == Kubeconfig.single(name: "stead", server: s.server.baseURL, token: s.server.token))
            #expect(s.server.token.count >= 32)
        }
    }
}

@Suite struct LifecycleTests {
    /// As a `Service`, the server runs until its task is cancelled, then stops and frees the port.
    @Test func runsUntilCancelled() async throws {
        let directory = TestServer.makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var options = APIServerOptions(dataDirectory: directory)
        options.port = 0
        options.token = "a-fixed-token-that-is-long-enough-000"
        let server = try EmbeddedAPIServer(options: options, logger: Logger(label: "test.lifecycle"))
        let task = Task { try await server.run() }
        var listening = false
        for _ in 0..<100 where !listening {
            try await Task.sleep(for: .milliseconds(50))
            listening = !server.baseURL.hasSuffix(":0")
        }
        #expect(listening)
        #expect(server.token == "a-fixed-token-that-is-long-enough-000")
        task.cancel()
        try await task.value
        #expect(!FileManager.default.fileExists(atPath: directory + "/token"))
    }
}
