import KubeModel

/// One change the store committed: what the object became (for DELETED, its last state carrying the
/// deletion's resourceVersion) and what it was before.
struct StoreEvent: Sendable {
    var resourceVersion: Int64
    var resource: String
    var type: WatchEventType
    var object: StoredObject
    var previous: StoredObject?

    /// The event a watcher with `filter` sees, or nil. An object that stops matching is reported as
    /// DELETED and one that starts matching as ADDED, like Kubernetes.
    func projected(through filter: ObjectFilter) -> WatchItem? {
        switch type {
        case .added:
            return filter.matches(object.object) ? .event(.added, object) : nil
        case .deleted:
            return filter.matches(previous?.object ?? object.object) ? .event(.deleted, object) : nil
        case .modified:
            let was = previous.map { filter.matches($0.object) } ?? false
            let now = filter.matches(object.object)
            switch (was, now) {
            case (true, true): return .event(.modified, object)
            case (true, false): return .event(.deleted, object)
            case (false, true): return .event(.added, object)
            case (false, false): return nil
            }
        case .bookmark, .error:
            return nil
        }
    }
}

/// What a watch stream carries.
enum WatchItem: Sendable {
    case event(WatchEventType, StoredObject)
    case bookmark(Int64)
    case error(Status)
}
