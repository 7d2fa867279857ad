import KubeModel
import Yams

/// Kubernetes objects as a multi-document YAML stream, in a stable order: `apiVersion`, `kind`,
/// `metadata`, `name` first, then the other keys sorted, so the same objects always print the same text.
package enum YAMLDocuments {
    private static let leadingKeys = ["apiVersion", "kind", "metadata", "name"]

    package static func render(_ documents: [JSONValue]) throws -> String {
        try documents.map { try Yams.serialize(node: node($0), indent: 2, width: -1) }.joined(separator: "---\n")
    }

    package static func node(_ value: JSONValue) throws -> Yams.Node {
        switch value {
        case .null: return Yams.Node("null", Tag(.null))
        case .bool(let flag): return Yams.Node(flag ? "true" : "false", Tag(.bool))
        case .int(let number): return Yams.Node(String(number), Tag(.int))
        case .double(let number): return Yams.Node(String(number), Tag(.float))
        case .string(let text): return .scalar(text.represented())
        case .array(let items): return .sequence(Yams.Node.Sequence(try items.map(node)))
        case .object(let object):
            let pairs = try orderedKeys(object).map { key in (Yams.Node.scalar(key.represented()), try node(object[key] ?? .null)) }
            return .mapping(Yams.Node.Mapping(pairs))
        }
    }

    private static func orderedKeys(_ object: JSONObject) -> [String] {
        let leading = leadingKeys.filter { object[$0] != nil }
        return leading + object.keys.filter { !leadingKeys.contains($0) }.sorted()
    }
}
