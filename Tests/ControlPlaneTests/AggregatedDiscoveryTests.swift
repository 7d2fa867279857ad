@testable import ControlPlane
import Foundation
import KubeModel
import Testing

/// Aggregated discovery (`apidiscovery.k8s.io/v2`), which kubectl 1.30+ asks for first: every group's
/// versions, preferred first, with each resource, its scope, verbs, short names and subresources.
struct AggregatedDiscoveryTests {
    static let accept =
        "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json"

    @Test func groupsAndCoreAnswerInOneDocumentEach() async throws {
        try await TestServer.with { s in
            let groups = try await s.request(.GET, "/apis", accept: Self.accept)
            #expect(groups.status == 200)
            #expect(groups.headers["Content-Type"].first == "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList")
            #expect(groups.json["kind"] == "APIGroupDiscoveryList")
            #expect(groups.json["apiVersion"] == "apidiscovery.k8s.io/v2")
            let apps = try #require(groups.json["items"]?.arrayValue?.first { $0[path: ["metadata", "name"]] == "apps" })
            let appsV1 = try #require(apps["versions"]?.arrayValue?.first)
            #expect(appsV1["version"] == "v1")
            let deployments = try #require(appsV1["resources"]?.arrayValue?.first { $0["resource"] == "deployments" })
            #expect(deployments["scope"] == "Namespaced")
            #expect(deployments["shortNames"] == ["deploy"])
            #expect(deployments["responseKind"] == ["group": "apps", "version": "v1", "kind": "Deployment"])
            let scale = try #require(deployments["subresources"]?.arrayValue?.first { $0["subresource"] == "scale" })
            #expect(scale["responseKind"] == ["group": "autoscaling", "version": "v1", "kind": "Scale"])

            let core = try await s.request(.GET, "/api", accept: Self.accept)
            let coreV1 = try #require(core.json["items"]?.arrayValue?.first?["versions"]?.arrayValue?.first)
            let pods = try #require(coreV1["resources"]?.arrayValue?.first { $0["resource"] == "pods" })
            #expect(pods["singularResource"] == "pod")
            let eviction = try #require(pods["subresources"]?.arrayValue?.first { $0["subresource"] == "eviction" })
            #expect(eviction["verbs"] == ["create"])
            #expect(eviction["responseKind"] == ["group": "policy", "version": "v1", "kind": "Eviction"])

            let legacy = try await s.request(.GET, "/apis", accept: "application/json")
            #expect(legacy.json["kind"] == "APIGroupList")
        }
    }

    @Test func versionsArePreferredAsKubernetesPrefersThem() {
        #expect(Discovery.byPriority(["v1alpha1", "v1", "v1beta1", "v2", "v1beta2", "v10", "foo"])
            == ["v10", "v2", "v1", "v1beta2", "v1beta1", "v1alpha1", "foo"])
    }
}
