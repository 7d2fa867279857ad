import Foundation
import Testing

@testable import KubeModel

/// The read log behind unknown-field preservation: what a decode read, however it read it, is known;
/// everything else is kept.
@Suite("Read log")
struct ReadLogTests {
    /// Reads `spec` twice, through two containers, one field each time.
    struct ReadsTwice: Decodable {
        var first: String
        var second: String

        enum Keys: String, CodingKey { case spec, first, second }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            first = try container.nestedContainer(keyedBy: Keys.self, forKey: .spec).decode(String.self, forKey: .first)
            second = try container.nestedContainer(keyedBy: Keys.self, forKey: .spec).decode(String.self, forKey: .second)
        }
    }

    /// Reads the array `items` twice: the first element, then every element's `name`.
    struct ReadsItemsTwice: Decodable {
        var names: [String]

        enum Keys: String, CodingKey { case items, name, size }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            var firstPass = try container.nestedUnkeyedContainer(forKey: .items)
            _ = try firstPass.nestedContainer(keyedBy: Keys.self).decode(Int.self, forKey: .size)
            var secondPass = try container.nestedUnkeyedContainer(forKey: .items)
            var names: [String] = []
            while !secondPass.isAtEnd { names.append(try secondPass.nestedContainer(keyedBy: Keys.self).decode(String.self, forKey: .name)) }
            self.names = names
        }
    }

    /// Reads the members it is told to, one by one (a generic map read through a keyed container).
    struct ReadsMembers: Decodable {
        var values: [String: Int]

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            var values: [String: Int] = [:]
            for key in container.allKeys where key.stringValue.hasPrefix("known") {
                values[key.stringValue] = try container.decode(Int.self, forKey: key)
            }
            self.values = values
        }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    private func unread<T: Decodable>(_ type: T.Type, _ json: String) throws -> (T, JSONValue?) {
        let raw = try KubeJSON.parse(Data(json.utf8))
        let log = ReadLog()
        let value = try JSONValueDecoder.decode(type, from: raw, log: log)
        return (value, UnknownFields.unread(raw, log: log))
    }

    @Test func aMemberReadTwiceCountsBothReads() throws {
        let (value, rest) = try unread(ReadsTwice.self, #"{"spec":{"first":"a","second":"b","third":"c"},"other":1}"#)
        #expect(value.first == "a" && value.second == "b")
        #expect(rest == ["spec": ["third": "c"], "other": 1])
    }

    @Test func anArrayReadTwiceCountsBothReads() throws {
        let (value, rest) = try unread(
            ReadsItemsTwice.self, #"{"items":[{"name":"x","size":1,"extra":true},{"name":"y","size":2}]}"#)
        #expect(value.names == ["x", "y"])
        #expect(rest == ["items": [["extra": true, "name": "x"], ["size": 2, "name": "y"]]])
    }

    @Test func manyMembersGoThroughTheIndex() throws {
        let known = (0..<40).map { "\"known\($0)\":\($0)" }
        let json = "{" + (known + [#""unknownA":"a""#, #""unknownB":{"b":1}"#]).joined(separator: ",") + "}"
        let (value, rest) = try unread(ReadsMembers.self, json)
        #expect(value.values.count == 40)
        #expect(rest == ["unknownA": "a", "unknownB": ["b": 1]])
    }

    @Test func everythingReadLeavesNothing() throws {
        let (_, rest) = try unread(ReadsTwice.self, #"{"spec":{"first":"a","second":"b"}}"#)
        #expect(rest == nil)
    }
}
