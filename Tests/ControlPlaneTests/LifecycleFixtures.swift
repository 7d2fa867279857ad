import ControlPlane
import Foundation
import KubeModel

/// Helpers for the deletion, garbage collection and namespace tests.
extension TestServer {
    static let configMaps = "/api/v1/namespaces/default/configmaps"

    /// Polls until `condition` holds; throws after `limit` (a hang guard, not a timing bound).
    func waitUntil(
        _ what: String, limit: Duration = .seconds(20), _ condition: () async throws -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw TestFailure("timed out waiting for \(what)")
    }

    func exists(_ path: String) async throws -> Bool {
        let reply = try await request(.GET, path)
        return reply.status == 200
    }

    func get(_ path: String) async throws -> JSONValue {
        let reply = try await request(.GET, path)
        guard reply.status == 200 else { throw TestFailure("GET \(path): \(reply.status)") }
        return reply.json
    }

    /// A ConfigMap owned by `owner`.
    static func dependent(_ name: String, of owner: JSONValue, block: Bool = true, finalizers: [String] = []) -> JSONValue {
        var object = configMap(name)
        object["metadata"]?["ownerReferences"] = [
            [
                "apiVersion": "v1", "kind": "ConfigMap", "name": owner[path: ["metadata", "name"]] ?? "",
                "uid": owner[path: ["metadata", "uid"]] ?? "", "blockOwnerDeletion": .bool(block),
            ]
        ]
        if !finalizers.isEmpty { object["metadata"]?["finalizers"] = .array(finalizers.map { .string($0) }) }
        return object
    }

    /// Merge-patches `metadata.finalizers` away.
    func releaseFinalizers(_ path: String) async throws {
        let reply = try await request(
            .PATCH, path, json: ["metadata": ["finalizers": nil]], contentType: "application/merge-patch+json")
        guard reply.status == 200 else { throw TestFailure("release \(path): \(reply.status) \(reply.json)") }
    }
}

extension JSONValue {
    var isMarkedForDeletion: Bool {
        let timestamp = self[path: ["metadata", "deletionTimestamp"]]
        return timestamp != nil && timestamp != .null
    }

    var finalizerList: [String] { (self[path: ["metadata", "finalizers"]]?.arrayValue ?? []).compactMap(\.stringValue) }

    /// The object without the fields every write changes (its version, and the time in its managed
    /// fields), for comparing whole objects.
    var withoutVersion: JSONValue {
        var copy = self
        copy["metadata"]?["resourceVersion"] = nil
        copy["metadata"]?["managedFields"] = nil
        return copy
    }
}
