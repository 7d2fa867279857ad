import ControlPlane
import Foundation
import KubeModel
import Testing

/// Graceful deletion of pods and finalizers, over HTTP, with the watch events they make.
@Suite struct DeletionTests {
    static let pods = "/api/v1/namespaces/default/pods"

    @Test func podOnANodeIsDeletedGracefullyThenConfirmed() async throws {
        try await TestServer.with { s in
            var pod = TestServer.pod("web", node: "node-1")
            pod["spec"]?["terminationGracePeriodSeconds"] = 45
            let created = try await s.create(pod, in: Self.pods)
            let path = "\(Self.pods)/web"

            let marked = try await s.request(.DELETE, path)
            #expect(marked.status == 200)
            #expect(marked.json[path: ["metadata", "deletionGracePeriodSeconds"]] == 45)
            #expect(marked.json.isMarkedForDeletion)
            let stamp = marked.json[path: ["metadata", "deletionTimestamp"]]?.stringValue.flatMap { KubeTime(text: $0) }
            let createdAt = created[path: ["metadata", "creationTimestamp"]]?.stringValue.flatMap { KubeTime(text: $0) }
            if let stamp, let createdAt {
                // Kubernetes sets deletionTimestamp to the end of the grace period.
                #expect(stamp.date.timeIntervalSince(createdAt.date) >= 44)
            }
            #expect(try await s.exists(path), "the pod stays until its kubelet confirms")

            // A longer grace period is ignored; a shorter one shortens it.
            let longer = try await s.request(.DELETE, path + "?gracePeriodSeconds=100")
            #expect(longer.json[path: ["metadata", "deletionGracePeriodSeconds"]] == 45)
            let shorter = try await s.request(.DELETE, path + "?gracePeriodSeconds=10")
            #expect(shorter.json[path: ["metadata", "deletionGracePeriodSeconds"]] == 10)

            // The kubelet's confirmation: grace 0 with a UID precondition.
            let confirm: JSONValue = ["kind": "DeleteOptions", "apiVersion": "v1", "gracePeriodSeconds": 0, "preconditions": ["uid": created[path: ["metadata", "uid"]] ?? ""]]
            let removed = try await s.request(.DELETE, path, json: confirm)
            #expect(removed.status == 200)
            #expect(try await !s.exists(path))

            let events = try await s.watch(
                "\(Self.pods)?watch=1&resourceVersion=\(created.resourceVersion)", timeout: .seconds(5),
                until: { $0.count >= 3 })
            #expect(events.events.map(\.type) == [.modified, .modified, .deleted])
            #expect(events.events.first?.object.isMarkedForDeletion == true)
        }
    }

    @Test func gracePeriodDefaultsAndImmediateCases() async throws {
        try await TestServer.with { s in
            _ = try await s.create(TestServer.pod("bound", node: "node-1"), in: Self.pods)
            let defaulted = try await s.request(.DELETE, "\(Self.pods)/bound")
            #expect(defaulted.json[path: ["metadata", "deletionGracePeriodSeconds"]] == 30)

            _ = try await s.create(TestServer.pod("override", node: "node-1"), in: Self.pods)
            let body: JSONValue = ["kind": "DeleteOptions", "apiVersion": "v1", "gracePeriodSeconds": 5]
            let overridden = try await s.request(.DELETE, "\(Self.pods)/override", json: body)
            #expect(overridden.json[path: ["metadata", "deletionGracePeriodSeconds"]] == 5)

            _ = try await s.create(TestServer.pod("unbound"), in: Self.pods)
            let unbound = try await s.request(.DELETE, "\(Self.pods)/unbound")
            #expect(unbound.status == 200)
            #expect(try await !s.exists("\(Self.pods)/unbound"), "a pod on no node goes at once")

            _ = try await s.create(TestServer.pod("forced", node: "node-1"), in: Self.pods)
            let forced = try await s.request(.DELETE, "\(Self.pods)/forced?gracePeriodSeconds=0")
            #expect(forced.status == 200)
            #expect(try await !s.exists("\(Self.pods)/forced"), "grace 0 removes at once")

            _ = try await s.create(TestServer.configMap("plain"), in: TestServer.configMaps)
            _ = try await s.request(.DELETE, "\(TestServer.configMaps)/plain?gracePeriodSeconds=30")
            #expect(try await !s.exists("\(TestServer.configMaps)/plain"), "other kinds have no grace period")
        }
    }

    @Test func finalizerHoldsAnObjectUntilRemoved() async throws {
        try await TestServer.with { s in
            var held = TestServer.configMap("held")
            held["metadata"]?["finalizers"] = ["example.com/a", "example.com/b"]
            let created = try await s.create(held, in: TestServer.configMaps)
            let path = "\(TestServer.configMaps)/held"

            let marked = try await s.request(.DELETE, path)
            #expect(marked.status == 200)
            #expect(marked.json.isMarkedForDeletion)
            #expect(marked.json[path: ["metadata", "deletionGracePeriodSeconds"]] == 0)
            #expect(try await s.exists(path))

            let adding = try await s.request(
                .PATCH, path, json: ["metadata": ["finalizers": ["example.com/a", "example.com/b", "example.com/c"]]],
                contentType: "application/merge-patch+json")
            #expect(adding.status == 422, "no new finalizers on an object being deleted")

            let one = try await s.request(
                .PATCH, path, json: [["op": "remove", "path": "/metadata/finalizers/0"]],
                contentType: "application/json-patch+json")
            #expect(one.status == 200)
            #expect(one.json.finalizerList == ["example.com/b"])
            #expect(try await s.exists(path), "one finalizer left still holds it")

            try await s.releaseFinalizers(path)
            #expect(try await !s.exists(path))

            let events = try await s.watch(
                "\(TestServer.configMaps)?watch=1&resourceVersion=\(created.resourceVersion)", timeout: .seconds(5),
                until: { $0.count >= 3 })
            #expect(events.events.map(\.type) == [.modified, .modified, .deleted])
        }
    }

    @Test func podWithFinalizerWaitsForBothKubeletAndFinalizer() async throws {
        try await TestServer.with { s in
            var pod = TestServer.pod("kept", node: "node-1")
            pod["metadata"]?["finalizers"] = ["example.com/hold"]
            _ = try await s.create(pod, in: Self.pods)
            let path = "\(Self.pods)/kept"
            _ = try await s.request(.DELETE, path)
            // Removing the finalizer while the grace period runs leaves the kubelet's confirmation to come.
            try await s.releaseFinalizers(path)
            #expect(try await s.exists(path))
            let confirmed = try await s.request(.DELETE, path + "?gracePeriodSeconds=0")
            #expect(confirmed.status == 200)
            #expect(try await !s.exists(path))

            pod["metadata"]?["name"] = "kept2"
            _ = try await s.create(pod, in: Self.pods)
            let path2 = "\(Self.pods)/kept2"
            _ = try await s.request(.DELETE, path2 + "?gracePeriodSeconds=0")
            #expect(try await s.exists(path2), "the finalizer holds it after the kubelet's confirmation")
            #expect(try await s.get(path2)[path: ["metadata", "deletionGracePeriodSeconds"]] == 0)
            try await s.releaseFinalizers(path2)
            #expect(try await !s.exists(path2))
        }
    }

    @Test func badDeleteOptions() async throws {
        try await TestServer.with { s in
            _ = try await s.create(TestServer.configMap("x"), in: TestServer.configMaps)
            let both: JSONValue = ["orphanDependents": true, "propagationPolicy": "Orphan"]
            let reply = try await s.request(.DELETE, "\(TestServer.configMaps)/x", json: both)
            #expect(reply.status == 422)
            let immortal = try await s.request(.DELETE, "/api/v1/namespaces/default")
            #expect(immortal.status == 403)
            #expect(immortal.json["message"]?.stringValue == "namespaces \"default\" is forbidden: this namespace may not be deleted")
        }
    }
}
