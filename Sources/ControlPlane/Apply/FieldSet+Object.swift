import Foundation
import KubeModel

/// The fields of objects: which ones an object sets, the value at a field, and merging and removing
/// fields as server-side apply does. Lists follow their ``ListPosition/Rule``: associative lists by their
/// keys, set-like lists by value, every other list as one atomic value.
extension FieldSet {
    /// What of an object no manager owns: identity, server-set metadata and type.
    static let unmanagedMetadata: Set<String> = [
        "name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp",
        "deletionGracePeriodSeconds", "managedFields", "selfLink",
    ]

    /// Every field `object` sets: scalars, atomic lists and empty maps are members; so are the elements
    /// of associative and set-like lists. `scope` picks the main resource's fields or a subresource's.
    static func of(_ object: JSONValue, scope: Scope, lists: ListPosition) -> FieldSet {
        guard var fields = object.objectValue else { return .empty }
        fields.removeValue(forKey: "apiVersion")
        fields.removeValue(forKey: "kind")
        if var metadata = fields["metadata"]?.objectValue {
            for key in unmanagedMetadata { metadata.removeValue(forKey: key) }
            if metadata.isEmpty { fields.removeValue(forKey: "metadata") } else { fields["metadata"] = .object(metadata) }
        }
        switch scope {
        case .main(let statusIsSeparate): if statusIsSeparate { fields.removeValue(forKey: "status") }
        case .subresource(let name): fields = fields.filter { $0.key == name }
        }
        return of(object: fields, at: lists)
    }

    enum Scope: Equatable {
        /// The object itself; its `status` is left out when a `status` subresource writes it.
        case main(statusIsSeparate: Bool)
        case subresource(String)
    }

    private static func of(object: JSONObject, at position: ListPosition) -> FieldSet {
        var set = FieldSet()
        for (key, value) in object { set.children["f:" + key] = of(value: value, field: key, at: position) }
        return set
    }

    private static func of(value: JSONValue, field: String, at position: ListPosition) -> FieldSet {
        switch value {
        case .object(let object) where !object.isEmpty:
            return of(object: object, at: position.inside(field))
        case .array(let items):
            switch position.rule(field) {
            case .atomic:
                return .member
            case .set:
                var set = FieldSet()
                for item in items { set.children[valueKey(item)] = .member }
                return set
            case .keyed(let keys):
                var set = FieldSet()
                for item in items {
                    guard let id = elementKey(item, keys: keys), let element = item.objectValue else { return .member }
                    var child = of(object: element, at: position.inside(field))
                    child.isMember = true
                    set.children[id] = child
                }
                return set
            }
        default:
            return .member
        }
    }

    static func elementKey(_ item: JSONValue, keys: [String]) -> String? {
        var id: JSONObject = [:]
        for key in keys {
            guard let value = ListKeys.value(item, key) else { return nil }
            id[key] = value
        }
        guard let data = try? KubeJSON.serialize(.object(id)) else { return nil }
        return "k:" + String(decoding: data, as: UTF8.self)
    }

    static func valueKey(_ item: JSONValue) -> String {
        "v:" + ((try? KubeJSON.serialize(item)).map { String(decoding: $0, as: UTF8.self) } ?? "null")
    }

    /// One step down from `value` along a fieldsV1 key.
    static func step(_ value: JSONValue?, _ key: String) -> JSONValue? {
        guard let value else { return nil }
        if let field = key.dropPrefix("f:") { return value[field] }
        guard let items = value.arrayValue else { return nil }
        if let id = key.dropPrefix("k:") {
            guard let wanted = (try? KubeJSON.parse(Data(id.utf8)))?.objectValue else { return nil }
            return items.first { item in wanted.allSatisfy { ListKeys.value(item, $0.key) == $0.value } }
        }
        if let text = key.dropPrefix("v:"), let wanted = try? KubeJSON.parse(Data(text.utf8)) {
            return items.first { $0 == wanted }
        }
        return nil
    }

    static func value(at path: [String], in object: JSONValue) -> JSONValue? {
        path.reduce(Optional(object)) { step($0, $1) }
    }

    /// The members of this set that a write from `old` to `new` set or changed: a value that differs, an
    /// element or map that did not exist.
    func changed(from old: JSONValue?, to new: JSONValue?) -> FieldSet {
        var result = FieldSet()
        if isMember { result.isMember = children.isEmpty ? old != new : old == nil }
        for (key, child) in children {
            let changed = child.changed(from: Self.step(old, key), to: Self.step(new, key))
            if !changed.isEmpty { result.children[key] = changed }
        }
        return result
    }

    /// The members of this set whose value in `applied` differs from the one in `live` (a conflict when
    /// another manager owns them). Elements of lists are compared by their fields, not as a whole.
    func differing(_ applied: JSONValue?, _ live: JSONValue?) -> FieldSet {
        var result = FieldSet()
        if isMember, children.isEmpty { result.isMember = applied != live }
        for (key, child) in children {
            let differs = child.differing(Self.step(applied, key), Self.step(live, key))
            if !differs.isEmpty { result.children[key] = differs }
        }
        return result
    }

    // MARK: Apply

    /// `config` applied onto `live`: objects merge field by field, associative lists element by element
    /// (new elements appended), set-like lists as a union, everything else is replaced. A null removes.
    static func merge(_ config: JSONValue, into live: JSONValue?, at position: ListPosition) -> JSONValue {
        guard case .object(let fields) = config, case .object(var result)? = live else { return config }
        for (key, value) in fields {
            switch value {
            case .null:
                result.removeValue(forKey: key)
            case .object:
                result[key] = merge(value, into: result[key], at: position.inside(key))
            case .array(let items):
                result[key] = .array(mergeList(items, into: result[key]?.arrayValue, field: key, at: position))
            default:
                result[key] = value
            }
        }
        return .object(result)
    }

    private static func mergeList(_ items: [JSONValue], into live: [JSONValue]?, field: String, at position: ListPosition)
        -> [JSONValue]
    {
        guard let live else { return items }
        switch position.rule(field) {
        case .atomic:
            return items
        case .set:
            return live + items.filter { !live.contains($0) }
        case .keyed(let keys):
            var result = live
            for item in items {
                if let index = result.firstIndex(where: { ListKeys.sameElement($0, item, keys: keys) }) {
                    result[index] = merge(item, into: result[index], at: position.inside(field))
                } else {
                    result.append(item)
                }
            }
            return result
        }
    }

    /// `value` without the members of this set, except where `kept` (what other managers own) has a
    /// member at or below: an element another manager still fills in stays, without the removed fields.
    func remove(from value: JSONValue, keeping kept: FieldSet) -> JSONValue {
        switch value {
        case .object(var object):
            for (key, child) in children {
                guard let field = key.dropPrefix("f:"), let current = object[field] else { continue }
                let keptChild = kept.children[key] ?? .empty
                if child.isMember, !keptChild.hasMembers {
                    object.removeValue(forKey: field)
                } else {
                    let rest = child.remove(from: current, keeping: keptChild)
                    // A list or map left empty by the removal goes with its last element.
                    if rest.isEmptyCollection && !current.isEmptyCollection {
                        object.removeValue(forKey: field)
                    } else {
                        object[field] = rest
                    }
                }
            }
            return .object(object)
        case .array(var items):
            for (key, child) in children {
                guard let element = Self.step(value, key), let index = items.firstIndex(of: element) else { continue }
                let keptChild = kept.children[key] ?? .empty
                if child.isMember, !keptChild.hasMembers {
                    items.remove(at: index)
                } else {
                    items[index] = child.remove(from: element, keeping: keptChild)
                }
            }
            return .array(items)
        default:
            return value
        }
    }
}

extension JSONValue {
    var isEmptyCollection: Bool {
        switch self {
        case .array(let items): items.isEmpty
        case .object(let fields): fields.isEmpty
        default: false
        }
    }
}

/// The keys of associative lists as server-side apply keys them: the strategic merge key, except for
/// the lists Kubernetes' schema keys by more than one field, where a key left out takes its default
/// (two ports 53 of a DNS server differ by protocol).
enum ListKeys {
    static let compound: [String: [String]] = [
        "containers.ports": ["containerPort", "protocol"], "initContainers.ports": ["containerPort", "protocol"],
        "ephemeralContainers.ports": ["containerPort", "protocol"], "spec.ports": ["port", "protocol"],
    ]
    static let defaults: [String: JSONValue] = ["protocol": "TCP"]

    static func keys(_ field: String, parent: String, mergeKey: String) -> [String] {
        compound["\(parent).\(field)"] ?? [mergeKey]
    }

    static func value(_ item: JSONValue, _ key: String) -> JSONValue? {
        if let value = item[key] { return value }
        guard item.objectValue != nil else { return nil }
        return defaults[key]
    }

    static func sameElement(_ a: JSONValue, _ b: JSONValue, keys: [String]) -> Bool {
        keys.allSatisfy { key in
            guard let value = value(a, key) else { return false }
            return value == Self.value(b, key)
        }
    }
}
