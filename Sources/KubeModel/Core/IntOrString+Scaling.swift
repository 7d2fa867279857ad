extension IntOrString {
    /// A field's value as sent (`2` or `"25%"`); nil when it is neither a number nor a string.
    public init?(_ value: JSONValue?) {
        switch value {
        case .int(let number)?: self = .int(Int(number))
        case .string(let text)?: self = .string(text)
        default: return nil
        }
    }

    /// The number this stands for out of `total`: the number itself, or the percentage of `total`
    /// rounded up or down (Kubernetes' GetScaledValueFromIntOrPercent); nil for a string that is not an
    /// integer percentage.
    public func scaled(of total: Int, roundUp: Bool) -> Int? {
        switch self {
        case .int(let number): return number
        case .string(let text):
            guard let percent = Self.percentage(text) else { return nil }
            let scaled = Double(percent) * Double(total) / 100
            return Int(roundUp ? scaled.rounded(.up) : scaled.rounded(.down))
        }
    }

    /// The number in "25%", or nil.
    public static func percentage(_ text: String) -> Int? {
        guard text.hasSuffix("%") else { return nil }
        return Int(text.dropLast())
    }
}
