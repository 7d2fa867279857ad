import Foundation
import Testing

@testable import KubeModel

@Suite("JSONValue text")
struct JSONValueTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONValue.parse(Data(#"{"t":true,"f":false,"i":-7,"big":9007199254740993,"d":1.5,"s":"x","n":null,"a":[1,"2",[]],"o":{}}"#.utf8))
        #expect(value == ["t": true, "f": false, "i": -7, "big": .int(9_007_199_254_740_993), "d": 1.5, "s": "x",
                          "n": nil, "a": [1, "2", []], "o": [:]])
    }

    @Test func serializesSortedAndEscaped() throws {
        let value: JSONValue = ["b": "quote\" back\\slash\nnew\u{01}", "a": [1, 2.5, true, nil], "c": "path/ü"]
        let text = String(decoding: value.serialized(), as: UTF8.self)
        #expect(text == #"{"a":[1,2.5,true,null],"b":"quote\" back\\slash\nnew\u0001","c":"path/ü"}"#)
        #expect(try JSONValue.parse(value.serialized()) == value)
    }

    @Test(arguments: ["{", "{\"a\" 1}", "tru", "1e400", "\"unterminated"])
    func rejectsMalformedText(text: String) {
        #expect(throws: (any Error).self) { try JSONValue.parse(Data(text.utf8)) }
    }

    @Test func codableStillWorksForNestedValues() throws {
        let decoded = try JSONDecoder().decode([String: JSONValue].self, from: Data(#"{"x":{"y":[1,"a",false,null,2.5]}}"#.utf8))
        #expect(decoded["x"] == ["y": [1, "a", false, nil, 2.5]])
    }
}
