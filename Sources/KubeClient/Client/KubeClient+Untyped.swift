import Foundation
import KubeModel
import NIOHTTP1

/// Untyped access to any resource, core or custom, by ``ResourceType``.
///
/// `namespace` defaults to the object's namespace, then to ``ClientConfiguration/namespace``, for
/// namespaced resources (except `list`/`watch`, where nil means all namespaces).
extension KubeClient {
    public func get(
        _ resource: ResourceType, name: String, namespace: String? = nil, subresource: String? = nil
    ) async throws -> JSONValue {
        let path = objectPath(resource, name: name, namespace: self.namespace(for: resource, explicit: namespace),
            subresource: subresource)
        return try Self.decodeValue(try await send(.GET, path, verb: "GET"), path: path)
    }

    /// One object's metadata only (client-go's metadata client): a `meta.k8s.io/v1` PartialObjectMetadata.
    public func getMetadata(_ resource: ResourceType, name: String, namespace: String? = nil) async throws -> JSONValue {
        let path = objectPath(resource, name: name, namespace: self.namespace(for: resource, explicit: namespace),
            subresource: nil)
        let data = try await send(.GET, path, verb: "GET", accept: Self.acceptMetadata)
        return try Self.decodeValue(data, path: path)
    }

    /// The objects' metadata only, as a PartialObjectMetadataList; `namespace: nil` lists all namespaces.
    public func listMetadata(
        _ resource: ResourceType, namespace: String? = nil, options: ListOptions = ListOptions()
    ) async throws -> ObjectList {
        let path = resource.collectionPath(namespace: namespace.flatMap { $0.isEmpty ? nil : $0 })
        let data = try await send(.GET, path, verb: "LIST", query: options.queryItems, accept: Self.acceptMetadataList)
        return try ObjectList.decode(try Self.decodeValue(data, path: path), resource: resource)
    }

    static let acceptMetadata = "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1"
    static let acceptMetadataList = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1"

    /// The body of a GET of any path (`/metrics`, `/version`, or a collection as a Table with
    /// `accept`), as the server sent it.
    public func getRaw(_ path: String, accept: String = "application/json") async throws -> Data {
        try await send(.GET, path, verb: "GET", accept: accept)
    }

    /// One page (or all, without `limit`) of objects; `namespace: nil` lists across all namespaces.
    public func list(
        _ resource: ResourceType, namespace: String? = nil, options: ListOptions = ListOptions()
    ) async throws -> ObjectList {
        let path = resource.collectionPath(namespace: namespace.flatMap { $0.isEmpty ? nil : $0 })
        let data = try await send(.GET, path, verb: "LIST", query: options.queryItems)
        do {
            return try ObjectList.decode(try Self.decodeValue(data, path: path), resource: resource)
        } catch let error as KubeClientError {
            throw error
        } catch {
            throw KubeClientError.decoding(path: path, message: "\(error)")
        }
    }

    /// Creates `object` (POST). With a `subresource` (e.g. `binding`), posts to
    /// `{collection}/{name}/{subresource}`; `name` defaults to the object's `metadata.name`.
    public func create(
        _ resource: ResourceType, _ object: JSONValue, namespace: String? = nil, subresource: String? = nil,
        name: String? = nil
    ) async throws -> JSONValue {
        let namespace = self.namespace(for: resource, explicit: namespace, object: object)
        let path: String
        if let subresource {
            guard let objectName = name ?? object["metadata"]?["name"]?.stringValue, !objectName.isEmpty else {
                throw KubeClientError.invalidRequest("create of \(resource)/\(subresource) needs a name")
            }
            path = objectPath(resource, name: objectName, namespace: namespace, subresource: subresource)
        } else {
            path = resource.collectionPath(namespace: namespace)
        }
        let data = try await send(.POST, path, verb: "CREATE", body: try Self.body(object))
        return try Self.decodeValue(data, path: path)
    }

    /// Replaces `object` (PUT). The object's `metadata.resourceVersion`, when set, makes the server
    /// refuse a stale write with 409 Conflict (``KubeAPIError/isConflict``).
    public func update(
        _ resource: ResourceType, _ object: JSONValue, namespace: String? = nil, subresource: String? = nil
    ) async throws -> JSONValue {
        guard let name = object["metadata"]?["name"]?.stringValue, !name.isEmpty else {
            throw KubeClientError.invalidRequest("update of \(resource) needs metadata.name")
        }
        let path = objectPath(
            resource, name: name, namespace: self.namespace(for: resource, explicit: namespace, object: object),
            subresource: subresource)
        let data = try await send(.PUT, path, verb: "UPDATE", body: try Self.body(object))
        return try Self.decodeValue(data, path: path)
    }

    /// Patches an object; the content type follows the ``Patch`` case. Server-side apply
    /// (``Patch/apply(yaml:)``) sends `fieldManager` and `force`.
    public func patch(
        _ resource: ResourceType, name: String, namespace: String? = nil, patch: Patch, subresource: String? = nil,
        fieldManager: String? = nil, force: Bool = false
    ) async throws -> JSONValue {
        let path = objectPath(
            resource, name: name, namespace: self.namespace(for: resource, explicit: namespace),
            subresource: subresource)
        var query: [(String, String)] = []
        if case .apply = patch {
            query.append(("fieldManager", fieldManager ?? "stead"))
            if force { query.append(("force", "true")) }
        } else if let fieldManager {
            query.append(("fieldManager", fieldManager))
        }
        let body: [UInt8]
        do { body = try patch.body() } catch { throw KubeClientError.invalidRequest("cannot encode patch: \(error)") }
        let data = try await send(
            .PATCH, path, verb: "PATCH", query: query, body: body, contentType: patch.contentType)
        return try Self.decodeValue(data, path: path)
    }

    /// Deletes an object. Returns what the server answered: the object (when deletion is graceful or
    /// held by finalizers) or a `Status`.
    @discardableResult
    public func delete(
        _ resource: ResourceType, name: String, namespace: String? = nil, options: DeleteOptions = DeleteOptions()
    ) async throws -> JSONValue {
        let path = objectPath(resource, name: name, namespace: self.namespace(for: resource, explicit: namespace),
            subresource: nil)
        let data = try await send(.DELETE, path, verb: "DELETE", body: try Self.body(options))
        return try Self.decodeValue(data, path: path)
    }

    /// Deletes every object of the collection that `selection`'s label and field selectors match, in one
    /// request (client-go's DeleteCollection); returns them as the server left them.
    public func deleteCollection(
        _ resource: ResourceType, namespace: String? = nil, selection: ListOptions = ListOptions(),
        options: DeleteOptions = DeleteOptions()
    ) async throws -> ObjectList {
        let path = resource.collectionPath(namespace: self.namespace(for: resource, explicit: namespace))
        let data = try await send(.DELETE, path, verb: "DELETECOLLECTION", query: selection.queryItems, body: try Self.body(options))
        return try ObjectList.decode(try Self.decodeValue(data, path: path), resource: resource)
    }

    /// The DeleteOptions body, nil when every option is the server's default.
    private static func body(_ options: DeleteOptions) throws -> [UInt8]? {
        guard !options.isEmpty else { return nil }
        var value: JSONObject = ["apiVersion": "v1", "kind": "DeleteOptions"]
        if let policy = options.propagationPolicy { value["propagationPolicy"] = .string(policy.rawValue) }
        if let grace = options.gracePeriodSeconds { value["gracePeriodSeconds"] = .int(Int64(grace)) }
        var preconditions: JSONObject = [:]
        if let uid = options.preconditionUID { preconditions["uid"] = .string(uid) }
        if let rv = options.preconditionResourceVersion { preconditions["resourceVersion"] = .string(rv) }
        if !preconditions.isEmpty { value["preconditions"] = .object(preconditions) }
        return try Self.body(.object(value))
    }

    func objectPath(_ resource: ResourceType, name: String, namespace: String?, subresource: String?) -> String {
        let path = resource.objectPath(namespace: namespace, name: Self.pathSegment(name))
        guard let subresource, !subresource.isEmpty else { return path }
        return path + "/" + subresource
    }

    /// `name` percent-encoded for one path segment.
    static func pathSegment(_ name: String) -> String { percentEncoded(name, allowing: segmentAllowed) }

    private static let segmentAllowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))

    static func body(_ value: JSONValue) throws -> [UInt8] {
        do { return Array(try KubeJSON.serialize(value)) } catch {
            throw KubeClientError.invalidRequest("cannot encode body: \(error)")
        }
    }
}
