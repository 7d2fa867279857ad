import KubeModel
import SteadTestSupport
import Testing

@testable import KubeClient

/// client-go's DeleteCollection against the embedded server; the e2e suite asks a real Kubernetes the
/// same (`APIChecks.collectionDelete`) and expects the same answers.
@Suite("DeleteCollection")
struct DeleteCollectionTests {
    @Test func theSelectedObjectsGoInOneRequestAndDiscoverySaysWhichResourcesTakeIt() async throws {
        try await withAPIServer { api in
            let seen = try await APIChecks.collectionDelete(api.client, namespace: "default")
            #expect(seen == APIChecks.expectedCollectionDelete)
        }
    }

    @Test func aCollectionDeleteAcrossNamespacesOrOfNamespacesIsNotAllowed() async throws {
        try await withAPIServer { api in
            for resource in [ConfigMap.resourceType, Namespace.resourceType] {
                await #expect {
                    _ = try await api.client.send(.DELETE, resource.collectionPath(namespace: nil), verb: "DELETECOLLECTION")
                } throws: { error in
                    (error as? KubeAPIError)?.code == 405
                }
            }
        }
    }
}
