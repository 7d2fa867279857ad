import AsyncHTTPClient
import ControlPlane
import Foundation
import KubeModel
import Testing

/// `kubectl logs` and `kubectl exec` on a pod of a simulated node: answered as a kubelet would for a
/// container that runs no process, never with 404.
@Suite("pods/log and pods/exec")
struct PodLogTests {
    static let base = "/api/v1/namespaces/default/pods"

    /// Creates `web-0` with `containers`, then writes `statuses` through pods/status.
    func makePod(_ server: TestServer, containers: [String], statuses: JSONValue? = nil) async throws {
        var pod = TestServer.pod("web-0", node: "sim-1")
        pod["spec"]?["containers"] = .array(containers.map { ["name": .string($0), "image": "nginx:1.27"] })
        var created = try await server.create(pod, in: Self.base)
        guard let statuses else { return }
        created["status"] = ["phase": "Running", "containerStatuses": statuses]
        let reply = try await server.request(.PUT, "\(Self.base)/web-0/status", json: created)
        #expect(reply.status == 200)
    }

    static func running(_ name: String, restarts: Int64) -> JSONValue {
        [
            "name": .string(name), "image": "nginx:1.27", "ready": true, "restartCount": .int(restarts),
            "state": ["running": ["startedAt": "2026-12-07T10:00:00Z"]],
        ]
    }

    @Test func aRunningContainerAnswersOneLineSayingItWritesNothing() async throws {
        try await TestServer.with { server in
            try await makePod(server, containers: ["app"], statuses: [Self.running("app", restarts: 2)])
            let reply = try await server.request(.GET, "\(Self.base)/web-0/log")
            #expect(reply.status == 200)
            #expect(reply.headers["Content-Type"].first?.hasPrefix("text/plain") == true)
            #expect(
                String(decoding: reply.data, as: UTF8.self)
                    == "2026-12-07T10:00:00Z container app (nginx:1.27) started on simulated node sim-1 after 2 restart(s); "
                    + "a simulated container writes no output\n")
        }
    }

    @Test func whichContainerAndWhetherItStartedAreCheckedAsAKubeletChecksThem() async throws {
        try await TestServer.with { server in
            try await makePod(server, containers: ["app", "sidecar"])
            let none = try await server.request(.GET, "\(Self.base)/web-0/log")
            #expect(none.status == 400)
            #expect(none.json["message"] == "a container name must be specified for pod web-0, choose one of: [app sidecar]")
            let unknown = try await server.request(.GET, "\(Self.base)/web-0/log?container=db")
            #expect(unknown.json["message"] == "container db is not valid for pod web-0")
            let waiting = try await server.request(.GET, "\(Self.base)/web-0/log?container=app")
            #expect(waiting.status == 400)
            #expect(waiting.json["message"] == "container \"app\" in pod \"web-0\" is waiting to start: ContainerCreating")
            let missing = try await server.request(.GET, "\(Self.base)/web-9/log")
            #expect(missing.status == 404)
        }
    }

    @Test func execIsRefusedWithTheReasonAndDiscoveryListsBoth() async throws {
        try await TestServer.with { server in
            try await makePod(server, containers: ["app"], statuses: [Self.running("app", restarts: 0)])
            let exec = try await server.request(.POST, "\(Self.base)/web-0/exec?command=sh&container=app")
            #expect(exec.status == 400)
            #expect(exec.json["message"]?.stringValue?.contains("runs on a simulated node") == true)
            let discovery = try await server.request(.GET, "/api/v1").json["resources"]?.arrayValue ?? []
            let log = discovery.first { $0["name"] == "pods/log" }
            #expect(log?["verbs"] == ["get"])
            #expect(discovery.first { $0["name"] == "pods/exec" }?["kind"] == "PodExecOptions")
        }
    }
}
