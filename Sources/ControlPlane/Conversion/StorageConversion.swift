import KubeModel

/// A resource served from another resource's objects, as Kubernetes serves events.k8s.io/v1 Events
/// from the core/v1 Events it stores: the store keeps one form and converts on the way in and out, so
/// that both resources see the same objects (names, uids, resourceVersions, watches).
struct StorageConversion: Sendable {
    /// The resource whose objects these are (its storage key is shared).
    let storage: ResourceType
    let toStorage: @Sendable (JSONValue) -> JSONValue
    let fromStorage: @Sendable (JSONValue) -> JSONValue

    /// A stored object as this resource serves it.
    func served(_ stored: StoredObject) -> StoredObject {
        let object = fromStorage(stored.object)
        return StoredObject(
            object: object, resourceVersion: stored.resourceVersion, data: (try? KubeJSON.serialize(object)) ?? stored.data)
    }

    func served(_ event: StoreEvent) -> StoreEvent {
        var event = event
        event.object = served(event.object)
        event.previous = event.previous.map(served)
        return event
    }

    /// Kubernetes' conversion between events.k8s.io/v1 and core/v1 Events: the same fields, some renamed
    /// (`regarding` is `involvedObject`, `note` is `message`, the `deprecated...` fields are the core ones).
    static let events = StorageConversion(
        storage: .core("Event", "events"),
        toStorage: { renamed($0, apiVersion: "v1", keys: eventFieldsToCore) },
        fromStorage: { renamed($0, apiVersion: "events.k8s.io/v1", keys: eventFieldsFromCore) })

    /// A version of a custom resource whose CRD has several: stored in the storage version, served with
    /// this version's `apiVersion`, the fields as they are (Kubernetes' `None` conversion strategy; a
    /// `Webhook` strategy's webhook is not called).
    static func customResource(stored: ResourceType, served: ResourceType) -> StorageConversion {
        StorageConversion(
            storage: stored,
            toStorage: { renamed($0, apiVersion: stored.apiVersion, keys: [:]) },
            fromStorage: { renamed($0, apiVersion: served.apiVersion, keys: [:]) })
    }

    private static let eventFieldsToCore = [
        "regarding": "involvedObject", "note": "message", "reportingController": "reportingComponent",
        "deprecatedSource": "source", "deprecatedFirstTimestamp": "firstTimestamp",
        "deprecatedLastTimestamp": "lastTimestamp", "deprecatedCount": "count",
    ]
    private static let eventFieldsFromCore = Dictionary(uniqueKeysWithValues: eventFieldsToCore.map { ($0.value, $0.key) })

    private static func renamed(_ object: JSONValue, apiVersion: String, keys: [String: String]) -> JSONValue {
        guard var fields = object.objectValue else { return object }
        for (from, to) in keys {
            if let value = fields.removeValue(forKey: from) { fields[to] = value }
        }
        fields["apiVersion"] = .string(apiVersion)
        return .object(fields)
    }
}
