/// A Kubernetes resource quantity ("100m", "1.5", "2Gi", "1e3"), held exactly as an integer number of
/// nano-units. Two quantities are equal when their values are; encoding writes the text as received
/// so a round trip never rewrites what a user wrote, and `canonical` gives Kubernetes' canonical form.
public struct Quantity: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Format: Sendable, Hashable {
        case decimalSI
        case binarySI
        case decimalExponent
    }

    /// The value in units of 10^-9.
    public let nanoValue: Int128
    public let format: Format
    private let text: String?

    public init(nanoValue: Int128, format: Format = .decimalSI) {
        self.nanoValue = nanoValue
        self.format = format
        self.text = nil
    }

    public init(milliValue: Int64, format: Format = .decimalSI) {
        self.init(nanoValue: Int128(milliValue) * 1_000_000, format: format)
    }

    public init(value: Int64, format: Format = .decimalSI) {
        self.init(nanoValue: Int128(value) * Quantity.nanosPerUnit, format: format)
    }

    public init(parsing text: String) throws(QuantityError) {
        let parsed = try QuantityParser.parse(text)
        self.nanoValue = parsed.nanoValue
        self.format = parsed.format
        self.text = text
    }

    static let nanosPerUnit: Int128 = 1_000_000_000

    /// The value in milli-units, rounded up as Kubernetes' MilliValue does.
    public var milliValue: Int64 { Int64(clamping: Quantity.divideRoundingUp(nanoValue, by: 1_000_000)) }

    /// The value in whole units, rounded up as Kubernetes' Value does.
    public var value: Int64 { Int64(clamping: Quantity.divideRoundingUp(nanoValue, by: Quantity.nanosPerUnit)) }

    public var isZero: Bool { nanoValue == 0 }

    /// Kubernetes' canonical text for this value and format.
    public var canonical: String { QuantityFormatter.canonical(nanoValue: nanoValue, format: format) }

    public var description: String { text ?? canonical }

    public static func + (lhs: Quantity, rhs: Quantity) -> Quantity {
        Quantity(nanoValue: lhs.nanoValue + rhs.nanoValue, format: lhs.format)
    }

    public static func - (lhs: Quantity, rhs: Quantity) -> Quantity {
        Quantity(nanoValue: lhs.nanoValue - rhs.nanoValue, format: lhs.format)
    }

    public static func == (lhs: Quantity, rhs: Quantity) -> Bool { lhs.nanoValue == rhs.nanoValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(nanoValue) }
    public static func < (lhs: Quantity, rhs: Quantity) -> Bool { lhs.nanoValue < rhs.nanoValue }

    static func divideRoundingUp(_ value: Int128, by divisor: Int128) -> Int128 {
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        return remainder > 0 ? quotient + 1 : quotient
    }
}

public struct QuantityError: Error, Sendable, Hashable, CustomStringConvertible {
    public let text: String
    public let reason: String

    public var description: String { "invalid quantity \"\(text)\": \(reason)" }
}

extension Quantity: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        // A string first: that is how the API writes quantities, and every failed attempt builds a
        // DecodingError (coding path, message), which cost a tenth of decoding a pod.
        let text: String
        if let string = try? container.decode(String.self) {
            text = string
        } else if let number = try? container.decode(Int64.self) {
            text = String(number)
        } else if let number = try? container.decode(Double.self) {
            text = String(number)
        } else {
            text = try container.decode(String.self)
        }
        do {
            self = try Quantity(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Quantity: ExpressibleByStringLiteral {
    /// For literals in code and tests only: an invalid literal is a programming error.
    public init(stringLiteral value: String) {
        do {
            self = try Quantity(parsing: value)
        } catch {
            preconditionFailure(error.description)
        }
    }
}
