/// Waits until `condition` holds, checking every 20 ms; throws ``TimeoutError`` after `timeout`. For a
/// state that lasts once reached (a transient one is seen through a watch, ``Watched``); the timeout
/// is a hang guard, not a performance bound.
public func eventually(
    timeout: Duration = .seconds(30), _ what: String = "condition", _ condition: () async throws -> Bool
) async throws {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(20))
    }
    throw TimeoutError(what: what)
}

public struct TimeoutError: Error, CustomStringConvertible {
    public var what: String
    public init(what: String) { self.what = what }
    public var description: String { "timed out waiting for \(what)" }
}
