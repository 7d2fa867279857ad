/// meta/v1 Duration's JSON: the text of Go's `time.Duration` ("1h2m3.5s", "250ms", "0s").
enum GoDuration {
    static func format(nanoseconds: Int64) -> String {
        if nanoseconds == 0 { return "0s" }
        let sign = nanoseconds < 0 ? "-" : ""
        let total = nanoseconds.magnitude
        if total < 1_000_000_000 {
            // Below a second: the largest of ns, µs, ms that keeps a whole part.
            if total < 1000 { return "\(sign)\(total)ns" }
            if total < 1_000_000 { return sign + decimal(total, fractionDigits: 3) + "µs" }
            return sign + decimal(total, fractionDigits: 6) + "ms"
        }
        var text = decimal(total % 60_000_000_000, fractionDigits: 9) + "s"
        let minutes = total / 60_000_000_000
        if minutes > 0 {
            text = "\(minutes % 60)m" + text
            if minutes >= 60 { text = "\(minutes / 60)h" + text }
        }
        return sign + text
    }

    /// `value / 10^fractionDigits` written with its fraction, trailing zeros (and a bare point) dropped.
    private static func decimal(_ value: UInt64, fractionDigits: Int) -> String {
        var scale: UInt64 = 1
        for _ in 0..<fractionDigits { scale *= 10 }
        var fraction = value % scale
        var text = String(value / scale)
        if fraction == 0 { return text }
        var digits = fractionDigits
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let fractionText = String(fraction)
        text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
        return text
    }

    private static func digit(_ scalar: Unicode.Scalar) -> UInt64? {
        (48...57).contains(scalar.value) ? UInt64(scalar.value - 48) : nil
    }

    private static let units: [(String, UInt64)] = [
        ("ns", 1), ("us", 1000), ("µs", 1000), ("μs", 1000), ("ms", 1_000_000), ("s", 1_000_000_000),
        ("m", 60_000_000_000), ("h", 3_600_000_000_000),
    ]

    /// Parses what Go's `time.ParseDuration` accepts: an optional sign, then numbers (with an optional
    /// fraction) each followed by a unit; "0" alone is allowed.
    static func parse(_ text: String) -> Int64? {
        var scalars = Array(text.unicodeScalars)[...]
        var negative = false
        if let first = scalars.first, first == "-" || first == "+" {
            negative = first == "-"
            scalars = scalars.dropFirst()
        }
        if scalars == ["0"] { return 0 }
        guard !scalars.isEmpty else { return nil }
        var total: UInt64 = 0
        while !scalars.isEmpty {
            var whole: UInt64 = 0
            var wholeDigits = 0
            while let scalar = scalars.first, let value = digit(scalar) {
                let (product, overflow1) = whole.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = product.addingReportingOverflow(value)
                guard !overflow1, !overflow2 else { return nil }
                whole = sum
                wholeDigits += 1
                scalars = scalars.dropFirst()
            }
            var fraction: UInt64 = 0
            var fractionScale: UInt64 = 1
            var fractionDigits = 0
            if scalars.first == "." {
                scalars = scalars.dropFirst()
                while let scalar = scalars.first, let value = digit(scalar) {
                    // Digits past nanosecond precision of the largest unit cannot change the result.
                    if fractionScale < 1_000_000_000_000_000_000 / 10 {
                        fraction = fraction * 10 + value
                        fractionScale *= 10
                    }
                    fractionDigits += 1
                    scalars = scalars.dropFirst()
                }
            }
            guard wholeDigits + fractionDigits > 0 else { return nil }
            var unitText = ""
            while let scalar = scalars.first, scalar != ".", digit(scalar) == nil {
                unitText.unicodeScalars.append(scalar)
                scalars = scalars.dropFirst()
            }
            guard let unit = units.first(where: { $0.0 == unitText })?.1 else { return nil }
            let (wholeNanos, overflow1) = whole.multipliedReportingOverflow(by: unit)
            guard !overflow1 else { return nil }
            let fractionNanos = UInt64((Double(fraction) / Double(fractionScale) * Double(unit)).rounded(.down))
            let (partial, overflow2) = total.addingReportingOverflow(wholeNanos)
            let (sum, overflow3) = partial.addingReportingOverflow(fractionNanos)
            guard !overflow2, !overflow3 else { return nil }
            total = sum
        }
        if negative {
            guard total <= UInt64(Int64.max) + 1 else { return nil }
            return total == UInt64(Int64.max) + 1 ? Int64.min : -Int64(total)
        }
        guard total <= UInt64(Int64.max) else { return nil }
        return Int64(total)
    }
}
