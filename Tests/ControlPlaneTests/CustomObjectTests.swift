import AsyncHTTPClient
import ControlPlane
import Foundation
import KubeModel
import Testing

/// Custom objects over HTTP: schema validation, pruning, defaults, the status and scale subresources and
/// the printer columns, against the StatefulPodSet-like CRD of `CustomResourceFixtures`.
@Suite struct CustomObjectTests {
    typealias F = CustomResourceFixtures

    static func withDefinition(_ body: (TestServer) async throws -> Void) async throws {
        try await TestServer.with { s in
            _ = try await s.create(F.statefulPodSets(), in: F.definitions)
            try await body(s)
        }
    }

    static func causes(_ reply: TestServer.Reply) -> [String] {
        reply.json[path: ["details", "causes"]]?.arrayValue?.compactMap { $0["field"]?.stringValue } ?? []
    }

    @Test func defaultsAreAppliedTopDown() async throws {
        try await Self.withDefinition { s in
            var object = F.statefulPodSet("web")
            object["spec"]?["replicas"] = nil
            let created = try await s.create(object, in: F.collection)
            #expect(created[path: ["spec", "replicas"]] == 1)
            #expect(created[path: ["spec", "podManagementPolicy"]] == "OrderedReady")
            #expect(created[path: ["spec", "updateStrategy", "type"]] == "RollingUpdate")
            #expect(created[path: ["spec", "placement", "nodeLossTimeoutSeconds"]] == 300)
            // An explicit value wins over the default; an object without the defaulted parent stays empty.
            #expect(created[path: ["spec", "updateStrategy", "rollingUpdate"]] == nil)
        }
    }

    @Test func unknownFieldsArePrunedOrRefusedWhenStrict() async throws {
        try await Self.withDefinition { s in
            var object = F.statefulPodSet("web", extraSpec: ["color": "blue"])
            object["extra"] = ["x": 1]
            object["spec"]?["selector"]?["matchLabels"]?["tier"] = "db"
            object["spec"]?["template"]?["spec"]?["hostNetwork"] = true
            object["metadata"]?["labels"] = ["keep": "me"]
            let created = try await s.create(object, in: F.collection)
            #expect(created[path: ["spec", "color"]] == nil)
            #expect(created["extra"] == nil)
            #expect(created[path: ["spec", "selector", "matchLabels", "tier"]] == "db")  // additionalProperties
            #expect(created[path: ["spec", "template", "spec", "hostNetwork"]] == true)  // preserve-unknown-fields
            #expect(created[path: ["metadata", "labels", "keep"]] == "me")

            let strict = try await s.request(
                .POST, F.collection + "?fieldValidation=Strict",
                json: F.statefulPodSet("strict", extraSpec: ["color": "blue", "size": 3]))
            #expect(strict.status == 400)
            #expect(strict.reason == "BadRequest")
            #expect(strict.json["message"]?.stringValue?.contains(#"unknown field "spec.color""#) == true)
            #expect(strict.json["message"]?.stringValue?.contains(#"unknown field "spec.size""#) == true)
            let ignored = try await s.request(
                .POST, F.collection + "?fieldValidation=Ignore", json: F.statefulPodSet("lax", extraSpec: ["color": "blue"]))
            #expect(ignored.status == 201)
        }
    }

    @Test func wrongTypeIsRefusedWithKubernetesWording() async throws {
        try await Self.withDefinition { s in
            let reply = try await s.request(.POST, F.collection, json: F.statefulPodSet("web", replicas: "three"))
            #expect(reply.status == 422)
            #expect(reply.reason == "Invalid")
            #expect(
                reply.json["message"]
                    == #"StatefulPodSet.stead.dev "web" is invalid: spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string""#
            )
            let cause = reply.json[path: ["details", "causes"]]?.arrayValue?.first
            #expect(cause?["reason"] == "FieldValueTypeInvalid")
            #expect(cause?["field"] == "spec.replicas")
            #expect(reply.json[path: ["details", "kind"]] == "StatefulPodSet")
            #expect(reply.json[path: ["details", "group"]] == "stead.dev")
        }
    }

    @Test func requiredEnumRangeLengthAndPatternAreChecked() async throws {
        try await Self.withDefinition { s in
            var object = F.statefulPodSet("web", replicas: -1, extraSpec: ["podManagementPolicy": "Random", "serviceName": .string(String(repeating: "s", count: 64))])
            object["spec"]?["template"] = nil
            object["spec"]?["placement"] = ["nodeLossTimeoutSeconds": 90_000]
            object["spec"]?["updateStrategy"] = ["rollingUpdate": ["maxUnavailable": "150%"]]
            let reply = try await s.request(.POST, F.collection, json: object)
            #expect(reply.status == 422)
            let message = reply.json["message"]?.stringValue ?? ""
            #expect(message.contains("spec.template: Required value"), "\(message)")
            #expect(message.contains("spec.replicas: Invalid value: -1: spec.replicas in body should be greater than or equal to 0"), "\(message)")
            #expect(message.contains(#"spec.podManagementPolicy: Unsupported value: "Random": supported values: "OrderedReady", "Parallel""#), "\(message)")
            #expect(message.contains("spec.placement.nodeLossTimeoutSeconds: Invalid value: 90000: spec.placement.nodeLossTimeoutSeconds in body should be less than or equal to 86400"), "\(message)")
            #expect(message.contains("spec.serviceName: Too long: may not be longer than 63"), "\(message)")
            #expect(message.contains("spec.updateStrategy.rollingUpdate.maxUnavailable in body should match"), "\(message)")
            #expect(Set(Self.causes(reply)) == [
                "spec.template", "spec.replicas", "spec.podManagementPolicy", "spec.placement.nodeLossTimeoutSeconds",
                "spec.serviceName", "spec.updateStrategy.rollingUpdate.maxUnavailable",
            ])
            let missing = try await s.request(.GET, F.collection + "/web")
            #expect(missing.status == 404)
        }
    }

    @Test(arguments: [("a number", JSONValue.int(2), 201), ("a percentage", "50%", 201), ("a boolean", true, 422), ("an object", ["n": 1], 422)] as [(String, JSONValue, Int)])
    func intOrStringTakesNumbersAndStrings(_ label: String, value: JSONValue, status: Int) async throws {
        try await Self.withDefinition { s in
            let object = F.statefulPodSet("web", extraSpec: ["updateStrategy": ["rollingUpdate": ["maxUnavailable": value]]])
            let reply = try await s.request(.POST, F.collection, json: object)
            #expect(reply.status == status, "\(label): \(reply.json)")
            if status == 201 { #expect(reply.json[path: ["spec", "updateStrategy", "rollingUpdate", "maxUnavailable"]] == value) }
        }
    }

    @Test func updatesAreValidatedToo() async throws {
        try await Self.withDefinition { s in
            var created = try await s.create(F.statefulPodSet("web"), in: F.collection)
            created["spec"]?["replicas"] = "many"
            let put = try await s.request(.PUT, F.collection + "/web", json: created)
            #expect(put.status == 422)
            #expect(Self.causes(put) == ["spec.replicas"])
            let patch = try await s.request(
                .PATCH, F.collection + "/web", json: ["spec": ["podManagementPolicy": "Sometimes"]],
                contentType: "application/merge-patch+json")
            #expect(patch.status == 422)
            #expect(Self.causes(patch) == ["spec.podManagementPolicy"])
            let strategic = try await s.request(
                .PATCH, F.collection + "/web", json: ["spec": ["replicas": 3]],
                contentType: "application/strategic-merge-patch+json")
            #expect(strategic.status == 415)
            let json = try await s.request(
                .PATCH, F.collection + "/web", json: [["op": "replace", "path": "/spec/replicas", "value": 4]],
                contentType: "application/json-patch+json")
            #expect(json.status == 200)
            #expect(json.json[path: ["spec", "replicas"]] == 4)
        }
    }

    @Test func mergeAndJSONPatchesGiveTheWholeExpectedObject() async throws {
        try await Self.withDefinition { s in
            let created = try await s.create(F.statefulPodSet("web"), in: F.collection)
            let merged = try await s.request(
                .PATCH, F.collection + "/web",
                json: ["metadata": ["labels": ["tier": "db"]], "spec": ["replicas": 5, "podManagementPolicy": "Parallel"]],
                contentType: "application/merge-patch+json")
            #expect(merged.status == 200)
            var expected = created
            expected["metadata"]?["labels"] = ["tier": "db"]
            expected["spec"]?["replicas"] = 5
            expected["spec"]?["podManagementPolicy"] = "Parallel"
            expected["metadata"]?["generation"] = 2
            #expect(merged.json.withoutVersion == expected.withoutVersion)

            let patched = try await s.request(
                .PATCH, F.collection + "/web",
                json: [
                    ["op": "test", "path": "/spec/replicas", "value": 5],
                    ["op": "replace", "path": "/spec/replicas", "value": 6],
                    ["op": "add", "path": "/metadata/annotations", "value": ["note": "x"]],
                ],
                contentType: "application/json-patch+json")
            #expect(patched.status == 200)
            expected["spec"]?["replicas"] = 6
            expected["metadata"]?["annotations"] = ["note": "x"]
            expected["metadata"]?["generation"] = 3
            #expect(patched.json.withoutVersion == expected.withoutVersion)
            #expect(try await s.get(F.collection + "/web").withoutVersion == expected.withoutVersion)
        }
    }

    @Test func statusSubresourceSeparatesSpecAndStatus() async throws {
        try await Self.withDefinition { s in
            var object = F.statefulPodSet("web")
            object["status"] = ["replicas": 7]
            var current = try await s.create(object, in: F.collection)
            #expect(current["status"] == nil)  // status is ignored on create

            current["status"] = ["replicas": 2, "readyReplicas": 1]
            current["spec"]?["replicas"] = 3
            let put = try await s.request(.PUT, F.collection + "/web", json: current)
            #expect(put.status == 200)
            #expect(put.json["status"] == nil)
            #expect(put.json[path: ["spec", "replicas"]] == 3)
            #expect(put.json[path: ["metadata", "generation"]] == 2)

            var statusBody = put.json
            statusBody["status"] = ["replicas": 3, "readyReplicas": 2, "observedGeneration": 2, "bogus": true]
            statusBody["spec"]?["replicas"] = 10
            let status = try await s.request(.PUT, F.collection + "/web/status", json: statusBody)
            #expect(status.status == 200, "\(status.json)")
            #expect(status.json[path: ["status", "readyReplicas"]] == 2)
            #expect(status.json[path: ["status", "bogus"]] == nil)  // pruned
            #expect(status.json[path: ["spec", "replicas"]] == 3)
            #expect(status.json[path: ["metadata", "generation"]] == 2)

            let badStatus = try await s.request(
                .PATCH, F.collection + "/web/status", json: ["status": ["readyReplicas": -2]],
                contentType: "application/merge-patch+json")
            #expect(badStatus.status == 422)
            #expect(Self.causes(badStatus) == ["status.readyReplicas"])

            let labels = try await s.request(
                .PATCH, F.collection + "/web", json: ["metadata": ["labels": ["a": "b"]]],
                contentType: "application/merge-patch+json")
            #expect(labels.json[path: ["metadata", "generation"]] == 2)  // metadata is not spec
        }
    }

    @Test func scaleSubresourceReadsAndWritesTheCRDPaths() async throws {
        try await Self.withDefinition { s in
            _ = try await s.create(F.statefulPodSet("web"), in: F.collection)
            _ = try await s.request(
                .PATCH, F.collection + "/web/status", json: ["status": ["replicas": 2, "selector": "app=web"]],
                contentType: "application/merge-patch+json")
            let scale = try await s.request(.GET, F.collection + "/web/scale")
            #expect(scale.status == 200)
            #expect(scale.json["apiVersion"] == "autoscaling/v1")
            #expect(scale.json["kind"] == "Scale")
            #expect(scale.json[path: ["spec", "replicas"]] == 2)
            #expect(scale.json[path: ["status", "replicas"]] == 2)
            #expect(scale.json[path: ["status", "selector"]] == "app=web")

            var body = scale.json
            body["spec"] = ["replicas": 5]
            let put = try await s.request(.PUT, F.collection + "/web/scale", json: body)
            #expect(put.status == 200)
            #expect(put.json[path: ["spec", "replicas"]] == 5)
            let stale = try await s.request(.PUT, F.collection + "/web/scale", json: body)
            #expect(stale.status == 409)
            let patch = try await s.request(
                .PATCH, F.collection + "/web/scale", json: ["spec": ["replicas": 6]],
                contentType: "application/merge-patch+json")
            #expect(patch.json[path: ["spec", "replicas"]] == 6)
            let negative = try await s.request(
                .PATCH, F.collection + "/web/scale", json: ["spec": ["replicas": -1]],
                contentType: "application/merge-patch+json")
            #expect(negative.status == 422)

            let object = try await s.request(.GET, F.collection + "/web").json
            #expect(object[path: ["spec", "replicas"]] == 6)
            #expect(object[path: ["metadata", "generation"]] == 3)
            #expect(object[path: ["status", "selector"]] == "app=web")
        }
    }

    @Test func tableShowsThePrinterColumns() async throws {
        try await Self.withDefinition { s in
            _ = try await s.create(F.statefulPodSet("web", replicas: 3), in: F.collection)
            _ = try await s.request(
                .PATCH, F.collection + "/web/status", json: ["status": ["readyReplicas": 2, "updateRevision": "web-abc"]],
                contentType: "application/merge-patch+json")
            let reply = try await s.tableRequest(F.collection)
            let columns = reply["columnDefinitions"]?.arrayValue ?? []
            #expect(columns.compactMap { $0["name"]?.stringValue } == ["Name", "Replicas", "Ready", "Policy", "Revision", "Age"])
            #expect(columns.first { $0["name"] == "Revision" }?["priority"] == 1)
            let cells = reply["rows"]?.arrayValue?.first?["cells"]?.arrayValue ?? []
            #expect(cells.count == 6)
            #expect(Array(cells.prefix(5)) == ["web", 3, 2, .null, "web-abc"])  // no rollingUpdate: no policy
            #expect(cells.last?.stringValue?.hasSuffix("s") == true)
        }
    }
}

extension TestServer {
    /// GET asking for the Table that `kubectl get` asks for.
    func tableRequest(_ path: String) async throws -> JSONValue {
        var request = HTTPClientRequest(url: server.baseURL + path)
        request.headers.add(name: "Authorization", value: "Bearer \(server.token)")
        request.headers.add(name: "Accept", value: "application/json;as=Table;v=v1;g=meta.k8s.io,application/json")
        let response = try await client.execute(request, timeout: .seconds(30))
        var body = try await response.body.collect(upTo: 16 * 1024 * 1024)
        return try KubeJSON.parse(body.readData(length: body.readableBytes) ?? Data())
    }
}
