/// A string enumeration that decodes any value, so a typo in a user's spec reaches validation as a field
/// error instead of failing the decode of the whole object.
public protocol OpenEnum: RawRepresentable, Codable, Sendable, Hashable, CustomStringConvertible
where RawValue == String {
    init(rawValue: String)
    /// The values the API accepts, in the order the documentation lists them.
    static var allowed: [Self] { get }
}

extension OpenEnum {
    public var isKnown: Bool { Self.allowed.contains(self) }

    public var description: String { rawValue }

    public static var allowedRawValues: [String] { allowed.map(\.rawValue) }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
