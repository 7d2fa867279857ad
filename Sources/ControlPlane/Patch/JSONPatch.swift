import KubeModel

/// JSON Patch, RFC 6902: a list of `add`, `remove`, `replace`, `move`, `copy` and `test` operations
/// addressed with JSON Pointers (RFC 6901).
public enum JSONPatch {
    /// Applies every operation in order. A malformed document throws 400; an operation that cannot be
    /// applied (missing path, failed test) throws 422.
    public static func apply(_ patch: JSONValue, to target: JSONValue) throws(Status) -> JSONValue {
        guard let operations = patch.arrayValue else {
            throw Status.failure(.badRequest, "a JSON patch must be an array of operations")
        }
        var document = target
        for (index, operation) in operations.enumerated() {
            guard let op = operation["op"]?.stringValue, let path = operation["path"]?.stringValue else {
                throw Status.failure(.badRequest, "JSON patch operation \(index) needs string 'op' and 'path'")
            }
            let pointer = try JSONPointer(path)
            switch op {
            case "add":
                document = try pointer.adding(try value(operation, index), to: document)
            case "remove":
                document = try pointer.removing(from: document)
            case "replace":
                _ = try pointer.get(document)
                document = try pointer.replacing(try value(operation, index), in: document)
            case "move":
                let from = try JSONPointer(try fromPath(operation, index))
                let moved = try from.get(document)
                document = try pointer.adding(moved, to: try from.removing(from: document))
            case "copy":
                let from = try JSONPointer(try fromPath(operation, index))
                document = try pointer.adding(try from.get(document), to: document)
            case "test":
                let expected = try value(operation, index)
                guard try pointer.get(document) == expected else {
                    throw Status.failure(.invalid, "JSON patch test operation \(index) failed at \(path)")
                }
            default:
                throw Status.failure(.badRequest, "unknown JSON patch operation '\(op)'")
            }
        }
        return document
    }

    private static func value(_ operation: JSONValue, _ index: Int) throws(Status) -> JSONValue {
        guard let value = operation["value"] else {
            throw Status.failure(.badRequest, "JSON patch operation \(index) needs a 'value'")
        }
        return value
    }

    private static func fromPath(_ operation: JSONValue, _ index: Int) throws(Status) -> String {
        guard let from = operation["from"]?.stringValue else {
            throw Status.failure(.badRequest, "JSON patch operation \(index) needs a 'from'")
        }
        return from
    }
}

/// An RFC 6901 JSON Pointer such as `/metadata/labels/app~1name`.
struct JSONPointer {
    let tokens: [String]
    let text: String

    init(_ text: String) throws(Status) {
        self.text = text
        if text.isEmpty {
            tokens = []
            return
        }
        guard text.hasPrefix("/") else { throw Status.failure(.badRequest, "invalid JSON pointer \"\(text)\"") }
        tokens = text.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    func get(_ document: JSONValue) throws(Status) -> JSONValue {
        var current = document
        for token in tokens {
            switch current {
            case .object(let object):
                guard let next = object[token] else { throw missing() }
                current = next
            case .array(let array):
                guard let index = Int(token), array.indices.contains(index) else { throw missing() }
                current = array[index]
            default:
                throw missing()
            }
        }
        return current
    }

    func adding(_ value: JSONValue, to document: JSONValue) throws(Status) -> JSONValue {
        try edit(document, tokens[...]) { parent, token throws(Status) in
            switch parent {
            case .object(var object):
                object[token] = value
                return .object(object)
            case .array(var array):
                if token == "-" {
                    array.append(value)
                } else {
                    guard let index = Int(token), index >= 0, index <= array.count else { throw missing() }
                    array.insert(value, at: index)
                }
                return .array(array)
            default:
                throw missing()
            }
        } whole: { value }
    }

    func replacing(_ value: JSONValue, in document: JSONValue) throws(Status) -> JSONValue {
        try edit(document, tokens[...]) { parent, token throws(Status) in
            switch parent {
            case .object(var object):
                guard object[token] != nil else { throw missing() }
                object[token] = value
                return .object(object)
            case .array(var array):
                guard let index = Int(token), array.indices.contains(index) else { throw missing() }
                array[index] = value
                return .array(array)
            default:
                throw missing()
            }
        } whole: { value }
    }

    func removing(from document: JSONValue) throws(Status) -> JSONValue {
        guard !tokens.isEmpty else { throw Status.failure(.invalid, "cannot remove the whole document") }
        return try edit(document, tokens[...]) { parent, token throws(Status) in
            switch parent {
            case .object(var object):
                guard object.removeValue(forKey: token) != nil else { throw missing() }
                return .object(object)
            case .array(var array):
                guard let index = Int(token), array.indices.contains(index) else { throw missing() }
                array.remove(at: index)
                return .array(array)
            default:
                throw missing()
            }
        } whole: { .null }
    }

    /// Walks to the parent of the last token and lets `change` rewrite it.
    private func edit(
        _ document: JSONValue, _ rest: ArraySlice<String>,
        change: (JSONValue, String) throws(Status) -> JSONValue, whole: () -> JSONValue
    ) throws(Status) -> JSONValue {
        guard let first = rest.first else { return whole() }
        if rest.count == 1 { return try change(document, first) }
        switch document {
        case .object(var object):
            guard let child = object[first] else { throw missing() }
            object[first] = try edit(child, rest.dropFirst(), change: change, whole: whole)
            return .object(object)
        case .array(var array):
            guard let index = Int(first), array.indices.contains(index) else { throw missing() }
            array[index] = try edit(array[index], rest.dropFirst(), change: change, whole: whole)
            return .array(array)
        default:
            throw missing()
        }
    }

    private func missing() -> Status {
        .failure(.invalid, "JSON patch path \"\(text)\" does not exist in the object")
    }
}
