import Testing

@testable import KubeModel

@Suite("Quantity")
struct QuantityTests {
    @Test(
        "parses exactly",
        arguments: [
            ("100m", Int128(100_000_000)),
            ("1.5", 1_500_000_000),
            ("2Gi", 2 * 1024 * 1024 * 1024 * 1_000_000_000),
            ("1e3", 1_000 * 1_000_000_000),
            ("500Mi", 500 * 1024 * 1024 * 1_000_000_000),
            ("0.1", 100_000_000),
            ("+3k", 3_000 * 1_000_000_000),
            ("-250m", -250_000_000),
            ("1n", 1),
            (".5", 500_000_000),
            ("1E", 1_000_000_000_000_000_000 * 1_000_000_000),
            ("12E-3", 12_000_000),
        ] as [(String, Int128)])
    func parses(text: String, nanos: Int128) throws {
        #expect(try Quantity(parsing: text).nanoValue == nanos)
    }

    @Test(
        "canonical form as Kubernetes writes it",
        arguments: [
            ("100m", "100m"), ("1.5", "1500m"), ("2Gi", "2Gi"), ("1e3", "1e3"), ("500Mi", "500Mi"),
            ("0.1", "100m"), ("1000", "1k"), ("1000m", "1"), ("1.5Gi", "1536Mi"), ("0.5Gi", "512Mi"),
            ("0.1Ki", "102400m"), ("1024", "1024"), ("1Ki", "1Ki"), ("1.5e3", "1500"), ("0", "0"),
            ("-1.5", "-1500m"), ("2048Ki", "2Mi"),
        ])
    func canonical(text: String, expected: String) throws {
        #expect(try Quantity(parsing: text).canonical == expected)
    }

    @Test(
        "invalid strings are errors, not zero",
        arguments: ["", "abc", "1.2.3", "1Qi", "m", "1e", "1 Gi", "--1", "1ki", "1e1000", "99999999999999999999999999999999E"])
    func rejects(text: String) {
        #expect(throws: QuantityError.self) { try Quantity(parsing: text) }
    }

    @Test func milliArithmetic() throws {
        let cpu = try Quantity(parsing: "1.5") + Quantity(parsing: "250m")
        #expect(cpu.milliValue == 1750)
        #expect(cpu.canonical == "1750m")
        let left = try Quantity(parsing: "1") - Quantity(parsing: "1500m")
        #expect(left.milliValue == -500)
        #expect(try Quantity(parsing: "1n").milliValue == 1, "rounds up like Kubernetes' MilliValue")
        #expect(try Quantity(parsing: "2Gi").value == 2_147_483_648)
    }

    @Test func equalityIsByValueAndTextIsKept() throws {
        let a = try Quantity(parsing: "1000m")
        let b = try Quantity(parsing: "1")
        #expect(a == b)
        #expect(a.description == "1000m")
        let encoded = try KubeJSON.encodeToValue(["cpu": a])
        #expect(encoded == ["cpu": "1000m"])
    }

    @Test func decodesNumbersAndStrings() throws {
        let decoded = try KubeJSON.decode([String: Quantity].self, from: ["a": 2, "b": "3Gi", "c": 0.5])
        #expect(decoded["a"]?.value == 2)
        #expect(decoded["b"]?.canonical == "3Gi")
        #expect(decoded["c"]?.milliValue == 500)
        #expect(throws: (any Error).self) { try KubeJSON.decode([String: Quantity].self, from: ["a": "lots"]) }
    }
}
