import Foundation
import SteadTestSupport
import Testing

@testable import KubeModel

/// The tree codec (parser, decoder, encoder) against Foundation's, which it replaced for speed: the
/// same documents must give the same values.
@Suite("JSON tree codec")
struct JSONCodecTests {
    // MARK: Parser

    @Test func parsesEveryKindOfValue() throws {
        let text = #"{"s":"a\"b\\c\/d\n\t\u00e9\ud83d\ude00","i":-42,"big":9223372036854775808,"d":2.5,"e":1e3,"t":true,"f":false,"n":null,"a":[1,[],{}]}"#
        let value = try JSONValue.parse(Data(text.utf8))
        #expect(value["s"] == .string("a\"b\\c/d\n\té😀"))
        #expect(value["i"] == .int(-42))
        #expect(value["big"] == .double(9223372036854775808))
        #expect(value["d"] == .double(2.5))
        #expect(value["e"] == .double(1000))
        #expect(value["t"] == .bool(true))
        #expect(value["f"] == .bool(false))
        #expect(value["n"] == .null)
        #expect(value["a"] == .array([.int(1), .array([]), .object([:])]))
    }

    @Test func nestedObjectsKeepTheirOwnMembersAndARepeatedKeyItsLastValue() throws {
        let text = #"{"a":{"x":1,"y":{"z":[{"k":1},{"k":2,"k":3}]},"x":4},"b":{},"a2":{"x":5}}"#
        let value = try JSONValue.parse(Data(text.utf8))
        #expect(value == ["a": ["x": 4, "y": ["z": [["k": 1], ["k": 3]]]], "b": [:], "a2": ["x": 5]])
    }

    @Test func topLevelScalarsAndWhitespace() throws {
        #expect(try JSONValue.parse(Data(" \n\t\"x\"\r ".utf8)) == .string("x"))
        #expect(try JSONValue.parse(Data("7".utf8)) == .int(7))
        #expect(try JSONValue.parse(Data("null".utf8)) == .null)
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "01", "1.", "-", "1e", "+1", ".5", "tru", "nul",
        "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00x\"", "\"a\u{01}b\"", "[1] 2", "{} x", "1e999",
        "NaN", "[\"\\ud83d\\u0041\"]",
    ])
    func refusesInvalidText(_ text: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(Data(text.utf8)) }
    }

    @Test func refusesInvalidUTF8() {
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(Data([0x22, 0xC3, 0x28, 0x22])) }
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(Data([0x22, 0x5C, 0x6E, 0xFF, 0x22])) }
    }

    @Test func refusesNestingBeyondTheLimitButNotAtIt() throws {
        let limit = JSONValueParser.maxDepth
        let atLimit = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        _ = try JSONValue.parse(Data(atLimit.utf8))
        let beyond = String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1)
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(Data(beyond.utf8)) }
        let hostile = String(repeating: "{\"a\":", count: 100_000)
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(Data(hostile.utf8)) }
    }

    @Test func agreesWithFoundationOnRandomDocuments() throws {
        var random = SplitMix64(seed: 0x5EED_C0DE)
        for _ in 0..<300 {
            let value = randomValue(&random, depth: 0)
            let text = value.serialized()
            let ours = try JSONValue.parse(text)
            let foundation = try foundationParse(text)
            #expect(ours == value)
            // Foundation's parser on Linux rounds some doubles off by a few ulps and reads large negative
            // integers as doubles; ours is exact (the round trip above), so numbers only need to agree
            // to 12 significant digits.
            #expect(sameUpToRounding(ours, foundation), "document: \(String(decoding: text, as: UTF8.self))")
        }
    }

    // MARK: Decoder and encoder

    @Test func typedRoundTripMatchesFoundationCoders() throws {
        let pod = try KubeJSON.decode(Pod.self, from: Data(UnknownFieldsTests.podJSON.utf8))
        var plain = pod
        plain.unknownFields = nil
        let ours = try JSONValueEncoder.encode(plain)
        let foundation = try JSONValue.parse(try JSONEncoder().encode(plain))
        #expect(ours == foundation)
        let decodedByFoundation = try JSONDecoder().decode(Pod.self, from: ours.serialized())
        let decodedByOurs = try JSONValueDecoder.decode(Pod.self, from: ours)
        #expect(decodedByOurs == decodedByFoundation)
    }

    @Test func integralDoublesEncodeAsIntegersAsJSONTextWould() throws {
        struct Numbers: Codable { var whole: Double; var half: Double; var float: Float; var large: UInt64 }
        let value = try JSONValueEncoder.encode(Numbers(whole: 3, half: 0.5, float: 0.1, large: .max))
        #expect(value["whole"] == .int(3))
        #expect(value["half"] == .double(0.5))
        #expect(value["float"] == .double(0.1))
        #expect(value["large"] == .double(Double(UInt64.max)))
        #expect(throws: EncodingError.self) { try JSONValueEncoder.encode(["x": Double.nan]) }
    }

    @Test func decoderErrorsNameTheField() throws {
        let value = try JSONValue.parse(Data(#"{"metadata":{"name":5}}"#.utf8))
        do {
            _ = try JSONValueDecoder.decode(Pod.self, from: value)
            Issue.record("a number where a name belongs decoded")
        } catch let DecodingError.typeMismatch(_, context) {
            #expect(context.codingPath.map(\.stringValue) == ["metadata", "name"])
        }
        let overflow = try JSONValue.parse(Data(#"{"spec":{"containers":[],"priority":99999999999}}"#.utf8))
        #expect(throws: DecodingError.self) { try JSONValueDecoder.decode(Pod.self, from: overflow) }
    }

    @Test func mapsOfStringsAndQuantitiesDecodeAsFoundationDoes() throws {
        struct Maps: Codable, Equatable {
            var labels: [String: String]
            var requests: [String: Quantity]
            var empty: [String: String]
        }
        let text = #"{"labels":{"app":"web","a.b/c":"é"},"requests":{"cpu":"100m","memory":"128Mi","n":2,"x":0.5},"empty":{}}"#
        let ours = try JSONValueDecoder.decode(Maps.self, from: try JSONValue.parse(Data(text.utf8)))
        #expect(ours == (try JSONDecoder().decode(Maps.self, from: Data(text.utf8))))
        #expect(ours.requests["cpu"]?.milliValue == 100)
        #expect(ours.requests["x"]?.milliValue == 500)

        for (bad, path) in [
            (#"{"labels":{"app":5},"requests":{},"empty":{}}"#, ["labels", "app"]),
            (#"{"labels":{},"requests":{"cpu":"lots"},"empty":{}}"#, ["requests", "cpu"]),
            (#"{"labels":{},"requests":{"cpu":true},"empty":{}}"#, ["requests", "cpu"]),
            (#"{"labels":[],"requests":{},"empty":{}}"#, ["labels"]),
        ] {
            do {
                _ = try JSONValueDecoder.decode(Maps.self, from: try JSONValue.parse(Data(bad.utf8)))
                Issue.record("decoded \(bad)")
            } catch let error as DecodingError {
                #expect(error.context.codingPath.map(\.stringValue) == path, "\(bad)")
            }
        }
    }

    @Test func unreadFieldsAreKeptAtEveryDepth() throws {
        let pod = try KubeJSON.decode(Pod.self, from: Data(UnknownFieldsTests.podJSON.utf8))
        let unknown = try #require(pod.unknownFields?.tree)
        #expect(unknown["spec"]?["futureField"] == .object(["nested": .array([.int(1), .double(2.5), .null, .string("x")])]))
        #expect(unknown["metadata"]?["managedFields"] != nil)
        #expect(unknown["spec"]?["containers"]?.arrayValue?.first?["stdin"] == .bool(true))
        #expect(unknown["spec"]?["containers"]?.arrayValue?.first?["name"] == .string("app"))
    }

    // MARK: Helpers

    private func sameUpToRounding(_ left: JSONValue, _ right: JSONValue) -> Bool {
        switch (left, right) {
        case (.int, .double), (.double, .int), (.double, .double):
            let (a, b) = (left.numberValue, right.numberValue)
            return abs(a - b) <= 1e-12 * max(abs(a), abs(b))
        case (.array(let a), .array(let b)): return a.count == b.count && zip(a, b).allSatisfy(sameUpToRounding)
        case (.object(let a), .object(let b)):
            return a.count == b.count && a.allSatisfy { key, value in b[key].map { sameUpToRounding(value, $0) } ?? false }
        default: return left == right
        }
    }

    private func foundationParse(_ data: Data) throws -> JSONValue {
        try convert(try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
    }

    private func convert(_ object: Any) throws -> JSONValue {
        switch object {
        case let string as String: return .string(string)
        case let dictionary as [String: Any]: return .object(try dictionary.mapValues(convert))
        case let array as [Any]: return .array(try array.map(convert))
        case is NSNull: return .null
        case let number as NSNumber:
            switch String(cString: number.objCType) {
            case "c", "B": return .bool(number.boolValue)
            case "d", "f": return .double(number.doubleValue)
            case "Q": return number.uint64Value <= UInt64(Int64.max) ? .int(Int64(number.uint64Value)) : .double(number.doubleValue)
            default: return .int(number.int64Value)
            }
        default: throw JSONSyntaxError(message: "unexpected \(type(of: object))", offset: 0)
        }
    }

    private func randomValue(_ random: inout SplitMix64, depth: Int) -> JSONValue {
        let kind = depth > 4 ? random.next(below: 5) : random.next(below: 7)
        switch kind {
        case 0: return .null
        case 1: return .bool(random.next(below: 2) == 0)
        case 2: return .int(Int64(bitPattern: random.next()) >> Int64(random.next(below: 63)))
        case 3: return .double(Double(Int64(bitPattern: random.next()) >> 20) / 1024.5)
        case 4: return .string(randomString(&random))
        case 5: return .array((0..<random.next(below: 5)).map { _ in randomValue(&random, depth: depth + 1) })
        default:
            var object: JSONObject = [:]
            for _ in 0..<random.next(below: 5) { object[randomString(&random)] = randomValue(&random, depth: depth + 1) }
            return .object(object)
        }
    }

    private func randomString(_ random: inout SplitMix64) -> String {
        let alphabet: [Character] = ["a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\u{01}", "é", "€", "😀", "-", "."]
        return String((0..<random.next(below: 12)).map { _ in alphabet[random.next(below: alphabet.count)] })
    }
}

extension SplitMix64 {
    fileprivate mutating func next(below bound: Int) -> Int { bound <= 1 ? 0 : Int(next() % UInt64(bound)) }
}

extension JSONValue {
    fileprivate var numberValue: Double {
        switch self {
        case .int(let value): Double(value)
        case .double(let value): value
        default: .nan
        }
    }
}

extension DecodingError {
    fileprivate var context: Context {
        switch self {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context),
            .dataCorrupted(let context):
            context
        @unknown default: Context(codingPath: [], debugDescription: "")
        }
    }
}
