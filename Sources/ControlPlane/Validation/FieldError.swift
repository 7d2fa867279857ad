import Foundation
import KubeModel

/// One problem with one field, worded like Kubernetes' `field.Error`: `<field>: <body>`.
struct FieldError: Error, Sendable, Hashable {
    var field: String
    /// The Status cause reason, e.g. `FieldValueInvalid`.
    var reason: String
    /// The message without the field, e.g. `Invalid value: "x": must be ...`.
    var body: String

    static func invalid(_ field: String, _ value: JSONValue, _ detail: String) -> FieldError {
        FieldError(field: field, reason: "FieldValueInvalid", body: "Invalid value: \(describe(value)): \(detail)")
    }

    static func invalid(_ field: String, _ value: String, _ detail: String) -> FieldError {
        invalid(field, .string(value), detail)
    }

    /// The same problem reported at another field path.
    func at(_ field: String) -> FieldError { FieldError(field: field, reason: reason, body: body) }

    /// A value of the wrong JSON type: Kubernetes shows the value's type name, twice.
    static func typeInvalid(_ field: String, actual: String, expected: String) -> FieldError {
        FieldError(
            field: field, reason: "FieldValueTypeInvalid",
            body: "Invalid value: \"\(actual)\": \(field) in body must be of type \(expected): \"\(actual)\"")
    }

    static func required(_ field: String, _ detail: String = "") -> FieldError {
        FieldError(field: field, reason: "FieldValueRequired", body: detail.isEmpty ? "Required value" : "Required value: \(detail)")
    }

    static func notSupported(_ field: String, _ value: JSONValue, supported: [JSONValue]) -> FieldError {
        let list = supported.map(describe).joined(separator: ", ")
        return FieldError(
            field: field, reason: "FieldValueNotSupported",
            body: "Unsupported value: \(describe(value)): supported values: \(list)")
    }

    static func tooLong(_ field: String, max: Int64) -> FieldError {
        FieldError(field: field, reason: "FieldValueTooLong", body: "Too long: may not be longer than \(max)")
    }

    static func tooMany(_ field: String, count: Int, max: Int64) -> FieldError {
        FieldError(field: field, reason: "FieldValueTooMany", body: "Too many: \(count): must have at most \(max) items")
    }

    static func duplicate(_ field: String, _ value: JSONValue) -> FieldError {
        FieldError(field: field, reason: "FieldValueDuplicate", body: "Duplicate value: \(describe(value))")
    }

    static func forbidden(_ field: String, _ detail: String) -> FieldError {
        FieldError(field: field, reason: "FieldValueForbidden", body: "Forbidden: \(detail)")
    }

    var message: String { field.isEmpty ? body : "\(field): \(body)" }

    /// Go's `%v`/`%q` rendering as used in field errors: strings quoted, numbers and booleans bare.
    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return quote(text)
        case .int(let number): return String(number)
        case .double(let number): return number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "\"null\""
        case .array, .object:
            return (try? KubeJSON.serialize(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        }
    }

    static func quote(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\""
    }
}

extension [FieldError] {
    /// The 422 Invalid Status of `errors.NewInvalid`: `Kind.group "name" is invalid: <errors>`.
    func invalidStatus(kind: String, group: String, name: String) -> Status {
        let qualified = group.isEmpty ? kind : "\(kind).\(group)"
        let messages = map(\.message)
        let joined = messages.count == 1 ? messages[0] : "[\(messages.joined(separator: ", "))]"
        return .failure(
            .invalid, "\(qualified) \"\(name)\" is invalid: \(joined)",
            details: StatusDetails(
                name: name, group: group, kind: kind,
                causes: map { StatusCause(reason: $0.reason, message: $0.body, field: $0.field) }))
    }
}
