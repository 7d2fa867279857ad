import ControlPlane
import Foundation
import KubeModel
import Testing

/// ownerReferences garbage collection: Background, Foreground and Orphan propagation, over HTTP.
@Suite struct GarbageCollectionTests {
    static let names = ["dep-1", "dep-2", "dep-3"]

    /// An owner ConfigMap and three dependents; the dependents named in `held` carry a finalizer.
    static func family(_ s: TestServer, held: Set<String> = []) async throws -> JSONValue {
        let owner = try await s.create(TestServer.configMap("owner"), in: TestServer.configMaps)
        for name in names {
            let finalizers = held.contains(name) ? ["example.com/hold"] : []
            _ = try await s.create(TestServer.dependent(name, of: owner, finalizers: finalizers), in: TestServer.configMaps)
        }
        return owner
    }

    static func path(_ name: String) -> String { "\(TestServer.configMaps)/\(name)" }

    @Test func backgroundDeletesTheOwnerThenItsDependents() async throws {
        try await TestServer.with { s in
            _ = try await Self.family(s)
            let reply = try await s.request(.DELETE, Self.path("owner") + "?propagationPolicy=Background")
            #expect(reply.status == 200)
            #expect(try await !s.exists(Self.path("owner")), "the owner goes at once")
            try await s.waitUntil("dependents collected") {
                for name in Self.names where try await s.exists(Self.path(name)) { return false }
                return true
            }
        }
    }

    @Test func defaultPolicyIsBackground() async throws {
        try await TestServer.with { s in
            _ = try await Self.family(s)
            _ = try await s.request(.DELETE, Self.path("owner"))
            try await s.waitUntil("dependents collected") {
                for name in Self.names where try await s.exists(Self.path(name)) { return false }
                return true
            }
        }
    }

    @Test func foregroundDeletesDependentsFirst() async throws {
        try await TestServer.with { s in
            let owner = try await Self.family(s, held: ["dep-3"])
            let reply = try await s.request(
                .DELETE, Self.path("owner"), json: ["kind": "DeleteOptions", "apiVersion": "v1", "propagationPolicy": "Foreground"])
            #expect(reply.status == 200)
            #expect(reply.json.isMarkedForDeletion)
            #expect(reply.json.finalizerList == ["foregroundDeletion"])

            try await s.waitUntil("free dependents collected, the held one marked") {
                let firstGone = try await !s.exists(Self.path("dep-1"))
                let secondGone = try await !s.exists(Self.path("dep-2"))
                let freeGone = firstGone && secondGone
                let held = try await s.request(.GET, Self.path("dep-3"))
                return freeGone && held.json.isMarkedForDeletion
            }
            let waiting = try await s.get(Self.path("owner"))
            #expect(waiting.isMarkedForDeletion, "the owner is still visible while a dependent blocks it")
            #expect(waiting.finalizerList == ["foregroundDeletion"])

            try await s.releaseFinalizers(Self.path("dep-3"))
            try await s.waitUntil("owner removed") { try await !s.exists(Self.path("owner")) }

            // The owner's DELETED event comes after every dependent's.
            let events = try await s.watch(
                "\(TestServer.configMaps)?watch=1&resourceVersion=\(owner.resourceVersion)", timeout: .seconds(5),
                until: { $0.contains { $0.type == .deleted && $0.object[path: ["metadata", "name"]] == "owner" } })
            let deletions = events.events.filter { $0.type == .deleted }.compactMap { $0.object[path: ["metadata", "name"]]?.stringValue }
            #expect(deletions.last == "owner")
            #expect(Set(deletions) == Set(Self.names + ["owner"]))
        }
    }

    @Test func foregroundDoesNotWaitForNonBlockingDependents() async throws {
        try await TestServer.with { s in
            let owner = try await s.create(TestServer.configMap("owner"), in: TestServer.configMaps)
            _ = try await s.create(
                TestServer.dependent("loose", of: owner, block: false, finalizers: ["example.com/hold"]), in: TestServer.configMaps)
            _ = try await s.request(.DELETE, Self.path("owner") + "?propagationPolicy=Foreground")
            try await s.waitUntil("owner removed") { try await !s.exists(Self.path("owner")) }
            #expect(try await s.get(Self.path("loose")).isMarkedForDeletion)
            try await s.releaseFinalizers(Self.path("loose"))
        }
    }

    @Test func orphanKeepsDependentsWithoutTheReference() async throws {
        try await TestServer.with { s in
            _ = try await Self.family(s)
            let reply = try await s.request(.DELETE, Self.path("owner") + "?propagationPolicy=Orphan")
            #expect(reply.status == 200)
            #expect(reply.json.finalizerList == ["orphan"])
            try await s.waitUntil("owner removed") { try await !s.exists(Self.path("owner")) }
            for name in Self.names {
                let dependent = try await s.get(Self.path(name))
                #expect(dependent[path: ["metadata", "ownerReferences"]] == nil, "\(name) keeps no reference")
                #expect(!dependent.isMarkedForDeletion)
                #expect(dependent["data"] == ["k": "v"])
            }
        }
    }

    @Test func ownersAreCheckedByUID() async throws {
        try await TestServer.with { s in
            let owner = try await s.create(TestServer.configMap("owner"), in: TestServer.configMaps)
            var impostor = owner
            impostor["metadata"]?["uid"] = "00000000-0000-0000-0000-000000000000"
            _ = try await s.create(TestServer.dependent("wrong-uid", of: impostor), in: TestServer.configMaps)
            try await s.waitUntil("dependent of a gone uid collected") { try await !s.exists(Self.path("wrong-uid")) }

            // Two owners, one deleted: the dependent stays and loses only that reference.
            let other = try await s.create(TestServer.configMap("other"), in: TestServer.configMaps)
            var shared = TestServer.dependent("shared", of: owner)
            let references = (shared[path: ["metadata", "ownerReferences"]]?.arrayValue ?? [])
                + (TestServer.dependent("x", of: other)[path: ["metadata", "ownerReferences"]]?.arrayValue ?? [])
            shared["metadata"]?["ownerReferences"] = .array(references)
            _ = try await s.create(shared, in: TestServer.configMaps)
            _ = try await s.request(.DELETE, Self.path("other"))
            try await s.waitUntil("dangling reference removed") {
                let refs = try await s.get(Self.path("shared"))[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []
                return refs.count == 1 && refs.first?["name"] == "owner"
            }
        }
    }

    /// Dependents are checked when they appear or their references change, not on every write: an
    /// update that points a dependent at a gone owner collects it; other updates leave it alone.
    @Test func aDependentIsCheckedWhenItsReferencesChange() async throws {
        try await TestServer.with { s in
            let owner = try await s.create(TestServer.configMap("owner"), in: TestServer.configMaps)
            _ = try await s.create(TestServer.dependent("dep", of: owner), in: TestServer.configMaps)
            let relabel = try await s.request(
                .PATCH, Self.path("dep"), json: ["metadata": ["labels": ["touched": "yes"]]],
                contentType: "application/merge-patch+json")
            #expect(relabel.status == 200)
            #expect(try await s.exists(Self.path("dep")), "an update that keeps a live owner keeps the dependent")

            var gone = owner
            gone["metadata"]?["uid"] = "00000000-0000-0000-0000-000000000001"
            let references = TestServer.dependent("dep", of: gone)[path: ["metadata", "ownerReferences"]] ?? .null
            let repoint = try await s.request(
                .PATCH, Self.path("dep"), json: ["metadata": ["ownerReferences": references]],
                contentType: "application/merge-patch+json")
            #expect(repoint.status == 200)
            try await s.waitUntil("dependent of a gone owner collected") { try await !s.exists(Self.path("dep")) }
        }
    }

    @Test func pendingForegroundDeletionSurvivesARestart() async throws {
        let directory = TestServer.makeDirectory()
        let first = try await TestServer(directory: directory)
        do {
            _ = try await Self.family(first, held: ["dep-1"])
            _ = try await first.request(.DELETE, Self.path("owner") + "?propagationPolicy=Foreground")
            try await first.waitUntil("free dependents collected") {
                let second = try await first.exists(Self.path("dep-2"))
                let third = try await first.exists(Self.path("dep-3"))
                return !second && !third
            }
        } catch {
            await first.shutdown()
            throw error
        }
        await first.shutdown(removeDirectory: false)

        let second = try await TestServer(directory: directory)
        do {
            #expect(try await second.get(Self.path("owner")).isMarkedForDeletion)
            try await second.releaseFinalizers(Self.path("dep-1"))
            try await second.waitUntil("owner removed after restart") { try await !second.exists(Self.path("owner")) }
        } catch {
            await second.shutdown()
            throw error
        }
        await second.shutdown()
    }
}
