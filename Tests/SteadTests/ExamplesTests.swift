import Foundation
import KubeModel
import SteadController
import Testing
import Yams

/// The manifests in examples/ are what the README tells users to apply: they must be valid.
@Suite("examples")
struct ExamplesTests {
    static func objects(_ file: String) throws -> [JSONValue] {
        let text = try String(contentsOf: RepositoryPaths.file("examples/" + file), encoding: .utf8)
        return try Yams.load_all(yaml: text).compactMap { $0 }.map {
            try JSONValue.parse(JSONSerialization.data(withJSONObject: $0))
        }
    }

    @Test(arguments: ["web.yaml", "db.yaml"])
    func statefulPodSetsAreValid(file: String) throws {
        let objects = try Self.objects(file)
        let sets = objects.filter { $0["kind"] == "StatefulPodSet" }
        #expect(sets.count == 1)
        for object in sets {
            #expect(object["apiVersion"] == .string(StatefulPodSet.resourceType.apiVersion))
            let set = try KubeJSON.decode(StatefulPodSet.self, from: object.serialized())
            #expect(StatefulPodSetValidator.validate(set.withDefaults()).isEmpty, "\(StatefulPodSetValidator.validate(set.withDefaults()))")
            // Each example lives in its own namespace, created by the same file.
            let namespace = try #require(set.metadata.namespace)
            #expect(objects.contains { $0["kind"] == "Namespace" && $0[path: ["metadata", "name"]] == .string(namespace) })
        }
    }

    @Test func databaseKeepsOneVolumePerPod() throws {
        let object = try #require(try Self.objects("db.yaml").first { $0["kind"] == "StatefulPodSet" })
        let set = try KubeJSON.decode(StatefulPodSet.self, from: object.serialized())
        #expect(set.spec.volumeClaimTemplates?.count == 1)
    }

    @Test func nativeStatefulSetNamesSteadsScheduler() throws {
        let set = try #require(try Self.objects("statefulset.yaml").first { $0["kind"] == "StatefulSet" })
        #expect(set["apiVersion"] == "apps/v1")
        #expect(set[path: ["spec", "template", "spec", "schedulerName"]] == "stead")
    }
}
