import KubeModel
import SteadTestSupport
import Testing

@testable import KubeClient

extension EndToEnd {
    /// The requests of `APIChecks`, asked of the real cluster: its answers are what the embedded server's
    /// tests expect of it too.
    @Suite("API compatibility", .serialized)
    struct APICompatibility {
        @Test func aCollectionDeleteAnswersAsTheEmbeddedServerDoes() async throws {
            let installation = try await Installation.shared()
            let seen = try await APIChecks.collectionDelete(installation.admin, namespace: Installation.namespace)
            #expect(seen == APIChecks.expectedCollectionDelete)
            for resource in [ConfigMap.resourceType, Namespace.resourceType] {
                await #expect {
                    _ = try await installation.admin.send(
                        .DELETE, resource.collectionPath(namespace: nil), verb: "DELETECOLLECTION")
                } throws: { error in
                    (error as? KubeAPIError)?.code == 405
                }
            }
            _ = try await installation.admin.deleteCollection(
                ConfigMap.resourceType, namespace: Installation.namespace, selection: ListOptions(labelSelector: "stead.dev/check in (delete,keep)"))
        }
    
        @Test func metadataOnlyReadsAnswerAsTheEmbeddedServerDoes() async throws {
            let installation = try await Installation.shared()
            let seen = try await APIChecks.metadataOnly(installation.admin, namespace: Installation.namespace)
            #expect(seen == APIChecks.expectedMetadataOnly)
            _ = try await installation.admin.delete(ConfigMap.resourceType, name: "pm-a", namespace: Installation.namespace)
        }
    
        /// Version 1 is long compacted on a running cluster.
        @Test func aWatchFromACompactedVersionEndsAsOnTheEmbeddedServer() async throws {
            let installation = try await Installation.shared()
            let seen = try await APIChecks.watchError(installation.admin, namespace: Installation.namespace, from: "1")
            #expect(seen == APIChecks.expectedTooOldWatch)
        }
    }
}
