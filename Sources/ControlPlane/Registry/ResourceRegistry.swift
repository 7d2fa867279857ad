import KubeModel
import Synchronization

/// The resources the server serves, looked up by group, version and plural name. Resources can be added
/// while the server runs (for CustomResourceDefinitions).
public final class ResourceRegistry: Sendable {
    private struct GroupVersion: Hashable {
        var group: String
        var version: String
    }

    private let state = Mutex<[GroupVersion: [String: ResourceInfo]]>([:])

    public init(_ resources: [ResourceInfo] = BuiltinResources.all) {
        for resource in resources { register(resource) }
    }

    public func register(_ resource: ResourceInfo) {
        state.withLock {
            $0[GroupVersion(group: resource.type.group, version: resource.type.version), default: [:]][
                resource.type.plural] = resource
        }
    }

    public func unregister(_ type: ResourceType) {
        state.withLock {
            let key = GroupVersion(group: type.group, version: type.version)
            $0[key]?.removeValue(forKey: type.plural)
            if $0[key]?.isEmpty == true { $0.removeValue(forKey: key) }
        }
    }

    public func lookup(group: String, version: String, plural: String) -> ResourceInfo? {
        state.withLock { $0[GroupVersion(group: group, version: version)]?[plural] }
    }

    public func hasGroupVersion(group: String, version: String) -> Bool {
        state.withLock { $0[GroupVersion(group: group, version: version)] != nil }
    }

    /// The resources of one group version, sorted by plural name.
    public func resources(group: String, version: String) -> [ResourceInfo] {
        state.withLock {
            ($0[GroupVersion(group: group, version: version)].map { Array($0.values) } ?? [])
                .sorted { $0.type.plural < $1.type.plural }
        }
    }

    /// Named groups (not the core group) with their versions, sorted.
    public func groups() -> [(group: String, versions: [String])] {
        let keys = state.withLock { Array($0.keys) }
        var byGroup: [String: [String]] = [:]
        for key in keys where !key.group.isEmpty { byGroup[key.group, default: []].append(key.version) }
        return byGroup.keys.sorted().map { ($0, byGroup[$0, default: []].sorted()) }
    }

    public var all: [ResourceInfo] {
        state.withLock { $0.values.flatMap { $0.values } }
    }
}
