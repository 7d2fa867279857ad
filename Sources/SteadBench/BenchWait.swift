/// Polling waits of the benchmarks, each with a generous limit so that a stuck run ends with an error.
enum BenchWait {
    struct Timeout: Error, CustomStringConvertible {
        var what: String
        var description: String { "timed out waiting for \(what)" }
    }

    static func until(
        _ what: String, timeout: Duration = .seconds(3600), every interval: Duration = .milliseconds(20),
        _ condition: () async throws -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + timeout
        while try await !condition() {
            guard ContinuousClock.now < deadline else { throw Timeout(what: what) }
            try await Task.sleep(for: interval)
        }
    }
}
