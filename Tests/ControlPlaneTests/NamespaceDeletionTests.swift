import ControlPlane
import Foundation
import KubeModel
import Testing

/// DELETE of a namespace: Terminating, content deleted (with its own finalizers and grace periods),
/// creates refused with 403, then the namespace removed.
@Suite struct NamespaceDeletionTests {
    static let namespace = "/api/v1/namespaces/shop"
    static let configMaps = "/api/v1/namespaces/shop/configmaps"
    static let pods = "/api/v1/namespaces/shop/pods"

    @Test func deletingANamespaceEmptiesItThenRemovesIt() async throws {
        try await TestServer.with { s in
            _ = try await s.create(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "shop"]], in: "/api/v1/namespaces")
            for name in ["a", "b", "c"] { _ = try await s.create(TestServer.configMap(name), in: Self.configMaps) }
            var held = TestServer.configMap("held")
            held["metadata"]?["finalizers"] = ["example.com/hold"]
            _ = try await s.create(held, in: Self.configMaps)
            _ = try await s.create(TestServer.pod("idle", namespace: "shop"), in: Self.pods)
            _ = try await s.create(TestServer.pod("running", namespace: "shop", node: "node-1"), in: Self.pods)

            let reply = try await s.request(.DELETE, Self.namespace)
            #expect(reply.status == 200)
            #expect(reply.json[path: ["status", "phase"]] == "Terminating")
            #expect(reply.json.isMarkedForDeletion)

            let refused = try await s.request(.POST, Self.configMaps, json: TestServer.configMap("late"))
            #expect(refused.status == 403)
            #expect(refused.reason == "Forbidden")
            #expect(
                refused.json["message"]?.stringValue
                    == "configmaps \"late\" is forbidden: unable to create new content in namespace shop because it is being terminated")

            try await s.waitUntil("content deleted") {
                let list = try await s.get(Self.configMaps)["items"]?.arrayValue ?? []
                let pods = try await s.get(Self.pods)["items"]?.arrayValue ?? []
                return list.map { $0[path: ["metadata", "name"]] } == ["held"] && list.first?.isMarkedForDeletion == true
                    && pods.map { $0[path: ["metadata", "name"]] } == ["running"] && pods.first?.isMarkedForDeletion == true
            }
            let terminating = try await s.get(Self.namespace)
            #expect(terminating[path: ["status", "phase"]] == "Terminating")
            #expect(terminating[path: ["spec", "finalizers"]] == ["kubernetes"])

            try await s.releaseFinalizers("\(Self.configMaps)/held")
            _ = try await s.request(.DELETE, "\(Self.pods)/running?gracePeriodSeconds=0")
            try await s.waitUntil("namespace removed") { try await !s.exists(Self.namespace) }
            #expect(try await s.request(.GET, "\(Self.configMaps)/held").status == 404)
        }
    }

    @Test func finalizeReleasesANamespaceHeldBySpecFinalizer() async throws {
        try await TestServer.with { s in
            _ = try await s.create(
                ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "shop"], "spec": ["finalizers": ["kubernetes", "example.com/hold"]]],
                in: "/api/v1/namespaces")
            _ = try await s.request(.DELETE, Self.namespace)
            try await s.waitUntil("kubernetes finalizer removed") {
                try await s.get(Self.namespace)[path: ["spec", "finalizers"]] == ["example.com/hold"]
            }
            let body: JSONValue = ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "shop"], "spec": ["finalizers": []]]
            let reply = try await s.request(.PUT, Self.namespace + "/finalize", json: body)
            #expect(reply.status == 200)
            #expect(try await !s.exists(Self.namespace))
        }
    }
}
