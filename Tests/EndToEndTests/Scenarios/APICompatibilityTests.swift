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

        /// Every sample kind printed as the real v1.21 prints it (columns it has, cells that do not depend
        /// on time or controllers), read in protobuf as Stead's codec reads it, and the same admission
        /// answers.
        @Test func builtinKindsPrintAndAdmitAsTheEmbeddedServerExpects() async throws {
            let installation = try await Installation.shared()
            let client = installation.admin
            let minor = try await BuiltinKindChecks.serverMinor(client)
            let run = String(UInt32.random(in: 0...UInt32.max), radix: 36)
            let (kinds, admitting) = ("stead-kinds-\(run)", "stead-admission-\(run)")
            for namespace in [kinds, admitting] {
                _ = try await client.create(Namespace(metadata: ObjectMeta(name: namespace)))
            }
            let tables = try await BuiltinKindChecks.printedTables(client, namespace: kinds, prefix: kinds)
            let protobufDifferences = try await BuiltinKindChecks.protobufReads(client, namespace: kinds, prefix: kinds)
            await BuiltinKindChecks.deleteClusterSamples(client, prefix: kinds)
            #expect(protobufDifferences == [])
            let expected = BuiltinKindChecks.expectedColumns(minor: minor)
            for (plural, table) in tables.sorted(by: { $0.key < $1.key }) {
                #expect(table.columns == expected[plural], "\(plural)")
                #expect(table.cells == BuiltinKindChecks.expectedCells[plural] ?? [:], "\(plural)")
                #expect(table.rows == 1, "\(plural)")
            }
            let admission = try await BuiltinKindChecks.admission(client, namespace: admitting)
            #expect(admission == BuiltinKindChecks.expectedAdmission)
            for namespace in [kinds, admitting] {
                _ = try? await client.delete(Namespace.resourceType, name: namespace)
            }
        }

        /// kubectl's generators, `auth can-i` and `create token` on the real cluster: what the embedded
        /// server's test expects of it too.
        @Test func kubectlsGeneratorsAnswerAsTheEmbeddedServerExpects() async throws {
            let kubectl = try #require(E2EConfiguration.kubectl)
            let kubeconfig = try #require(E2EConfiguration.kubeconfig)
            let namespace = "stead-generated-\(String(UInt32.random(in: 0...UInt32.max), radix: 36))"
            let seen = try await KubectlChecks.generators(kubectl: kubectl, kubeconfig: kubeconfig, namespace: namespace)
            let expected = KubectlChecks.expectedGenerators(namespace: namespace)
            for (saw, wanted) in zip(seen, expected) { #expect(saw == wanted) }
            _ = try? await Installation.shared().admin.delete(Namespace.resourceType, name: namespace)
        }

        /// A CRD of two versions on the real cluster: what the embedded server's test expects of it.
        @Test func aCustomResourceIsReadThroughEachVersionAsTheEmbeddedServerExpects() async throws {
            let kubectl = try #require(E2EConfiguration.kubectl)
            let kubeconfig = try #require(E2EConfiguration.kubeconfig)
            let run = String(UInt32.random(in: 0...UInt32.max), radix: 36)
            let namespace = "stead-versioned-\(run)"
            let seen = try await KubectlChecks.versions(kubectl: kubectl, kubeconfig: kubeconfig, namespace: namespace, suffix: run)
            let expected = KubectlChecks.expectedVersions(namespace: namespace, suffix: run)
            #expect(seen.count == expected.count)
            for (saw, wanted) in zip(seen, expected) { #expect(saw == wanted) }
            _ = try? await Installation.shared().admin.delete(Namespace.resourceType, name: namespace)
        }

        /// `kubectl drain` on the real cluster: what the embedded server's test expects of it.
        @Test func kubectlDrainAnswersAsTheEmbeddedServerExpects() async throws {
            let kubectl = try #require(E2EConfiguration.kubectl)
            let kubeconfig = try #require(E2EConfiguration.kubeconfig)
            let namespace = "stead-drained-\(String(UInt32.random(in: 0...UInt32.max), radix: 36))"
            let seen = try await KubectlChecks.drain(kubectl: kubectl, kubeconfig: kubeconfig, namespace: namespace)
            let expected = KubectlChecks.expectedDrain(namespace: namespace)
            #expect(seen.count == expected.count)
            for (saw, wanted) in zip(seen, expected) { #expect(saw == wanted) }
            _ = try? await Installation.shared().admin.delete(Namespace.resourceType, name: namespace)
        }

        /// `kubectl apply --server-side` on the real cluster: what the embedded server's test expects of it.
        @Test func serverSideApplyAnswersAsTheEmbeddedServerExpects() async throws {
            let installation = try await Installation.shared()
            _ = try await installation.replicas.leader()
            let kubectl = try #require(E2EConfiguration.kubectl)
            let kubeconfig = try #require(E2EConfiguration.kubeconfig)
            let namespace = "stead-applied-\(String(UInt32.random(in: 0...UInt32.max), radix: 36))"
            let seen = try await ApplyChecks.run(kubectl: kubectl, kubeconfig: kubeconfig, namespace: namespace)
            let expected = ApplyChecks.expected(namespace: namespace)
            #expect(seen.count == expected.count)
            for (saw, wanted) in zip(seen, expected) { #expect(saw == wanted) }
            _ = try? await installation.admin.delete(Namespace.resourceType, name: namespace)
        }
    }
}
