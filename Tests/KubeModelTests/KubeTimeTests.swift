import Foundation
import Testing

@testable import KubeModel

@Suite("KubeTime")
struct KubeTimeTests {
    @Test func parsesAndKeepsText() throws {
        let time = try #require(KubeTime(text: "2024-05-01T12:30:45Z"))
        #expect(time.date.timeIntervalSince1970 == 1_714_566_645)
        #expect(time.description == "2024-05-01T12:30:45Z")
        let micro = try #require(KubeTime(text: "2024-05-01T12:30:45.250000Z"))
        #expect(micro.date.timeIntervalSince1970 == 1_714_566_645.25)
        let offset = try #require(KubeTime(text: "2024-05-01T14:30:45+02:00"))
        #expect(offset.date == time.date)
    }

    @Test func formats() {
        let date = Date(timeIntervalSince1970: 1_714_566_645.5)
        #expect(KubeTime(date).description == "2024-05-01T12:30:45Z")
        #expect(KubeTime(date, microseconds: true).description == "2024-05-01T12:30:45.500000Z")
        // Every field padded with zeros: 1970-01-02T03:04:05.000007Z.
        let early = Date(timeIntervalSince1970: 86_400 + 3 * 3600 + 4 * 60 + 5 + 0.0000075)
        #expect(KubeTime(early).description == "1970-01-02T03:04:05Z")
        #expect(KubeTime(early, microseconds: true).description == "1970-01-02T03:04:05.000007Z")
    }

    @Test(arguments: ["", "2024-05-01", "2024-13-01T00:00:00Z", "2024-05-01T12:30:45", "yesterday", "2024-05-01T12:30:45.Z"])
    func rejects(text: String) {
        #expect(KubeTime(text: text) == nil)
        #expect(throws: (any Error).self) { try KubeJSON.decode(KubeTime.self, from: .string(text)) }
    }
}
