import Foundation
import Synchronization

/// Starts the programs tests run so that they cannot outlive the test process: on Linux each one runs
/// under `setpriv --pdeathsig KILL`, so the kernel kills it when its parent goes away, even when
/// `swift test` itself is killed or crashes.
public enum ChildLaunch {
    static let setpriv = "/usr/bin/setpriv"

    /// The command line that runs `executable` with a parent-death SIGKILL, where the platform has one.
    public static func command(_ executable: String, _ arguments: [String]) -> (executable: String, arguments: [String]) {
        #if os(Linux)
        if FileManager.default.isExecutableFile(atPath: setpriv) {
            return (setpriv, ["--pdeathsig", "KILL", "--", executable] + arguments)
        }
        #endif
        return (executable, arguments)
    }

    /// Runs `process` (its executable, arguments and handles already set) under ``command(_:_:)``.
    ///
    /// Linux sends the parent-death signal when the *thread* that forked the child ends, and
    /// `Process.run()` forks from the calling thread: from a Dispatch or Swift-concurrency worker, which
    /// retires after a few idle seconds, the child would be killed mid-test. So every start happens on
    /// one thread that lives as long as the test process.
    public static func start(_ process: Process) throws {
        guard let url = process.executableURL, FileManager.default.isExecutableFile(atPath: url.path) else {
            throw NotExecutable(path: process.executableURL?.path ?? "")
        }
        let wrapped = command(url.path, process.arguments ?? [])
        process.executableURL = URL(fileURLWithPath: wrapped.executable)
        process.arguments = wrapped.arguments
        try SpawnThread.shared.perform { try process.run() }
    }

    public struct NotExecutable: Error, CustomStringConvertible {
        public var path: String
        public var description: String { "no executable file at '\(path)'" }
    }
}

/// One long-lived thread that runs the jobs handed to it, one at a time.
final class SpawnThread: Sendable {
    static let shared = SpawnThread()

    private let jobs = Mutex<[@Sendable () -> Void]>([])
    private let pending = DispatchSemaphore(value: 0)

    private init() {
        let thread = Thread { [self] in runJobs() }
        thread.name = "test-child-launcher"
        thread.start()
    }

    private func runJobs() -> Never {
        while true {
            pending.wait()
            let job = jobs.withLock { $0.isEmpty ? nil : $0.removeFirst() }
            job?()
        }
    }

    /// Runs `body` on the thread and waits for it; it only forks, so the wait is short.
    func perform(_ body: @escaping @Sendable () throws -> Void) throws {
        let outcome = Outcome()
        jobs.withLock { $0.append { outcome.finish(Result(catching: body)) } }
        pending.signal()
        try outcome.wait().get()
    }
}

/// The result of a job, handed from the launcher thread back to the waiting caller.
private final class Outcome: Sendable {
    private let result = Mutex<Result<Void, any Error>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    func finish(_ value: Result<Void, any Error>) {
        result.withLock { $0 = value }
        done.signal()
    }

    func wait() -> Result<Void, any Error> {
        done.wait()
        return result.withLock { $0 } ?? .success(())
    }
}
