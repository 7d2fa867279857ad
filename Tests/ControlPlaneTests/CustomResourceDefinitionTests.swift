import ControlPlane
import Foundation
import KubeModel
import Testing

/// CustomResourceDefinitions over HTTP: registering, discovery, status, restart, deletion, refusal.
@Suite struct CustomResourceDefinitionTests {
    typealias F = CustomResourceFixtures

    @Test func definitionIsEstablishedAndServed() async throws {
        try await TestServer.with { s in
            let crd = try await s.create(F.statefulPodSets(), in: F.definitions)
            let trueConditions = (crd[path: ["status", "conditions"]]?.arrayValue ?? [])
                .filter { $0["status"] == "True" }.compactMap { $0["type"]?.stringValue }
            #expect(Set(trueConditions) == ["Established", "NamesAccepted"])
            #expect(crd[path: ["status", "acceptedNames", "kind"]] == "StatefulPodSet")
            #expect(crd[path: ["status", "storedVersions"]] == ["v1alpha1"])

            let groups = try await s.request(.GET, "/apis").json["groups"]?.arrayValue ?? []
            let group = groups.first { $0["name"] == "stead.dev" }
            #expect(group?[path: ["preferredVersion", "groupVersion"]] == "stead.dev/v1alpha1")
            let status1 = try await s.request(.GET, "/apis/stead.dev").status
            #expect(status1 == 200)
            let list = try await s.request(.GET, "/apis/stead.dev/v1alpha1").json["resources"]?.arrayValue ?? []
            let main = list.first { $0["name"] == "statefulpodsets" }
            #expect(main?["namespaced"] == true)
            #expect(main?["kind"] == "StatefulPodSet")
            #expect(main?["shortNames"] == ["sps"])
            #expect(main?["categories"] == ["all"])
            #expect(list.contains { $0["name"] == "statefulpodsets/status" })
            let scale = list.first { $0["name"] == "statefulpodsets/scale" }
            #expect(scale?["kind"] == "Scale")
            #expect(scale?["group"] == "autoscaling")
            #expect(scale?["version"] == "v1")

            let created = try await s.create(F.statefulPodSet("web"), in: F.collection)
            #expect(created[path: ["metadata", "generation"]] == 1)
            let fetched = try await s.request(.GET, F.collection + "/web")
            #expect(fetched.status == 200)
            #expect(fetched.json[path: ["spec", "replicas"]] == 2)
            let items = try await s.request(.GET, F.collection).json["items"]?.arrayValue ?? []
            #expect(items.count == 1)
            let status2 = try await s.request(.GET, F.definitions + "/statefulpodsets.stead.dev").status
            #expect(status2 == 200)
        }
    }

    @Test func definitionsInTheStoreAreServedAfterARestart() async throws {
        let directory = TestServer.makeDirectory()
        let first = try await TestServer(directory: directory)
        _ = try await first.create(F.statefulPodSets(), in: F.definitions)
        _ = try await first.create(F.statefulPodSet("db"), in: F.collection)
        await first.shutdown(removeDirectory: false)

        let second = try await TestServer(directory: directory)
        let reply = try await second.request(.GET, F.collection + "/db")
        let resources = try await second.request(.GET, "/apis/stead.dev/v1alpha1").status
        await second.shutdown()
        #expect(reply.status == 200)
        #expect(reply.json[path: ["spec", "replicas"]] == 2)
        #expect(resources == 200)
    }

    @Test func deletingTheDefinitionRemovesTheResourceAndItsObjects() async throws {
        try await TestServer.with { s in
            _ = try await s.create(F.statefulPodSets(), in: F.definitions)
            _ = try await s.create(F.statefulPodSet("a"), in: F.collection)
            _ = try await s.create(F.statefulPodSet("b"), in: F.collection)
            let deleted = try await s.request(.DELETE, F.definitions + "/statefulpodsets.stead.dev")
            #expect(deleted.status == 200)
            let status3 = try await s.request(.GET, F.collection).status
            #expect(status3 == 404)
            let status4 = try await s.request(.GET, "/apis/stead.dev/v1alpha1").status
            #expect(status4 == 404)
            let groups = try await s.request(.GET, "/apis").json["groups"]?.arrayValue ?? []
            #expect(!groups.contains { $0["name"] == "stead.dev" })

            _ = try await s.create(F.statefulPodSets(), in: F.definitions)
            let items = try await s.request(.GET, F.collection).json["items"]?.arrayValue
            #expect(items == [])
        }
    }

    /// The CRD with a second served version `v1`, a copy of its first (which stays the storage version).
    static func alsoServingV1(_ crd: JSONValue) -> JSONValue {
        var crd = crd
        var versions = crd[path: ["spec", "versions"]]?.arrayValue ?? []
        var v1 = versions[0]
        v1["name"] = "v1"
        v1["storage"] = false
        versions.append(v1)
        crd["spec"]?["versions"] = .array(versions)
        return crd
    }

    @Test func servedVersionsFollowUpdates() async throws {
        try await TestServer.with { s in
            let crd = Self.alsoServingV1(try await s.create(F.statefulPodSets(), in: F.definitions))
            let versions = crd[path: ["spec", "versions"]]?.arrayValue ?? []
            let updated = try await s.request(.PUT, F.definitions + "/statefulpodsets.stead.dev", json: crd)
            #expect(updated.status == 200, "\(updated.json)")
            let status5 = try await s.request(.GET, "/apis/stead.dev/v1/namespaces/default/statefulpodsets").status
            #expect(status5 == 200)

            let patch: JSONValue = ["spec": ["versions": [versions[0]]]]
            let patched = try await s.request(
                .PATCH, F.definitions + "/statefulpodsets.stead.dev", json: patch,
                contentType: "application/merge-patch+json")
            #expect(patched.status == 200)
            let status6 = try await s.request(.GET, "/apis/stead.dev/v1/namespaces/default/statefulpodsets").status
            #expect(status6 == 404)
            let status7 = try await s.request(.GET, F.collection).status
            #expect(status7 == 200)
        }
    }

    /// A CRD of two versions serves each object in the version it is read through (the `None` strategy:
    /// the apiVersion changes, the fields stay), stored in the storage version.
    @Test func eachVersionServesTheObjectsAsItsOwn() async throws {
        try await TestServer.with { s in
            _ = try await s.create(Self.alsoServingV1(F.statefulPodSets()), in: F.definitions)
            let v1Collection = "/apis/stead.dev/v1/namespaces/default/statefulpodsets"
            var object = F.statefulPodSet("web")
            object["apiVersion"] = "stead.dev/v1"
            let created = try await s.request(.POST, v1Collection, json: object)
            #expect(created.status == 201, "\(created.json)")
            #expect(created.json["apiVersion"] == "stead.dev/v1")

            let alpha = try await s.request(.GET, F.collection + "/web").json
            #expect(alpha["apiVersion"] == "stead.dev/v1alpha1")
            #expect(alpha["spec"] == created.json["spec"])
            let listed = try await s.request(.GET, v1Collection).json["items"]?.arrayValue ?? []
            #expect(listed.map { $0["apiVersion"] } == ["stead.dev/v1"])
            let patched = try await s.request(
                .PATCH, F.collection + "/web", json: ["spec": ["replicas": 5]], contentType: "application/merge-patch+json")
            #expect(patched.json["apiVersion"] == "stead.dev/v1alpha1")
            let again = try await s.request(.GET, v1Collection + "/web").json
            #expect(again["apiVersion"] == "stead.dev/v1" && again[path: ["spec", "replicas"]] == 5)
            let rv = try #require(created.json[path: ["metadata", "resourceVersion"]]?.stringValue.flatMap { Int($0) })
            let watched = try await s.watch(v1Collection + "?watch=true&resourceVersion=\(rv - 1)", until: { $0.count >= 2 })
            #expect(watched.events.map { $0.object["apiVersion"] } == ["stead.dev/v1", "stead.dev/v1"])
        }
    }

    /// One way to break the StatefulPodSet CRD, and the field the 422 must name. With one version, Kubernetes
    /// names its schema and subresources as the top-level `spec.validation` and `spec.subresources`.
    enum Breakage: String, CaseIterable, Sendable {
        case name, group, scope, kind, noVersions, noSchema, arrayWithoutItems, defaultOfWrongType, scalePath

        var field: String {
            switch self {
            case .name: "metadata.name"
            case .group: "spec.group"
            case .scope: "spec.scope"
            case .kind: "spec.names.kind"
            case .noVersions: "spec.versions"
            case .noSchema: "spec.versions[0].schema.openAPIV3Schema"
            case .arrayWithoutItems: "spec.validation.openAPIV3Schema.properties[spec].properties[list].items"
            case .defaultOfWrongType: "spec.validation.openAPIV3Schema.properties[spec].properties[replicas].default"
            case .scalePath: "spec.subresources.scale.specReplicasPath"
            }
        }

        func apply(to crd: inout JSONValue) {
            var versions = crd[path: ["spec", "versions"]]?.arrayValue ?? []
            switch self {
            case .name: crd["metadata"] = ["name": "wrong.stead.dev"]
            case .group:
                crd["spec"]?["group"] = "nodots"
                crd["metadata"] = ["name": "statefulpodsets.nodots"]
            case .scope: crd["spec"]?["scope"] = "Galaxy"
            case .kind: crd["spec"]?["names"]?["kind"] = nil
            case .noVersions: versions = []
            case .noSchema: versions = [["name": "v1alpha1", "served": true, "storage": true]]
            case .arrayWithoutItems:
                versions[0]["schema"]?["openAPIV3Schema"]?["properties"]?["spec"]?["properties"]?["list"] = ["type": "array"]
            case .defaultOfWrongType:
                versions[0]["schema"]?["openAPIV3Schema"]?["properties"]?["spec"]?["properties"]?["replicas"]?["default"] = "two"
            case .scalePath: versions[0]["subresources"]?["scale"]?["specReplicasPath"] = ".replicas"
            }
            crd["spec"]?["versions"] = .array(versions)
        }
    }

    @Test(arguments: Breakage.allCases)
    func brokenDefinitionsAreRefused(_ breakage: Breakage) async throws {
        try await TestServer.with { s in
            var crd = F.statefulPodSets()
            breakage.apply(to: &crd)
            let reply = try await s.request(.POST, F.definitions, json: crd)
            #expect(reply.status == 422, "\(reply.json)")
            let fields = reply.json[path: ["details", "causes"]]?.arrayValue?.compactMap { $0["field"]?.stringValue } ?? []
            #expect(fields.contains { $0.hasPrefix(breakage.field) }, "\(fields)")
            #expect(reply.json["message"]?.stringValue?.contains(breakage.field) == true)
            let groups = try await s.request(.GET, "/apis").json["groups"]?.arrayValue ?? []
            #expect(!groups.contains { $0["name"] == "stead.dev" })
        }
    }

    @Test func aDefinitionCannotTakeOverABuiltInResource() async throws {
        try await TestServer.with { s in
            var crd = F.statefulPodSets()
            crd["metadata"] = ["name": "controllerrevisions.apps"]
            crd["spec"]?["group"] = "apps"
            crd["spec"]?["names"]?["plural"] = "controllerrevisions"
            crd["spec"]?["versions"] = [["name": "v1", "served": true, "storage": true, "schema": ["openAPIV3Schema": ["type": "object"]]]]
            let reply = try await s.request(.POST, F.definitions, json: crd)
            #expect(reply.status == 422)
            let status8 = try await s.request(.GET, "/apis/apps/v1/controllerrevisions").status
            #expect(status8 == 200)
        }
    }
}
