/// Kubernetes' canonical form: binary SI only for whole values of at least 1024 that stay whole,
/// otherwise the largest decimal exponent (a multiple of 3) that keeps the mantissa whole.
enum QuantityFormatter {
    static func canonical(nanoValue: Int128, format: Quantity.Format) -> String {
        if nanoValue == 0 { return "0" }
        let sign = nanoValue < 0 ? "-" : ""
        let magnitude = nanoValue.magnitude
        if format == .binarySI, magnitude >= 1024 * UInt128(Quantity.nanosPerUnit),
            magnitude % UInt128(Quantity.nanosPerUnit) == 0
        {
            return sign + binary(magnitude / UInt128(Quantity.nanosPerUnit))
        }
        return sign + decimal(magnitude, exponentStyle: format == .decimalExponent)
    }

    private static let binarySuffixes = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"]
    private static let decimalSuffixes: [Int: String] = [
        -9: "n", -6: "u", -3: "m", 0: "", 3: "k", 6: "M", 9: "G", 12: "T", 15: "P", 18: "E",
    ]

    private static func binary(_ units: UInt128) -> String {
        var mantissa = units
        var step = 0
        while mantissa % 1024 == 0, step < binarySuffixes.count - 1 {
            mantissa /= 1024
            step += 1
        }
        return "\(mantissa)\(binarySuffixes[step])"
    }

    private static func decimal(_ nanos: UInt128, exponentStyle: Bool) -> String {
        var mantissa = nanos
        var exponent = -9
        while mantissa % 1000 == 0 {
            mantissa /= 1000
            exponent += 3
        }
        if exponentStyle {
            return exponent == 0 ? "\(mantissa)" : "\(mantissa)e\(exponent)"
        }
        while exponent > 18 {
            mantissa *= 1000
            exponent -= 3
        }
        return "\(mantissa)\(decimalSuffixes[exponent] ?? "")"
    }
}
