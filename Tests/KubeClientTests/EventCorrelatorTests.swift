import Foundation
import KubeModel
import Testing

@testable import KubeClient

@Suite("Event correlator")
struct EventCorrelatorTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    static func event(_ object: String, reason: String = "Updated", message: String) -> Event {
        EventRecorder.event(
            about: ObjectReference(kind: "StatefulPodSet", namespace: "a", name: object, uid: "uid-\(object)"),
            component: "stead-controller", type: "Normal", reason: reason, message: message, action: nil)
    }

    @Test func aRepeatCountsOnTheFirstEvent() throws {
        var correlator = EventCorrelator()
        guard case .create(let first) = correlator.correlate(Self.event("web", message: "m"), now: Self.start) else {
            Issue.record("the first Event is not created")
            return
        }
        let repeated = correlator.correlate(Self.event("web", message: "m"), now: Self.start + 1)
        guard case .update(let counted) = repeated else {
            Issue.record("a repeat is \(repeated)")
            return
        }
        #expect(counted.name == first.name && counted.count == 2 && counted.firstTimestamp == first.firstTimestamp)
    }

    @Test func theTenthSimilarEventIsCombinedAndLaterOnesCountOnIt() {
        var correlator = EventCorrelator()
        let outcomes = (0..<12).map { correlator.correlate(Self.event("web", message: "pod \($0)"), now: Self.start) }
        #expect(outcomes.prefix(9).allSatisfy { if case .create = $0 { true } else { false } })
        guard case .create(let combined) = outcomes[9], case .update(let next) = outcomes[10] else {
            Issue.record("\(outcomes[9]), \(outcomes[10])")
            return
        }
        #expect(combined.message == "(combined from similar events): pod 9")
        #expect(next.name == combined.name && next.count == 2 && next.message == "(combined from similar events): pod 10")
    }

    @Test func similarEventsFarApartAreNotCombined() {
        var correlator = EventCorrelator()
        for index in 0..<9 { _ = correlator.correlate(Self.event("web", message: "pod \(index)"), now: Self.start) }
        let late = correlator.correlate(Self.event("web", message: "pod 9"), now: Self.start + 601)
        guard case .create(let event) = late else {
            Issue.record("\(late)")
            return
        }
        #expect(event.message == "pod 9")
    }

    @Test func eachObjectGets25WritesThenOneEveryFiveMinutes() {
        var correlator = EventCorrelator()
        let writes = (0..<30).map { correlator.correlate(Self.event("web", reason: "R\($0)", message: "m"), now: Self.start) }
        #expect(writes.prefix(25).allSatisfy { $0 != .drop })
        #expect(writes.suffix(5).allSatisfy { $0 == .drop })
        // Another object has its own budget.
        #expect(correlator.correlate(Self.event("db", message: "m"), now: Self.start) != .drop)
        #expect(correlator.correlate(Self.event("web", reason: "later", message: "m"), now: Self.start + 299) == .drop)
        #expect(correlator.correlate(Self.event("web", reason: "later", message: "m"), now: Self.start + 301) != .drop)
    }
}
