import ControlPlane
import Foundation
import KubeModel
import KubeProtobuf
import SteadTestSupport
import Testing

/// `/openapi/v2` and `/openapi/v3` describe every built-in kind and every CRD, and kubectl reads them:
/// `explain` in both forms. (The e2e suite compares the documents with a real cluster's.)
@Suite struct OpenAPITests {
    @Test func everyServedBuiltinKindHasASchema() {
        let undescribed = BuiltinResources.all.filter { info in
            !BuiltinOpenAPI.describes(.init(group: info.type.group, version: info.type.version, kind: info.type.kind))
        }
        #expect(undescribed.map(\.type.kind) == [])
    }

    @Test func everyReferenceResolvesInBothVersions() async throws {
        try await TestServer.with { s in
            _ = try await s.request(.POST, CustomResourceFixtures.definitions, json: CustomResourceFixtures.statefulPodSets())
            let swagger = try await s.request(.GET, "/openapi/v2", accept: "application/json")
            #expect(swagger.status == 200)
            let definitions = swagger.json["definitions"]?.objectValue ?? [:]
            #expect(unresolved(in: swagger.json, prefix: "#/definitions/", names: Set(definitions.keys)) == [])
            #expect(definitions["io.k8s.api.apps.v1.Deployment"]?["x-kubernetes-group-version-kind"] == [
                ["group": "apps", "version": "v1", "kind": "Deployment"]
            ])
            #expect(definitions["dev.stead.v1alpha1.StatefulPodSet"] != nil)

            let root = try await s.request(.GET, "/openapi/v3")
            let paths = root.json["paths"]?.objectValue ?? [:]
            #expect(paths["apis/stead.dev/v1alpha1"] != nil)
            for (name, entry) in paths {
                let url = try #require(entry["serverRelativeURL"]?.stringValue)
                let document = try await s.request(.GET, url)
                let schemas = document.json[path: ["components", "schemas"]]?.objectValue ?? [:]
                #expect(
                    unresolved(in: document.json, prefix: "#/components/schemas/", names: Set(schemas.keys)) == [],
                    "\(name)")
            }
        }
    }

    @Test func theProtobufFormIsWhatClientGoAsksFor() async throws {
        try await TestServer.with { s in
            let accept = "application/com.github.proto-openapi.spec.v2@v1.0+protobuf"
            let reply = try await s.request(.GET, "/openapi/v2", accept: accept)
            #expect(reply.status == 200)
            #expect(reply.headers.first(name: "Content-Type") == OpenAPIV2Protobuf.contentType)
            // openapi_v2.Document: field 1 (swagger) "2.0" first.
            #expect(Array(reply.data.prefix(5)) == [0x0a, 0x03] + Array("2.0".utf8))
        }
    }

    /// kubectl explain reads v3 by default and v2 on request; both find built-in kinds, custom resources
    /// and custom resources' metadata, with kubectl's type names.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/kubectl")))
    func kubectlExplainsBuiltinAndCustomKinds() async throws {
        try await TestServer.with(configure: { $0.tls = true }) { s in
            let kubeconfig = s.directory + "/kubeconfig"
            try s.server.writeKubeconfig(to: kubeconfig)
            let definition = s.directory + "/crd.json"
            try KubeJSON.serialize(CustomResourceFixtures.statefulPodSets()).write(to: URL(fileURLWithPath: definition))
            let created = try await KubectlTests.kubectl(["create", "-f", definition], kubeconfig: kubeconfig)
            #expect(created.status == 0, "\(created.error)")
            func explain(_ arguments: String...) async throws -> [String: String] {
                let run = try await KubectlTests.kubectl(["explain"] + arguments, kubeconfig: kubeconfig)
                #expect(run.status == 0, "\(arguments): \(run.error)")
                return OpenAPIChecks.explainedFields(run.output)
            }

            let containers = try await KubectlTests.kubectl(["explain", "pods.spec.containers"], kubeconfig: kubeconfig)
            #expect(containers.output.contains("name\t<string> -required-"), "\(containers.output)")
            let resources = try await explain("pods.spec.containers.resources")
            #expect(resources["limits"] == "map[string]Quantity")
            #expect(resources["claims"] == "[]ResourceClaim")
            let resourcesV2 = try await explain("pods.spec.containers.resources", "--output", "plaintext-openapiv2")
            #expect(resourcesV2["limits"] == "map[string]string")
            #expect(resourcesV2["claims"] == "[]Object")

            let ports = try await explain("services.spec.ports")
            #expect(ports["targetPort"] == "IntOrString")
            #expect(ports["port"] == "integer")
            let event = try await explain("events", "--api-version=events.k8s.io/v1")
            #expect(event["series"] == "EventSeries")
            #expect(event["eventTime"] == "string")
            let volume = try await explain("persistentvolumes.spec")
            #expect(volume["csi"] == "CSIPersistentVolumeSource", "an inline struct's fields sit in the spec")
            #expect(volume["capacity"] == "map[string]Quantity")

            let metadata = try await explain("statefulpodsets.metadata")
            #expect(metadata["labels"] == "map[string]string")
            let metadataV2 = try await explain("statefulpodsets.metadata", "--output", "plaintext-openapiv2")
            #expect(metadataV2["ownerReferences"] == "[]Object")
        }
    }

    /// The references of a document that name no definition of it.
    private func unresolved(in value: JSONValue, prefix: String, names: Set<String>) -> Set<String> {
        switch value {
        case .object(let object):
            var missing = Set<String>()
            if let reference = object["$ref"]?.stringValue,
                !(reference.hasPrefix(prefix) && names.contains(String(reference.dropFirst(prefix.count))))
            {
                missing.insert(reference)
            }
            for child in object.values { missing.formUnion(unresolved(in: child, prefix: prefix, names: names)) }
            return missing
        case .array(let items):
            return items.reduce(into: Set<String>()) { $0.formUnion(unresolved(in: $1, prefix: prefix, names: names)) }
        default:
            return []
        }
    }
}
