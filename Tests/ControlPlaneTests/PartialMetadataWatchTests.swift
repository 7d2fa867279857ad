import ControlPlane
import Foundation
import KubeModel
import Testing

/// A metadata informer's watch (`as=PartialObjectMetadata`): every event carries the object's metadata
/// only, as kube-apiserver sends it.
@Suite("PartialObjectMetadata watch")
struct PartialMetadataWatchTests {
    @Test func eventsCarryOnlyTheMetadata() async throws {
        try await TestServer.with { server in
            let created = try await server.create(TestServer.configMap("watched", data: ["secret": "value"]), in: "/api/v1/namespaces/default/configmaps")
            let path = "/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=\(created.rvNumber - 1)&timeoutSeconds=5"
            let result = try await server.watch(
                path, accept: "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1", until: { !$0.isEmpty })
            #expect(result.status == 200)
            let object = try #require(result.events.first?.object)
            #expect(object["kind"] == "PartialObjectMetadata" && object["apiVersion"] == "meta.k8s.io/v1")
            #expect(object[path: ["metadata", "name"]] == "watched")
            #expect(object["data"] == nil)
        }
    }
}
