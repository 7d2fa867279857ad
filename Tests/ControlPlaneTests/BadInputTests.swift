import AsyncHTTPClient
import ControlPlane
import Foundation
import KubeModel
import Testing

@Suite struct BadInputTests {
    /// Each bad request gets the right code and reason, and the server keeps serving.
    @Test func badRequestsGetStatusAndServerKeepsServing() async throws {
        try await TestServer.with(configure: { $0.maxRequestBodyBytes = 4096 }) { s in
            let cms = "/api/v1/namespaces/default/configmaps"
            func check(_ reply: TestServer.Reply, _ code: Int, _ reason: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
                #expect(reply.status == code, "\(String(decoding: reply.data, as: UTF8.self))", sourceLocation: sourceLocation)
                #expect(reply.json["kind"] == "Status", sourceLocation: sourceLocation)
                #expect(reply.reason == reason, sourceLocation: sourceLocation)
                #expect(reply.json["code"]?.intValue == Int64(code), sourceLocation: sourceLocation)
                let ok = try await s.request(.GET, "/api/v1/namespaces/default")
                #expect(ok.status == 200, sourceLocation: sourceLocation)
            }
            try await check(try await s.request(.POST, cms, body: Data("{not json".utf8)), 400, "BadRequest")
            try await check(try await s.request(.POST, cms, body: Data("[1,2]".utf8)), 400, "BadRequest")
            try await check(try await s.request(.POST, cms, json: ["apiVersion": "v1", "kind": "Pod", "metadata": ["name": "x"]]), 400, "BadRequest")
            try await check(try await s.request(.POST, cms, json: ["apiVersion": "apps/v1", "kind": "ConfigMap", "metadata": ["name": "x"]]), 400, "BadRequest")
            try await check(
                try await s.request(.POST, cms, json: ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "x", "namespace": "other"]]),
                400, "BadRequest")
            let noName = try await s.request(.POST, cms, json: ["apiVersion": "v1", "kind": "ConfigMap", "metadata": [:]])
            try await check(noName, 422, "Invalid")
            #expect(noName.json[path: ["details", "causes"]]?.arrayValue?.first?["field"] == "metadata.name")
            let badName = try await s.request(.POST, cms, json: TestServer.configMap("Bad_Name"))
            try await check(badName, 422, "Invalid")
            #expect(badName.json[path: ["details", "causes"]]?.arrayValue?.first?["field"] == "metadata.name")
            let badNamespace = try await s.request(.POST, "/api/v1/namespaces", json: ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "a.b"]])
            try await check(badNamespace, 422, "Invalid")
            let big = TestServer.configMap("big", data: ["k": String(repeating: "x", count: 8192)])
            try await check(try await s.request(.POST, cms, json: big), 413, "RequestEntityTooLarge")
            try await check(try await s.request(.GET, "/api/v1/widgets"), 404, "NotFound")
            try await check(try await s.request(.GET, "/apis/nope.io/v1/things"), 404, "NotFound")
            try await check(try await s.request(.GET, "/nonsense/path"), 404, "NotFound")
            try await check(try await s.request(.GET, "/api/v1/namespaces/default/pods/p/unknownsub"), 404, "NotFound")
            try await check(try await s.request(.PUT, cms, json: TestServer.configMap("x")), 405, "MethodNotAllowed")
            try await check(try await s.request(.POST, "/api/v1/namespaces/default/configmaps/x", json: TestServer.configMap("x")), 405, "MethodNotAllowed")
            _ = try await s.create(TestServer.configMap("x"), in: cms)
            try await check(
                try await s.request(.PATCH, "\(cms)/x", json: ["data": [:]], contentType: "application/xml"), 415, "UnsupportedMediaType")
            try await check(try await s.request(.PATCH, "\(cms)/x", body: Data("{oops".utf8), contentType: "application/merge-patch+json"), 400, "BadRequest")
            try await check(try await s.request(.PUT, "\(cms)/x", json: TestServer.configMap("y")), 400, "BadRequest")
            try await check(try await s.request(.GET, "\(cms)?limit=abc"), 400, "BadRequest")
            try await check(try await s.request(.GET, "\(cms)?watch=1&resourceVersion=abc"), 400, "BadRequest")
            try await check(try await s.request(.DELETE, "\(cms)/x", json: ["propagationPolicy": "Sometimes"]), 400, "BadRequest")
            let created = try await s.request(.POST, cms, json: TestServer.configMap("fine"))
            #expect(created.status == 201)
        }
    }
}
