/// `<sign><digits>[.<digits>]<suffix>` where the suffix is a binary SI suffix (Ki..Ei), a decimal SI
/// suffix (n, u, m, k, M, G, T, P, E) or a decimal exponent (e3, E-2).
enum QuantityParser {
    static func parse(_ text: String) throws(QuantityError) -> (nanoValue: Int128, format: Quantity.Format) {
        func fail(_ reason: String) -> QuantityError { QuantityError(text: text, reason: reason) }
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= 64 else { throw fail(bytes.isEmpty ? "empty" : "too long") }
        var index = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-") {
            negative = bytes[0] == UInt8(ascii: "-")
            index = 1
        }
        var digits: [UInt8] = []
        var fractionDigits = 0
        var seenPoint = false
        while index < bytes.count {
            let byte = bytes[index]
            if isDigit(byte) {
                digits.append(byte - 48)
                if seenPoint { fractionDigits += 1 }
            } else if byte == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else {
                break
            }
            index += 1
        }
        guard !digits.isEmpty else { throw fail("no digits") }
        let (format, base, exponent) = try suffix(Array(bytes[index...]), fail: fail)
        let nanos = try scaledValue(
            digits: digits, fractionDigits: fractionDigits, base: base, exponent: exponent, fail: fail)
        return (negative ? -nanos : nanos, format)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    private static let decimalSuffixes: [String: Int] = [
        "n": -9, "u": -6, "m": -3, "": 0, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18,
    ]
    private static let binarySuffixes: [String: Int] = [
        "Ki": 10, "Mi": 20, "Gi": 30, "Ti": 40, "Pi": 50, "Ei": 60,
    ]

    private static func suffix(
        _ bytes: [UInt8], fail: (String) -> QuantityError
    ) throws(QuantityError) -> (Quantity.Format, base: Int, exponent: Int) {
        let text = String(decoding: bytes, as: UTF8.self)
        if let exponent = decimalSuffixes[text] { return (.decimalSI, 10, exponent) }
        if let exponent = binarySuffixes[text] { return (.binarySI, 2, exponent) }
        if let first = bytes.first, first == UInt8(ascii: "e") || first == UInt8(ascii: "E") {
            var rest = bytes.dropFirst()
            var negative = false
            if let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                negative = sign == UInt8(ascii: "-")
                rest = rest.dropFirst()
            }
            guard !rest.isEmpty, rest.count <= 3, rest.allSatisfy(isDigit) else {
                throw fail("invalid exponent")
            }
            let magnitude = rest.reduce(0) { $0 * 10 + Int($1 - 48) }
            return (.decimalExponent, 10, negative ? -magnitude : magnitude)
        }
        throw fail("unknown suffix \"\(text)\"")
    }

    /// digits × 10^-fractionDigits × base^exponent, in nano-units, rounded up past nano precision.
    private static func scaledValue(
        digits: [UInt8], fractionDigits: Int, base: Int, exponent: Int, fail: (String) -> QuantityError
    ) throws(QuantityError) -> Int128 {
        let significant = Array(digits.drop { $0 == 0 })
        guard significant.count <= 30 else { throw fail("too many digits") }
        var mantissa: Int128 = 0
        for digit in significant { mantissa = mantissa * 10 + Int128(digit) }
        guard mantissa != 0 else { return 0 }
        // value = mantissa × 10^(9 - fractionDigits) × base^exponent, as numerator / denominator.
        var numerator = mantissa
        var denominator: Int128 = 1
        var decimalShift = 9 - fractionDigits
        if base == 10 { decimalShift += exponent }
        let limit = Int128.max / 10
        while decimalShift > 0 {
            guard numerator <= limit else { throw fail("value too large") }
            numerator *= 10
            decimalShift -= 1
        }
        while decimalShift < 0 {
            guard denominator <= limit else { return 1 }
            denominator *= 10
            decimalShift += 1
        }
        if base == 2 {
            for _ in 0..<exponent {
                guard numerator <= Int128.max / 2 else { throw fail("value too large") }
                numerator *= 2
            }
        }
        guard numerator <= Int128(Int64.max) * 1_000_000_000 * 1_000_000 else { throw fail("value too large") }
        return Quantity.divideRoundingUp(numerator, by: denominator)
    }
}
