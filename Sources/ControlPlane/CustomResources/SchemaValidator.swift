import Foundation
import KubeModel

/// Checks a value against a structural OpenAPI v3 schema node, with Kubernetes' messages:
/// `spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"`.
enum SchemaValidator {
    static func validate(_ value: JSONValue, schema: JSONValue, path: String) -> [FieldError] {
        var errors: [FieldError] = []
        check(value, schema, path, &errors)
        return errors
    }

    private static func check(_ value: JSONValue, _ schema: JSONValue, _ path: String, _ errors: inout [FieldError]) {
        if value == .null {
            if schema["nullable"] == true || schema["type"] == nil && !isIntOrString(schema) { return }
            errors.append(.typeInvalid(path, actual: "null", expected: expectedType(schema)))
            return
        }
        guard typeMatches(value, schema) else {
            errors.append(.typeInvalid(path, actual: typeName(value), expected: expectedType(schema)))
            return
        }
        if let allowed = schema["enum"]?.arrayValue, !allowed.contains(where: { same($0, value) }) {
            errors.append(.notSupported(path, value, supported: allowed))
        }
        switch value {
        case .int, .double: number(value, schema, path, &errors)
        case .string(let text): string(text, schema, path, &errors)
        case .array(let items): array(items, schema, path, &errors)
        case .object(let fields): object(fields, schema, path, &errors)
        default: break
        }
        combinations(value, schema, path, &errors)
    }

    // MARK: Types

    static func isIntOrString(_ schema: JSONValue) -> Bool {
        schema["x-kubernetes-int-or-string"] == true || schema["format"] == "int-or-string"
    }

    private static func typeMatches(_ value: JSONValue, _ schema: JSONValue) -> Bool {
        if isIntOrString(schema) {
            if case .string = value { return true }
            return isInteger(value)
        }
        switch schema["type"]?.stringValue {
        case "object": return value.objectValue != nil
        case "array": return value.arrayValue != nil
        case "string": return value.stringValue != nil
        case "boolean": return value.boolValue != nil
        case "integer": return isInteger(value)
        case "number":
            if case .double = value { return true }
            return isInteger(value)
        default: return true
        }
    }

    private static func isInteger(_ value: JSONValue) -> Bool {
        switch value {
        case .int: return true
        case .double(let number): return number.rounded() == number && number.isFinite
        default: return false
        }
    }

    private static func expectedType(_ schema: JSONValue) -> String {
        isIntOrString(schema) ? "integer,string" : (schema["type"]?.stringValue ?? "")
    }

    static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .int: "integer"
        case .double(let number): number.rounded() == number ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    private static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        if a == b { return true }
        if let x = numeric(a), let y = numeric(b) { return x == y }
        return false
    }

    private static func numeric(_ value: JSONValue) -> Double? {
        switch value {
        case .int(let number): Double(number)
        case .double(let number): number
        default: nil
        }
    }

    // MARK: Constraints

    private static func number(_ value: JSONValue, _ schema: JSONValue, _ path: String, _ errors: inout [FieldError]) {
        guard let number = numeric(value) else { return }
        if let minimum = schema["minimum"], let bound = numeric(minimum) {
            let exclusive = schema["exclusiveMinimum"] == true
            if exclusive ? number <= bound : number < bound {
                let relation = exclusive ? "greater than" : "greater than or equal to"
                errors.append(.invalid(path, value, "\(path) in body should be \(relation) \(FieldError.describe(minimum))"))
            }
        }
        if let maximum = schema["maximum"], let bound = numeric(maximum) {
            let exclusive = schema["exclusiveMaximum"] == true
            if exclusive ? number >= bound : number > bound {
                let relation = exclusive ? "less than" : "less than or equal to"
                errors.append(.invalid(path, value, "\(path) in body should be \(relation) \(FieldError.describe(maximum))"))
            }
        }
        if let multiple = schema["multipleOf"].flatMap(numeric), multiple > 0,
            (number / multiple).rounded() != number / multiple
        {
            errors.append(.invalid(path, value, "\(path) in body should be a multiple of \(FieldError.describe(schema["multipleOf"] ?? .null))"))
        }
    }

    private static func string(_ text: String, _ schema: JSONValue, _ path: String, _ errors: inout [FieldError]) {
        let length = Int64(text.unicodeScalars.count)
        if let minimum = schema["minLength"]?.intValue, length < minimum {
            errors.append(.invalid(path, .string(text), "\(path) in body should be at least \(minimum) chars long"))
        }
        if let maximum = schema["maxLength"]?.intValue, length > maximum {
            errors.append(.tooLong(path, max: maximum))
        }
        if let pattern = schema["pattern"]?.stringValue, !matches(text, pattern) {
            errors.append(.invalid(path, .string(text), "\(path) in body should match '\(pattern)'"))
        }
    }

    /// Go-style patterns (see GoRegex) through NSRegularExpression; a pattern that does not compile matches nothing.
    private static func matches(_ text: String, _ pattern: String) -> Bool {
        guard let regex = try? GoRegex.compile(pattern) else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    private static func array(_ items: [JSONValue], _ schema: JSONValue, _ path: String, _ errors: inout [FieldError]) {
        if let minimum = schema["minItems"]?.intValue, items.count < minimum {
            errors.append(.invalid(path, .int(Int64(items.count)), "\(path) in body should have at least \(minimum) items"))
        }
        if let maximum = schema["maxItems"]?.intValue, items.count > maximum {
            errors.append(.tooMany(path, count: items.count, max: maximum))
        }
        if schema["uniqueItems"] == true || schema["x-kubernetes-list-type"] == "set" {
            for (index, item) in items.enumerated() where items[..<index].contains(item) {
                errors.append(.duplicate("\(path)[\(index)]", item))
            }
        }
        guard let itemSchema = schema["items"], itemSchema.objectValue != nil else { return }
        for (index, item) in items.enumerated() { check(item, itemSchema, "\(path)[\(index)]", &errors) }
    }

    private static func object(_ fields: JSONObject, _ schema: JSONValue, _ path: String, _ errors: inout [FieldError]) {
        let prefix = path.isEmpty ? "" : path + "."
        for name in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where fields[name] == nil {
            errors.append(.required(prefix + name))
        }
        if schema["x-kubernetes-embedded-resource"] == true {
            for name in ["apiVersion", "kind"] where (fields[name]?.stringValue ?? "").isEmpty {
                errors.append(.required(prefix + name, "must not be empty"))
            }
        }
        if let minimum = schema["minProperties"]?.intValue, fields.count < minimum {
            errors.append(.invalid(path, .int(Int64(fields.count)), "\(path) in body should have at least \(minimum) properties"))
        }
        if let maximum = schema["maxProperties"]?.intValue, fields.count > maximum {
            errors.append(.tooMany(path, count: fields.count, max: maximum))
        }
        let properties = schema["properties"]?.objectValue ?? [:]
        let additional = schema["additionalProperties"].flatMap { $0.objectValue != nil ? $0 : nil }
        for name in fields.keys.sorted() {
            guard let value = fields[name] else { continue }
            if let child = properties[name] {
                check(value, child, prefix + name, &errors)
            } else if let additional {
                check(value, additional, prefix + name, &errors)
            }
        }
    }

    private static func combinations(_ value: JSONValue, _ schema: JSONValue, _ path: String, _ errors: inout [FieldError]) {
        for branch in schema["allOf"]?.arrayValue ?? [] { check(value, branch, path, &errors) }
        if let branches = schema["anyOf"]?.arrayValue, !branches.isEmpty,
            !branches.contains(where: { validate(value, schema: $0, path: path).isEmpty })
        {
            errors.append(.invalid(path, value, "\(path) in body must validate at least one schema (anyOf)"))
        }
        if let branches = schema["oneOf"]?.arrayValue, !branches.isEmpty,
            branches.filter({ validate(value, schema: $0, path: path).isEmpty }).count != 1
        {
            errors.append(.invalid(path, value, "\(path) in body must validate one and only one schema (oneOf)"))
        }
        if let not = schema["not"], not.objectValue != nil, validate(value, schema: not, path: path).isEmpty {
            errors.append(.invalid(path, value, "\(path) in body should not validate the schema (not)"))
        }
    }
}
