import ControlPlane
import Foundation
import KubeModel
import Testing

/// events.k8s.io/v1 Events are core/v1 Events, as on Kubernetes: one set of objects, each served in the
/// form of the API it is read through (`regarding` is `involvedObject`, `note` is `message`, ...).
@Suite struct EventsAPITests {
    static let core = "/api/v1/namespaces/default/events"
    static let events = "/apis/events.k8s.io/v1/namespaces/default/events"

    static let scheduled: JSONValue = [
        "apiVersion": "events.k8s.io/v1", "kind": "Event",
        "metadata": ["name": "web.1", "namespace": "default"],
        "eventTime": "2026-01-02T03:04:05.000000Z", "reportingController": "default-scheduler",
        "reportingInstance": "default-scheduler-vm", "action": "Binding", "reason": "Scheduled", "type": "Normal",
        "regarding": ["kind": "Pod", "namespace": "default", "name": "web", "uid": "u-1"],
        "note": "Successfully assigned default/web to sim-0",
    ]

    @Test func anEventWrittenThroughOneAPIIsReadThroughTheOther() async throws {
        try await TestServer.with { s in
            let created = try await s.request(.POST, Self.events, json: Self.scheduled)
            #expect(created.status == 201)
            #expect(created.json["note"] == "Successfully assigned default/web to sim-0")
            #expect(created.json["apiVersion"] == "events.k8s.io/v1")

            let core = try await s.request(.GET, Self.core + "/web.1").json
            #expect(core["apiVersion"] == "v1")
            #expect(core["message"] == "Successfully assigned default/web to sim-0")
            #expect(core["involvedObject"]?["name"] == "web")
            #expect(core["reportingComponent"] == "default-scheduler")
            #expect(core["note"] == nil && core["regarding"] == nil)
            #expect(core[path: ["metadata", "uid"]] == created.json[path: ["metadata", "uid"]])
            #expect(core[path: ["metadata", "resourceVersion"]] == created.json[path: ["metadata", "resourceVersion"]])

            // A core Event is listed by the events API in its form, and a field selector of that API works.
            let recorded: JSONValue = [
                "metadata": ["name": "web.2", "namespace": "default"], "reason": "Pulled", "type": "Normal",
                "message": "pulled", "count": 2, "source": ["component": "kubelet", "host": "sim-0"],
                "involvedObject": ["kind": "Pod", "namespace": "default", "name": "web"],
                "firstTimestamp": "2026-01-02T03:04:05Z", "lastTimestamp": "2026-01-02T03:04:06Z",
            ]
            #expect(try await s.request(.POST, Self.core, json: recorded).status == 201)
            let listed = try await s.request(.GET, Self.events + "?fieldSelector=regarding.name%3Dweb").json
            let items = listed["items"]?.arrayValue ?? []
            #expect(items.count == 2)
            let pulled = try #require(items.first { $0[path: ["metadata", "name"]] == "web.2" })
            #expect(pulled["apiVersion"] == "events.k8s.io/v1")
            #expect(pulled["note"] == "pulled" && pulled["deprecatedCount"] == 2)
            #expect(pulled["deprecatedSource"] == ["component": "kubelet", "host": "sim-0"])
            #expect(pulled["deprecatedFirstTimestamp"] == "2026-01-02T03:04:05Z")
            #expect(pulled["message"] == nil && pulled["involvedObject"] == nil)
        }
    }

    @Test func patchesWatchesAndDeletesSeeOneObject() async throws {
        try await TestServer.with { s in
            let created = try await s.request(.POST, Self.events, json: Self.scheduled)
            let createdAt = try #require(created.json[path: ["metadata", "resourceVersion"]]?.stringValue.flatMap { Int($0) })
            // A merge patch in the events API's form changes the core Event's message.
            let patched = try await s.request(
                .PATCH, Self.events + "/web.1", json: ["note": "moved"], contentType: "application/merge-patch+json")
            #expect(patched.status == 200)
            #expect(try await s.request(.GET, Self.core + "/web.1").json["message"] == "moved")
            #expect(try await s.request(.DELETE, Self.core + "/web.1").status == 200)
            #expect(try await s.request(.GET, Self.events + "/web.1").status == 404)

            // Replayed from the history, from just before the create: what a watcher then saw.
            let events = try await s.watch(
                Self.events + "?watch=true&resourceVersion=\(createdAt - 1)", until: { $0.count >= 3 }
            ).events
            #expect(events.map(\.type) == [.added, .modified, .deleted])
            #expect(events.map { $0.object["note"] } == ["Successfully assigned default/web to sim-0", "moved", "moved"])
            #expect(events.allSatisfy { $0.object["apiVersion"] == "events.k8s.io/v1" })
        }
    }
}
