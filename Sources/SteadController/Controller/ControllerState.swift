import Foundation
import KubeModel

/// The one actor that owns what the controller remembers between reconciles: its writes not yet seen
/// by the informers, which warnings were already reported, and whether the server serves `pods/resize`.
actor ControllerState {
    private struct Pending {
        var expectation: Expectation
        var until: ContinuousClock.Instant
    }

    private let expectationTimeout: Duration
    /// By `kind/namespace/name`.
    private var pending: [String: Pending] = [:]
    /// Per set key: the keys of warnings already reported.
    private var reported: [String: Set<String>] = [:]
    /// Per set key: when its status was last written.
    private var statusWrites: [String: ContinuousClock.Instant] = [:]
    private(set) var resizeSupported = true

    init(expectationTimeout: Duration) {
        self.expectationTimeout = expectationTimeout
    }

    // MARK: Expectations

    func expect(_ expectation: Expectation, kind: String, key: String) {
        pending["\(kind)/\(key)"] = Pending(expectation: expectation, until: .now + expectationTimeout)
    }

    /// Whether the cache still predates one of our writes to this object; forgets satisfied or expired
    /// expectations.
    func isStale(kind: String, key: String, cached: VersionStamp?) -> Bool {
        let id = "\(kind)/\(key)"
        guard let entry = pending[id] else { return false }
        if ContinuousClock.now < entry.until, entry.expectation.isStale(cached) { return true }
        pending[id] = nil
        return false
    }

    // MARK: Reported warnings

    /// True the first time `report` is asked for this set (until the set is forgotten).
    func firstReport(_ report: String, set key: String) -> Bool {
        reported[key, default: []].insert(report).inserted
    }

    func forget(set key: String) {
        reported[key] = nil
        statusWrites[key] = nil
    }

    // MARK: Status writes

    func lastStatusWrite(set key: String) -> ContinuousClock.Instant? { statusWrites[key] }

    func statusWritten(set key: String, at instant: ContinuousClock.Instant) { statusWrites[key] = instant }

    // MARK: Capabilities

    func resizeUnsupported() { resizeSupported = false }
}
