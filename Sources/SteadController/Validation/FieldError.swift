/// One problem in a spec: where it is and what is wrong, printed as `path: message`.
public struct FieldError: Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(_ path: String, _ message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

extension Array where Element == FieldError {
    /// All errors on one line, for a condition message or an Event.
    public var summary: String { map(\.description).joined(separator: "; ") }
}
