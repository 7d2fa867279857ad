import KubeModel

/// Callbacks of an ``Informer``. Following client-go, handlers should be quick — typically they only
/// enqueue the object's key — because the informer delivers events one at a time.
public struct EventHandler<T: KubeResource>: Sendable {
    public var onAdd: @Sendable (T) async -> Void
    public var onUpdate: @Sendable (_ old: T, _ new: T) async -> Void
    public var onDelete: @Sendable (T) async -> Void

    public init(
        onAdd: @escaping @Sendable (T) async -> Void = { _ in },
        onUpdate: @escaping @Sendable (_ old: T, _ new: T) async -> Void = { _, _ in },
        onDelete: @escaping @Sendable (T) async -> Void = { _ in }
    ) {
        self.onAdd = onAdd
        self.onUpdate = onUpdate
        self.onDelete = onDelete
    }

    /// A handler adding the key (`namespace/name`) of every added, updated or deleted object to `queue`.
    public static func enqueueKeys(into queue: WorkQueue<String>) -> EventHandler<T> {
        EventHandler(
            onAdd: { await queue.add($0.key) },
            onUpdate: { _, new in await queue.add(new.key) },
            onDelete: { await queue.add($0.key) })
    }
}
