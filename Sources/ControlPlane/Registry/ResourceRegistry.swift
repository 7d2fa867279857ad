import KubeModel
import Synchronization

/// The resources the server serves, looked up by group, version and plural name. Resources can be added
/// while the server runs (for CustomResourceDefinitions).
public final class ResourceRegistry: Sendable {
    private struct GroupVersion: Hashable {
        var group: String
        var version: String
    }

    private struct GroupKind: Hashable {
        var group: String
        var kind: String
    }

    private struct Index {
        var byGroupVersion: [GroupVersion: [String: ResourceInfo]] = [:]
        /// Every served version of each resource, in registration order: the garbage collector looks
        /// resources up by storage key and by owner reference on every pod it checks.
        var byStorageKey: [String: [ResourceInfo]] = [:]
        var byGroupKind: [GroupKind: [ResourceInfo]] = [:]
    }

    private let state = Mutex(Index())

    public init(_ resources: [ResourceInfo] = BuiltinResources.all) {
        for resource in resources { register(resource) }
    }

    public func register(_ resource: ResourceInfo) {
        state.withLock { index in
            let type = resource.type
            let previous = index.byGroupVersion[GroupVersion(group: type.group, version: type.version), default: [:]]
                .updateValue(resource, forKey: type.plural)
            if let previous { Self.removeVersion(previous, from: &index) }
            index.byStorageKey[resource.storageKey, default: []].append(resource)
            index.byGroupKind[GroupKind(group: type.group, kind: type.kind), default: []].append(resource)
        }
    }

    public func unregister(_ type: ResourceType) {
        state.withLock { index in
            let key = GroupVersion(group: type.group, version: type.version)
            guard let removed = index.byGroupVersion[key]?.removeValue(forKey: type.plural) else { return }
            if index.byGroupVersion[key]?.isEmpty == true { index.byGroupVersion.removeValue(forKey: key) }
            Self.removeVersion(removed, from: &index)
        }
    }

    private static func removeVersion(_ resource: ResourceInfo, from index: inout Index) {
        let (type, storageKey) = (resource.type, resource.storageKey)
        index.byStorageKey[storageKey]?.removeAll { $0.type == type }
        if index.byStorageKey[storageKey]?.isEmpty == true { index.byStorageKey.removeValue(forKey: storageKey) }
        let groupKind = GroupKind(group: type.group, kind: type.kind)
        index.byGroupKind[groupKind]?.removeAll { $0.type == type }
        if index.byGroupKind[groupKind]?.isEmpty == true { index.byGroupKind.removeValue(forKey: groupKind) }
    }

    public func lookup(group: String, version: String, plural: String) -> ResourceInfo? {
        state.withLock { $0.byGroupVersion[GroupVersion(group: group, version: version)]?[plural] }
    }

    public func hasGroupVersion(group: String, version: String) -> Bool {
        state.withLock { $0.byGroupVersion[GroupVersion(group: group, version: version)] != nil }
    }

    /// The resources of one group version, sorted by plural name.
    public func resources(group: String, version: String) -> [ResourceInfo] {
        state.withLock {
            ($0.byGroupVersion[GroupVersion(group: group, version: version)].map { Array($0.values) } ?? [])
                .sorted { $0.type.plural < $1.type.plural }
        }
    }

    /// The resource whose objects are stored under `storageKey` (any served version).
    func resource(storageKey: String) -> ResourceInfo? {
        state.withLock { index in
            let resources = index.byStorageKey[storageKey]
            return resources?.first { $0.conversion == nil } ?? resources?.first
        }
    }

    /// The resource of an owner reference: its group and kind, the referenced version first.
    func resource(apiVersion: String, kind: String) -> ResourceInfo? {
        let (group, version) = Self.split(apiVersion: apiVersion)
        return state.withLock { index in
            let versions = index.byGroupKind[GroupKind(group: group, kind: kind)]
            return versions?.first { $0.type.version == version } ?? versions?.first
        }
    }

    private static func split(apiVersion: String) -> (group: String, version: String) {
        guard let slash = apiVersion.firstIndex(of: "/") else { return ("", apiVersion) }
        return (String(apiVersion[..<slash]), String(apiVersion[apiVersion.index(after: slash)...]))
    }

    /// Named groups (not the core group) with their versions, sorted.
    public func groups() -> [(group: String, versions: [String])] {
        let keys = state.withLock { Array($0.byGroupVersion.keys) }
        var byGroup: [String: [String]] = [:]
        for key in keys where !key.group.isEmpty { byGroup[key.group, default: []].append(key.version) }
        return byGroup.keys.sorted().map { ($0, byGroup[$0, default: []].sorted()) }
    }

    public var all: [ResourceInfo] {
        state.withLock { $0.byGroupVersion.values.flatMap { $0.values } }
    }
}
