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

/// Metadata-only reads (`as=PartialObjectMetadata[List]`) against the embedded server; the e2e suite asks
/// a real Kubernetes the same (`APIChecks.metadataOnly`).
@Suite("PartialObjectMetadata")
struct PartialObjectMetadataTests {
    @Test func readsAnswerOnlyTheMetadata() async throws {
        try await withAPIServer { api in
            let seen = try await APIChecks.metadataOnly(api.client, namespace: "default")
            #expect(seen == APIChecks.expectedMetadataOnly)
        }
    }

    /// A list asked for as one object, or one object as a list, is 406, as kube-apiserver answers it.
    @Test func aShapeThatDoesNotFitIsNotAcceptable() async throws {
        try await withAPIServer { api in
            let collection = ConfigMap.resourceType.collectionPath(namespace: "default")
            _ = try await api.client.create(ConfigMap(metadata: ObjectMeta(name: "one", namespace: "default")))
            for (path, accept) in [
                (collection, KubeClient.acceptMetadata), (collection + "/one", KubeClient.acceptMetadataList),
            ] {
                await #expect {
                    _ = try await api.client.send(.GET, path, verb: "GET", accept: accept)
                } throws: { error in
                    (error as? KubeAPIError)?.code == 406
                }
            }
            // A later offer that fits is taken.
            let fallback = try await api.client.send(.GET, collection, verb: "LIST", accept: KubeClient.acceptMetadata + ",application/json")
            #expect(try KubeJSON.parse(fallback)["kind"] == "ConfigMapList")
        }
    }
}

/// A watch from a resourceVersion the server no longer keeps: one ERROR event, 410 Expired (the e2e
/// suite asks a real Kubernetes the same).
@Suite("watch from a compacted resourceVersion")
struct TooOldWatchTests {
    @Test func endsWithExpired() async throws {
        try await withAPIServer(configure: { $0.watchHistoryLimit = 5 }) { api in
            var first: String?
            for index in 0..<10 {
                let created = try await api.client.create(ConfigMap(metadata: ObjectMeta(name: "cm-\(index)", namespace: "default")))
                first = first ?? created.metadata.resourceVersion
            }
            let seen = try await APIChecks.watchError(api.client, namespace: "default", from: try #require(first))
            #expect(seen == APIChecks.expectedTooOldWatch)
        }
    }
}

/// The built-in kinds on the embedded server, printed and admitted as on a real Kubernetes (the e2e suite
/// asks a real v1.21 the same with the same expectations, `BuiltinKindChecks`).
@Suite struct BuiltinKindCheckTests {
    @Test func everySampleKindPrintsKubernetesColumns() async throws {
        try await withAPIServer { api in
            let minor = try await BuiltinKindChecks.serverMinor(api.client)
            #expect(minor == 32)
            _ = try await api.client.create(Namespace(metadata: ObjectMeta(name: "kinds")))
            let tables = try await BuiltinKindChecks.printedTables(api.client, namespace: "kinds", prefix: "kinds")
            let protobufDifferences = try await BuiltinKindChecks.protobufReads(api.client, namespace: "kinds", prefix: "kinds")
            #expect(protobufDifferences == [])
            let expected = BuiltinKindChecks.expectedColumns(minor: minor)
            #expect(Set(tables.keys) == Set(expected.keys))
            for (plural, table) in tables.sorted(by: { $0.key < $1.key }) {
                #expect(table.columns == expected[plural], "\(plural)")
                #expect(table.cells == BuiltinKindChecks.expectedCells[plural] ?? [:], "\(plural)")
                #expect(table.rows == 1, "\(plural)")
            }
        }
    }

    @Test func admissionAnswersAsKubernetes() async throws {
        try await withAPIServer { api in
            _ = try await api.client.create(Namespace(metadata: ObjectMeta(name: "admission")))
            #expect(try await BuiltinKindChecks.admission(api.client, namespace: "admission") == BuiltinKindChecks.expectedAdmission)
        }
    }
}

/// kubectl 1.32's generators (which send protobuf), `auth can-i`, `create token`, `drain` against the
/// embedded server; the e2e suite runs the same against a real Kubernetes (`KubectlChecks`).
@Suite(.enabled(if: TestPaths.kubectl != nil, "kubectl is not installed"))
struct KubectlGeneratorTests {
    @Test func kubectlsGeneratorsAndAccessCommandsAnswerAsOnKubernetes() async throws {
        try await withAPIServer { api in
            let kubeconfig = api.directory + "/kubeconfig"
            try api.server.writeKubeconfig(to: kubeconfig)
            let seen = try await KubectlChecks.generators(
                kubectl: try #require(TestPaths.kubectl), kubeconfig: kubeconfig, namespace: "generated")
            let expected = KubectlChecks.expectedGenerators(namespace: "generated")
            for (saw, wanted) in zip(seen, expected) { #expect(saw == wanted) }
        }
    }

    /// A CRD of two versions: each serves the object with its own apiVersion.
    @Test func aCustomResourceIsReadThroughEachVersionAsOnKubernetes() async throws {
        try await withAPIServer { api in
            let kubeconfig = api.directory + "/kubeconfig"
            try api.server.writeKubeconfig(to: kubeconfig)
            let seen = try await KubectlChecks.versions(
                kubectl: try #require(TestPaths.kubectl), kubeconfig: kubeconfig, namespace: "versioned", suffix: "a")
            let expected = KubectlChecks.expectedVersions(namespace: "versioned", suffix: "a")
            #expect(seen.count == expected.count)
            for (saw, wanted) in zip(seen, expected) { #expect(saw == wanted) }
        }
    }

    /// `kubectl drain`: refused while a disruption budget protects the node's pod, done once it is gone.
    @Test func kubectlDrainAnswersAsOnKubernetes() async throws {
        try await withAPIServer { api in
            let kubeconfig = api.directory + "/kubeconfig"
            try api.server.writeKubeconfig(to: kubeconfig)
            let seen = try await KubectlChecks.drain(kubectl: try #require(TestPaths.kubectl), kubeconfig: kubeconfig, namespace: "drained")
            let expected = KubectlChecks.expectedDrain(namespace: "drained")
            #expect(seen.count == expected.count)
            for (saw, wanted) in zip(seen, expected) { #expect(saw == wanted) }
        }
    }
}
