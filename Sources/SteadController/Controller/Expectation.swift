import Foundation
import KubeModel

/// A write of the controller its informers may not show yet. Until they do, the cached object is stale
/// and the controller must not act on it (it would act twice). Opaque-safe: resourceVersions are only
/// compared for equality.
enum Expectation: Sendable, Hashable {
    /// The object was changed; its resourceVersion before the write.
    case written(previousVersion: String?)
    /// The pod was created; the cache must show it.
    case created
    /// The object was deleted; the cache must drop it or show it terminating.
    case deleted(uid: String?)

    /// Whether `cached` (nil: absent from the cache) still predates the write.
    func isStale(_ cached: VersionStamp?) -> Bool {
        switch self {
        case .written(let previous):
            guard let cached else { return false }
            return cached.resourceVersion == previous
        case .created:
            return cached == nil
        case .deleted(let uid):
            guard let cached else { return false }
            return cached.uid == uid && !cached.terminating
        }
    }
}

/// What an expectation compares a cached object by.
struct VersionStamp: Sendable, Hashable {
    var uid: String?
    var resourceVersion: String?
    var terminating: Bool
}

extension KubeResource {
    var versionStamp: VersionStamp {
        VersionStamp(
            uid: metadata.uid, resourceVersion: metadata.resourceVersion, terminating: metadata.deletionTimestamp != nil)
    }
}
