import Foundation
import KubeModel

/// A set of fields of one object, as server-side apply tracks who manages what: the tree that
/// `managedFields[].fieldsV1` holds. Keys name the way down: `f:<field>` (a field of an object),
/// `k:{"name":"app"}` (the element of an associative list with that key), `v:<json>` (an element of a
/// set-like list). A node is a member of the set itself when it is a leaf or carries `.`; a node with
/// children only is on the way to its members.
struct FieldSet: Equatable, Sendable {
    var children: [String: FieldSet] = [:]
    var isMember = false

    static let empty = FieldSet()
    static let member = FieldSet(children: [:], isMember: true)

    var isEmpty: Bool { !isMember && children.isEmpty }

    // MARK: fieldsV1

    init(children: [String: FieldSet] = [:], isMember: Bool = false) {
        self.children = children
        self.isMember = isMember
    }

    /// Reads a `fieldsV1` object; what is not an object reads as nothing.
    init(fieldsV1: JSONValue) {
        guard let object = fieldsV1.objectValue else { return }
        for (key, value) in object where key != "." {
            children[key] = FieldSet(fieldsV1: value)
            if value.objectValue?.isEmpty ?? true { children[key]?.isMember = true }
        }
        isMember = object["."] != nil
    }

    var fieldsV1: JSONValue {
        var object: JSONObject = [:]
        for (key, child) in children where !child.isEmpty { object[key] = child.fieldsV1 }
        if isMember, !object.isEmpty { object["."] = [:] }
        return .object(object)
    }

    // MARK: Set algebra

    func union(_ other: FieldSet) -> FieldSet {
        var result = self
        result.isMember = isMember || other.isMember
        for (key, child) in other.children { result.children[key] = (children[key] ?? .empty).union(child) }
        return result
    }

    func subtracting(_ other: FieldSet) -> FieldSet {
        var result = FieldSet(isMember: isMember && !other.isMember)
        for (key, child) in children {
            let rest = other.children[key].map { child.subtracting($0) } ?? child
            if !rest.isEmpty { result.children[key] = rest }
        }
        return result
    }

    func intersection(_ other: FieldSet) -> FieldSet {
        var result = FieldSet(isMember: isMember && other.isMember)
        for (key, child) in children {
            guard let theirs = other.children[key] else { continue }
            let both = child.intersection(theirs)
            if !both.isEmpty { result.children[key] = both }
        }
        return result
    }

    /// Whether anything at or below this node is a member.
    var hasMembers: Bool { isMember || children.values.contains { $0.hasMembers } }

    /// Every member, as the list of keys that leads to it.
    var memberPaths: [[String]] {
        var paths: [[String]] = isMember ? [[]] : []
        for key in children.keys.sorted() {
            paths += children[key]!.memberPaths.map { [key] + $0 }
        }
        return paths
    }

    /// A member path as kube-apiserver prints it in a conflict: `.spec.replicas`,
    /// `.spec.containers[name="app"].image`.
    static func describe(_ path: [String]) -> String {
        path.map { key -> String in
            if let field = key.dropPrefix("f:") { return "." + field }
            if let item = key.dropPrefix("k:") {
                let fields = (try? KubeJSON.parse(Data(item.utf8)))?.objectValue ?? [:]
                return "[" + fields.keys.sorted().map { "\($0)=\(FieldError.describe(fields[$0]!))" }.joined(separator: ",") + "]"
            }
            if let value = key.dropPrefix("v:") { return "[=\(value)]" }
            return key
        }.joined()
    }
}
