import KubeClient
import KubeModel

/// Requests whose answers the embedded server and a real Kubernetes must agree on: each check runs
/// against whatever client it is given and returns what it saw, for the caller to compare.
public enum APIChecks {
    /// What a collection delete did (client-go's DeleteCollection).
    public struct CollectionDelete: Equatable, Sendable {
        /// The names the answer listed, sorted.
        public var deleted: [String]
        /// The ConfigMaps left in the namespace, sorted.
        public var remaining: [String]
        /// The discovery verbs of configmaps and of namespaces.
        public var configMapVerbs: [String]
        public var namespaceVerbs: [String]
    }

    /// In `namespace` (which must exist and hold no ConfigMaps named `dc-*`): four ConfigMaps, two of
    /// them labelled `stead.dev/check=delete`; a DELETE of the labelled ones in one request.
    public static func collectionDelete(_ client: KubeClient, namespace: String) async throws -> CollectionDelete {
        for (name, labelled) in [("dc-a", true), ("dc-b", false), ("dc-c", true), ("dc-d", false)] {
            let labels = labelled ? ["stead.dev/check": "delete"] : ["stead.dev/check": "keep"]
            _ = try await client.create(ConfigMap(metadata: ObjectMeta(name: name, namespace: namespace, labels: labels)))
        }
        let answer = try await client.deleteCollection(
            ConfigMap.resourceType, namespace: namespace, selection: ListOptions(labelSelector: "stead.dev/check=delete"))
        let remaining = try await client.list(
            ConfigMap.resourceType, namespace: namespace, options: ListOptions(labelSelector: "stead.dev/check"))
        let core = try KubeJSON.parse(try await client.getRaw("/api/v1"))
        func verbs(_ plural: String) -> [String] {
            let resource = core["resources"]?.arrayValue?.first { $0["name"]?.stringValue == plural }
            return (resource?["verbs"]?.arrayValue ?? []).compactMap(\.stringValue).sorted()
        }
        return CollectionDelete(
            deleted: answer.items.compactMap { $0[path: ["metadata", "name"]]?.stringValue }.sorted(),
            remaining: remaining.items.compactMap { $0[path: ["metadata", "name"]]?.stringValue }.sorted(),
            configMapVerbs: verbs("configmaps"), namespaceVerbs: verbs("namespaces"))
    }

    /// What both servers answer to ``collectionDelete(_:namespace:)``.
    public static let expectedCollectionDelete = CollectionDelete(
        deleted: ["dc-a", "dc-c"], remaining: ["dc-b", "dc-d"],
        configMapVerbs: ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"],
        namespaceVerbs: ["create", "delete", "get", "list", "patch", "update", "watch"])

    /// What metadata-only reads answered (client-go's metadata informers).
    public struct MetadataOnly: Equatable, Sendable {
        /// kind, apiVersion and name of the single read.
        public var object: [String]
        /// kind and name of each listed item.
        public var items: [[String]]
        /// Whether any answer carried the ConfigMap's data.
        public var carriesData: Bool
        public var listHasResourceVersion: Bool
    }

    /// In `namespace`: a ConfigMap `pm-a` with data, then its metadata read alone and listed.
    public static func metadataOnly(_ client: KubeClient, namespace: String) async throws -> MetadataOnly {
        _ = try await client.create(
            ConfigMap(metadata: ObjectMeta(name: "pm-a", namespace: namespace, labels: ["stead.dev/check": "metadata"]), data: ["k": "v"]))
        let object = try await client.getMetadata(ConfigMap.resourceType, name: "pm-a", namespace: namespace)
        let list = try await client.listMetadata(
            ConfigMap.resourceType, namespace: namespace, options: ListOptions(labelSelector: "stead.dev/check=metadata"))
        func strings(_ value: JSONValue, _ paths: [[String]]) -> [String] { paths.map { value[path: $0]?.stringValue ?? "" } }
        return MetadataOnly(
            object: strings(object, [["kind"], ["apiVersion"], ["metadata", "name"]]),
            items: list.items.map { strings($0, [["kind"], ["metadata", "name"]]) },
            carriesData: object["data"] != nil || list.items.contains { $0["data"] != nil },
            listHasResourceVersion: !(list.metadata.resourceVersion ?? "").isEmpty)
    }

    public static let expectedMetadataOnly = MetadataOnly(
        object: ["PartialObjectMetadata", "meta.k8s.io/v1", "pm-a"], items: [["PartialObjectMetadata", "pm-a"]],
        carriesData: false, listHasResourceVersion: true)

    /// The reason and code of the error a watch from `resourceVersion` ends with, or nil when it ended
    /// without one (within 5 s).
    public static func watchError(
        _ client: KubeClient, namespace: String, from resourceVersion: String
    ) async throws -> [String]? {
        let events = client.watch(
            ConfigMap.resourceType, namespace: namespace,
            options: WatchOptions(resourceVersion: resourceVersion, timeoutSeconds: 5))
        do {
            for try await _ in events {}
            return nil
        } catch let error as KubeAPIError {
            return [error.status.reason ?? "", String(error.status.code ?? 0)]
        }
    }

    /// How a watch from a resourceVersion older than the server keeps ends, on either server.
    public static let expectedTooOldWatch = ["Expired", "410"]
}
