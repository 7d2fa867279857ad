import Foundation
import KubeModel

/// Typed access through ``KubeModel/KubeJSON``: fields a model does not declare survive a
/// read-modify-write.
extension KubeClient {
    public func get<T: KubeResource>(
        _ type: T.Type, name: String, namespace: String? = nil, subresource: String? = nil
    ) async throws -> T {
        try Self.decodeObject(
            T.self, try await get(T.resourceType, name: name, namespace: namespace, subresource: subresource))
    }

    public func list<T: KubeResource>(
        _ type: T.Type, namespace: String? = nil, options: ListOptions = ListOptions()
    ) async throws -> ResourceList<T> {
        let untyped = try await list(T.resourceType, namespace: namespace, options: options)
        do {
            return ResourceList(metadata: untyped.metadata, items: try untyped.items.map { try Self.decode(T.self, $0) })
        } catch {
            throw KubeClientError.decoding(path: T.resourceType.description, message: "\(error)")
        }
    }

    /// Lists every page (`limit` per page) and returns all items with the resourceVersion of the list.
    public func listAll<T: KubeResource>(
        _ type: T.Type, namespace: String? = nil, options: ListOptions = ListOptions(), pageSize: Int = 500
    ) async throws -> ResourceList<T> {
        var options = options
        options.limit = pageSize
        var all = ResourceList<T>(items: [])
        repeat {
            let page = try await list(T.self, namespace: namespace, options: options)
            all.items += page.items
            all.metadata = page.metadata
            options.continue = page.metadata.continue
        } while !(options.continue ?? "").isEmpty
        all.metadata.continue = nil
        return all
    }

    public func create<T: KubeResource>(
        _ object: T, namespace: String? = nil, subresource: String? = nil
    ) async throws -> T {
        try Self.decodeObject(
            T.self,
            try await create(T.resourceType, try Self.encode(object), namespace: namespace, subresource: subresource))
    }

    public func update<T: KubeResource>(
        _ object: T, namespace: String? = nil, subresource: String? = nil
    ) async throws -> T {
        try Self.decodeObject(
            T.self,
            try await update(T.resourceType, try Self.encode(object), namespace: namespace, subresource: subresource))
    }

    public func patch<T: KubeResource>(
        _ type: T.Type, name: String, namespace: String? = nil, patch: Patch, subresource: String? = nil,
        fieldManager: String? = nil, force: Bool = false
    ) async throws -> T {
        try Self.decodeObject(
            T.self,
            try await self.patch(
                T.resourceType, name: name, namespace: namespace, patch: patch, subresource: subresource,
                fieldManager: fieldManager, force: force))
    }

    public func delete<T: KubeResource>(
        _ type: T.Type, name: String, namespace: String? = nil, options: DeleteOptions = DeleteOptions()
    ) async throws {
        try await delete(T.resourceType, name: name, namespace: namespace, options: options)
    }

    /// A typed watch (see ``watch(_:namespace:options:)-(ResourceType,_,_)``). `BOOKMARK` events whose
    /// object does not decode as `T` are skipped.
    public func watch<T: KubeResource>(
        _ type: T.Type, namespace: String? = nil, options: WatchOptions = WatchOptions()
    ) -> AsyncThrowingStream<WatchEvent<T>, any Error> {
        let cursor = TypedWatchCursor<T>(raw: watch(T.resourceType, namespace: namespace, options: options))
        return AsyncThrowingStream(unfolding: { try await cursor.next() })
    }

    static func decode<T: KubeResource>(_ type: T.Type, _ value: JSONValue) throws -> T {
        var object = try KubeJSON.decode(T.self, from: value)
        object.fillTypeMeta()
        return object
    }

    static func decodeObject<T: KubeResource>(_ type: T.Type, _ value: JSONValue) throws -> T {
        do { return try decode(T.self, value) } catch {
            throw KubeClientError.decoding(path: T.resourceType.description, message: "\(error)")
        }
    }

    static func encode<T: KubeResource>(_ object: T) throws -> JSONValue {
        var object = object
        object.fillTypeMeta()
        do { return try KubeJSON.encodeToValue(object) } catch {
            throw KubeClientError.invalidRequest("cannot encode \(T.self): \(error)")
        }
    }
}

/// Decodes a raw watch stream as `T`; `@unchecked Sendable` for the same reason as ``WatchCursor``.
final class TypedWatchCursor<T: KubeResource>: @unchecked Sendable {
    private var raw: AsyncThrowingStream<WatchEvent<JSONValue>, any Error>.AsyncIterator

    init(raw: AsyncThrowingStream<WatchEvent<JSONValue>, any Error>) {
        self.raw = raw.makeAsyncIterator()
    }

    func next() async throws -> WatchEvent<T>? {
        while let event = try await raw.next() {
            guard let object = try? KubeClient.decode(T.self, event.object) else {
                if event.type == .bookmark { continue }
                throw KubeClientError.decoding(
                    path: T.resourceType.description, message: "watch event object is not a \(T.self)")
            }
            return WatchEvent(type: event.type, object: object)
        }
        return nil
    }
}
