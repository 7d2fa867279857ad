import ControlPlane
import Foundation
import KubeModel
import Testing

@Suite struct PatchUnitTests {
    @Test func mergePatch() {
        let target: JSONValue = ["a": "b", "c": ["d": "e", "f": "g"], "list": [1, 2]]
        let patch: JSONValue = ["a": "z", "c": ["f": nil], "list": [3], "new": ["x": 1]]
        let result = MergePatch.apply(patch, to: target)
        #expect(result == ["a": "z", "c": ["d": "e"], "list": [3], "new": ["x": 1]])
        // RFC 7386 appendix examples.
        #expect(MergePatch.apply(["a": ["bb": ["ccc": nil]]], to: ["a": ["bb": "c"]]) == ["a": ["bb": [:]]])
        #expect(MergePatch.apply(["a": "b"], to: ["a": ["b": "c"]]) == ["a": "b"])
        #expect(MergePatch.apply(["a": nil], to: ["b": "c"]) == ["b": "c"])
    }

    @Test func jsonPatch() throws {
        let target: JSONValue = ["metadata": ["labels": ["a": "1"]], "items": ["x", "y"]]
        let patch: JSONValue = [
            ["op": "add", "path": "/metadata/labels/b~1c", "value": "2"],
            ["op": "replace", "path": "/metadata/labels/a", "value": "9"],
            ["op": "add", "path": "/items/-", "value": "z"],
            ["op": "remove", "path": "/items/0"],
            ["op": "test", "path": "/items/0", "value": "y"],
            ["op": "copy", "from": "/items/1", "path": "/copied"],
            ["op": "move", "from": "/copied", "path": "/moved"],
        ]
        let result = try JSONPatch.apply(patch, to: target)
        #expect(result == ["metadata": ["labels": ["a": "9", "b/c": "2"]], "items": ["y", "z"], "moved": "z"])
    }

    @Test func jsonPatchFailures() {
        let target: JSONValue = ["a": 1]
        #expect(throws: Status.self) { try JSONPatch.apply(["op": "add"], to: target) }
        #expect(throws: Status.self) { try JSONPatch.apply([["op": "remove", "path": "/missing"]], to: target) }
        #expect(throws: Status.self) { try JSONPatch.apply([["op": "test", "path": "/a", "value": 2]], to: target) }
        #expect(throws: Status.self) { try JSONPatch.apply([["op": "bogus", "path": "/a"]], to: target) }
    }

    @Test func generationRule() {
        let old: JSONValue = ["metadata": ["generation": 3], "spec": ["x": 1], "status": ["y": 1]]
        var statusOnly = old
        statusOnly["status"] = ["y": 2]
        statusOnly["metadata"] = ["generation": 3, "labels": ["a": "b"]]
        #expect(GenerationRule.nextGeneration(old: old, new: statusOnly) == 3)
        var specChange = old
        specChange["spec"] = ["x": 2]
        #expect(GenerationRule.nextGeneration(old: old, new: specChange) == 4)
    }

    @Test func nameValidation() {
        #expect(NameValidation.isDNS1123Subdomain("a.b-c.d1"))
        #expect(!NameValidation.isDNS1123Subdomain("Upper"))
        #expect(!NameValidation.isDNS1123Subdomain("-a"))
        #expect(!NameValidation.isDNS1123Subdomain("a..b"))
        #expect(!NameValidation.isDNS1123Subdomain(String(repeating: "a", count: 254)))
        #expect(NameValidation.isDNS1123Label("kube-system"))
        #expect(!NameValidation.isDNS1123Label("a.b"))
        #expect(!NameValidation.isDNS1123Label(String(repeating: "a", count: 64)))
    }
}

@Suite struct PatchHTTPTests {
    @Test func patchesOverHTTP() async throws {
        try await TestServer.with { s in
            let created = try await s.create(TestServer.configMap("c", data: ["a": "1", "b": "2"]), in: "/api/v1/namespaces/default/configmaps")
            let path = "/api/v1/namespaces/default/configmaps/c"
            let merge = try await s.request(.PATCH, path, json: ["data": ["a": nil, "c": "3"]], contentType: "application/merge-patch+json")
            #expect(merge.status == 200)
            #expect(merge.json["data"] == ["b": "2", "c": "3"])
            #expect(merge.json.rvNumber > created.rvNumber)
            let json = try await s.request(
                .PATCH, path, json: [["op": "replace", "path": "/data/b", "value": "20"]], contentType: "application/json-patch+json")
            #expect(json.status == 200)
            #expect(json.json[path: ["data", "b"]] == "20")
            let strategic = try await s.request(.PATCH, path, json: ["data": ["d": "4"]], contentType: "application/strategic-merge-patch+json")
            #expect(strategic.status == 200)
            #expect(strategic.json[path: ["data", "d"]] == "4")
            let stale = try await s.request(
                .PATCH, path, json: ["metadata": ["resourceVersion": .string(created.resourceVersion)], "data": ["x": "y"]],
                contentType: "application/merge-patch+json")
            #expect(stale.status == 409)
            let unsupported = try await s.request(.PATCH, path, json: ["data": [:]], contentType: "text/plain")
            #expect(unsupported.status == 415)
            let applyPatch = try await s.request(.PATCH, path, body: Data("data: {}".utf8), contentType: "application/apply-patch+yaml")
            #expect(applyPatch.status == 422, "server-side apply needs a fieldManager")
            let failedTest = try await s.request(
                .PATCH, path, json: [["op": "test", "path": "/data/b", "value": "nope"]], contentType: "application/json-patch+json")
            #expect(failedTest.status == 422)
            let missing = try await s.request(.PATCH, "/api/v1/namespaces/default/configmaps/none", json: ["data": [:]], contentType: "application/merge-patch+json")
            #expect(missing.status == 404)
        }
    }
}

@Suite struct StrategicMergePatchTests {
    @Test func mergesContainersByNameAndDropsDirectives() {
        let pod: JSONValue = [
            "spec": ["containers": [["name": "a", "image": "a:1", "ports": [["containerPort": 80]]], ["name": "b", "image": "b:1"]]]
        ]
        let patch: JSONValue = [
            "spec": [
                "$setElementOrder/containers": [["name": "b"], ["name": "a"]],
                "containers": [["name": "a", "image": "a:2"], ["name": "c", "image": "c:1"]],
            ]
        ]
        let result = StrategicMergePatch.apply(patch, to: pod)
        let containers = result[path: ["spec", "containers"]]?.arrayValue ?? []
        #expect(containers.map { $0["name"]?.stringValue ?? "" } == ["b", "a", "c"])
        #expect(containers[1]["image"] == "a:2")
        #expect(containers[1]["ports"] == [["containerPort": 80]])
        #expect(result[path: ["spec"]]?.objectValue?.keys.contains { $0.hasPrefix("$") } == false)
    }

    @Test func deleteDirectivesAndPrimitiveLists() {
        let target: JSONValue = ["spec": ["containers": [["name": "a"], ["name": "b"]]], "finalizers": ["x", "y"], "keep": 1, "drop": 2]
        let patch: JSONValue = [
            "spec": ["containers": [["name": "a", "$patch": "delete"]]],
            "$deleteFromPrimitiveList/finalizers": ["x"],
        ]
        let result = StrategicMergePatch.apply(patch, to: target)
        #expect(result[path: ["spec", "containers"]] == [["name": "b"]])
        #expect(result["finalizers"] == ["y"])
        let retained = StrategicMergePatch.apply(["$retainKeys": ["keep"], "keep": 3], to: target)
        #expect(retained == ["keep": 3])
    }
}
