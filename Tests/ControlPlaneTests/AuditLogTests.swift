import AsyncHTTPClient
import ControlPlane
import Foundation
import KubeModel
import Logging
import NIOCore
import NIOHTTP1
import Testing

@Suite struct AuditLogTests {
    static let userAgent = "stead-audit-test/1.0 (linux; x86_64) kubectl/v1.32.0 \"quoted\""

    /// A server writing its audit log to a file in its data folder.
    private func withAuditedServer(_ body: (TestServer, String) async throws -> Void) async throws {
        let directory = TestServer.makeDirectory()
        let path = directory + "/audit/audit.log"
        let server = try await TestServer(directory: directory) { $0.auditLogPath = path }
        do {
            try await body(server, path)
        } catch {
            await server.shutdown()
            throw error
        }
        await server.shutdown()
    }

    @discardableResult
    private func send(
        _ server: TestServer, _ method: HTTPMethod, _ path: String, json: JSONValue? = nil,
        contentType: String = "application/json", userAgent: String = AuditLogTests.userAgent
    ) async throws -> Int {
        var request = HTTPClientRequest(url: server.server.baseURL + path)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(server.server.token)")
        request.headers.add(name: "User-Agent", value: userAgent)
        if let json {
            request.headers.add(name: "Content-Type", value: contentType)
            request.body = .bytes(ByteBuffer(bytes: try KubeJSON.serialize(json)))
        }
        let response = try await server.client.execute(request, timeout: .seconds(30))
        _ = try await response.body.collect(upTo: 16 * 1024 * 1024)
        return Int(response.status.code)
    }

    /// The one event logged for `method path`.
    private func event(_ path: String, _ verb: String, in log: String) throws -> AuditEvent {
        let matches = AuditLog.read(path: log).filter { $0.requestURI == path && $0.verb == verb }
        guard matches.count == 1, let event = matches.first else {
            throw TestFailure("expected one \(verb) \(path) in the audit log, found \(matches.count)")
        }
        return event
    }

    private func reference(
        _ resource: String, namespace: String? = "default", name: String? = nil, group: String? = nil,
        version: String = "v1", subresource: String? = nil
    ) -> AuditObjectReference {
        AuditObjectReference(
            resource: resource, namespace: namespace, name: name, apiGroup: group, apiVersion: version,
            subresource: subresource)
    }

    @Test func resourceVerbsObjectReferencesAndCodes() async throws {
        try await withAuditedServer { server, log in
            let pods = "/api/v1/namespaces/default/pods"
            #expect(try await send(server, .POST, pods, json: TestServer.pod("p1")) == 201)
            #expect(try await send(server, .GET, pods + "/p1") == 200)
            #expect(try await send(server, .GET, pods + "?limit=10") == 200)
            #expect(
                try await send(
                    server, .PATCH, pods + "/p1", json: ["metadata": ["labels": ["a": "b"]]],
                    contentType: "application/merge-patch+json") == 200)
            #expect(
                try await send(
                    server, .PATCH, pods + "/p1/status", json: ["status": ["phase": "Pending"]],
                    contentType: "application/merge-patch+json") == 200)
            let binding: JSONValue = [
                "apiVersion": "v1", "kind": "Binding", "metadata": ["name": "p1"], "target": ["kind": "Node", "name": "n1"],
            ]
            #expect(try await send(server, .POST, pods + "/p1/binding", json: binding) == 201)
            let leases = "/apis/coordination.k8s.io/v1/namespaces/default/leases"
            let lease: JSONValue = ["apiVersion": "coordination.k8s.io/v1", "kind": "Lease", "metadata": ["name": "l1"]]
            #expect(try await send(server, .POST, leases, json: lease) == 201)
            var updated = lease
            updated["spec"] = ["holderIdentity": "me"]
            #expect(try await send(server, .PUT, leases + "/l1", json: updated) == 200)
            #expect(try await send(server, .DELETE, leases + "/l1") == 200)

            #expect(try event(pods, "create", in: log).objectRef == reference("pods"))
            #expect(try event(pods + "/p1", "get", in: log).objectRef == reference("pods", name: "p1"))
            #expect(try event(pods + "?limit=10", "list", in: log).objectRef == reference("pods"))
            #expect(try event(pods + "/p1", "patch", in: log).objectRef == reference("pods", name: "p1"))
            let status = try event(pods + "/p1/status", "patch", in: log)
            #expect(status.objectRef == reference("pods", name: "p1", subresource: "status"))
            let bind = try event(pods + "/p1/binding", "create", in: log)
            #expect(bind.objectRef == reference("pods", name: "p1", subresource: "binding"))
            #expect(bind.responseStatus?.code == 201)
            let group = "coordination.k8s.io"
            #expect(try event(leases, "create", in: log).objectRef == reference("leases", group: group))
            #expect(try event(leases + "/l1", "update", in: log).objectRef == reference("leases", name: "l1", group: group))
            let deleted = try event(leases + "/l1", "delete", in: log)
            #expect(deleted.objectRef == reference("leases", name: "l1", group: group))
            #expect(deleted.responseStatus?.code == 200)
            #expect(deleted.stage == "ResponseComplete")
        }
    }

    @Test func aWatchIsLoggedWhenItStarts() async throws {
        try await withAuditedServer { server, log in
            _ = try await server.create(TestServer.configMap("c1"), in: "/api/v1/namespaces/default/configmaps")
            let path = "/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=0"
            let result = try await server.watch(path) { !$0.isEmpty }
            #expect(result.status == 200)
            let watch = try event(path, "watch", in: log)
            #expect(watch.stage == "ResponseStarted")
            #expect(watch.responseStatus?.code == 200)
            #expect(watch.objectRef == reference("configmaps"))
        }
    }

    @Test func failuresAreLoggedWithTheirCodes() async throws {
        try await withAuditedServer { server, log in
            let pods = "/api/v1/namespaces/default/pods"
            #expect(try await send(server, .GET, pods + "/missing") == 404)
            #expect(try await send(server, .POST, pods, json: TestServer.pod("Not_A_Name")) == 422)
            #expect(try await send(server, .GET, "/apis/nothing.example/v1/things") == 404)

            #expect(try event(pods + "/missing", "get", in: log).responseStatus?.code == 404)
            let invalid = try event(pods, "create", in: log)
            #expect(invalid.responseStatus?.code == 422)
            #expect(invalid.objectRef == reference("pods"))
            let unknown = try event("/apis/nothing.example/v1/things", "list", in: log)
            #expect(unknown.responseStatus?.code == 404)
            #expect(unknown.objectRef == reference("things", namespace: nil, group: "nothing.example"))
        }
    }

    @Test func nonResourceRequestsUseTheHTTPMethodAndNoObject() async throws {
        try await withAuditedServer { server, log in
            #expect(try await send(server, .GET, "/apis") == 200)
            #expect(try await send(server, .GET, "/healthz") == 200)
            let discovery = try event("/apis", "get", in: log)
            #expect(discovery.objectRef == nil)
            #expect(discovery.user.username == AuditUser.tokenUser.username)
            #expect(try event("/healthz", "get", in: log).responseStatus?.code == 200)
        }
    }

    @Test func userAgentAndUserAreRecordedVerbatim() async throws {
        try await withAuditedServer { server, log in
            let agent = "Mozilla/5.0 (X11; Linux x86_64) stead-test/\(UUID().uuidString) ünïcode; a=b, c"
            #expect(try await send(server, .GET, "/api/v1/namespaces", userAgent: agent) == 200)
            let request = HTTPClientRequest(url: server.server.baseURL + "/api/v1/nodes")
            let response = try await server.client.execute(request, timeout: .seconds(30))
            #expect(response.status.code == 401)

            let list = try event("/api/v1/namespaces", "list", in: log)
            #expect(list.userAgent == agent)
            #expect(list.user.username == AuditUser.tokenUser.username)
            #expect(list.objectRef == reference("namespaces", namespace: nil))
            let rejected = try event("/api/v1/nodes", "list", in: log)
            #expect(rejected.responseStatus?.code == 401)
            #expect(rejected.user.username == AuditUser.anonymous.username)
        }
    }

    @Test func eachLineIsAnAuditV1EventWithMicrosecondTimestamps() async throws {
        try await withAuditedServer { server, log in
            // Microseconds are truncated in the file, so the lower bound is the start of its second.
            let before = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
            let configMaps = "/api/v1/namespaces/default/configmaps"
            for name in ["a", "b", "c"] {
                #expect(try await send(server, .POST, configMaps, json: TestServer.configMap(name)) == 201)
            }
            let after = Date()
            let text = try String(contentsOfFile: log, encoding: .utf8)
            let lines = text.split(separator: "\n")
            #expect(lines.count == 3)
            #expect(text.hasSuffix("\n"))
            let stamp = #/"requestReceivedTimestamp":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z"/#
            for line in lines {
                let object = try KubeJSON.parse(Data(line.utf8))
                #expect(object["kind"] == "Event")
                #expect(object["apiVersion"] == "audit.k8s.io/v1")
                #expect(object["level"] == "Metadata")
                #expect(line.contains(stamp))
            }
            let events = AuditLog.read(path: log)
            #expect(Set(events.map(\.auditID)).count == 3)
            for event in events {
                #expect(before <= event.requestReceivedTimestamp)
                #expect(event.requestReceivedTimestamp <= event.stageTimestamp)
                #expect(event.stageTimestamp <= after)
            }
        }
    }

    @Test func anUnwritablePathFailsStartUp() throws {
        let directory = TestServer.makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let blocker = directory + "/not-a-folder"
        #expect(FileManager.default.createFile(atPath: blocker, contents: Data()))
        for path in [blocker + "/audit.log", directory] {
            var options = APIServerOptions(dataDirectory: directory)
            options.port = 0
            options.tls = false
            options.auditLogPath = path
            #expect(throws: AuditLogError.self) {
                _ = try EmbeddedAPIServer(options: options, logger: Logger(label: "test.audit"))
            }
        }
    }
}
