import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Starts the programs tests run, with `posix_spawn`, so that they cannot outlive the test process and
/// hold nothing of it: on Linux each one runs under `setpriv --pdeathsig KILL`, so the kernel kills it
/// when its parent goes away (even when `swift test` itself is killed or crashes), and every descriptor
/// but its standard streams is closed in it.
///
/// Not Foundation's `Process`: its `run()` on Linux lists `/proc/self/fd` copying 256 bytes of each
/// entry, past the end of glibc's buffer (swift-corelibs-foundation PR #5472, in Swift 6.3.1), and
/// crashed the suite when the test process had some 1,500 descriptors open.
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

    /// Starts `executable` with its standard input, output and error on the given descriptors (which
    /// the caller still owns and may close once this returns) and `environment` (the test process's
    /// when nil).
    ///
    /// Linux sends the parent-death signal when the *thread* that forked the child ends, and a spawn
    /// forks from the calling thread: from a Dispatch or Swift-concurrency worker, which retires after a
    /// few idle seconds, the child would be killed mid-test. So every start happens on one thread that
    /// lives as long as the test process.
    public static func spawn(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil,
        stdin: Int32, stdout: Int32, stderr: Int32
    ) throws -> SpawnedProcess {
        guard FileManager.default.isExecutableFile(atPath: executable) else { throw NotExecutable(path: executable) }
        ChildLaunch.ignoreBrokenPipes
        let wrapped = command(executable, arguments)
        let environment = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let pid = try SpawnThread.shared.perform {
            try posixSpawn(wrapped.executable, [wrapped.executable] + wrapped.arguments, environment, [stdin, stdout, stderr])
        }
        return SpawnedProcess(pid: pid)
    }

    public struct NotExecutable: Error, CustomStringConvertible {
        public var path: String
        public var description: String { "no executable file at '\(path)'" }
    }

    public struct SpawnFailed: Error, CustomStringConvertible {
        public var path: String
        public var code: Int32
        public var description: String { "could not start '\(path)': \(String(cString: strerror(code)))" }
    }

    /// Writing to a child that has closed its input gives EPIPE instead of killing the test process.
    public static let ignoreBrokenPipes: Void = {
        signal(SIGPIPE, SIG_IGN)
    }()

    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), which Swift's Glibc module
    /// does not declare.
    private static let addCloseFrom: AddCloseFrom? = dlsym(
        UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np"
    ).map { unsafeBitCast($0, to: AddCloseFrom.self) }

    private static func posixSpawn(_ path: String, _ arguments: [String], _ environment: [String], _ streams: [Int32]) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (target, source) in streams.enumerated() {
            posix_spawn_file_actions_adddup2(&actions, source, Int32(target))
        }
        guard let addCloseFrom, addCloseFrom(&actions, 3) == 0 else {
            throw SpawnFailed(path: path, code: ENOSYS)
        }
        // The test process ignores SIGPIPE (``ignoreBrokenPipes``); the child gets the default back.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard code == 0 else { throw SpawnFailed(path: path, code: code) }
        return pid
    }
}

/// A child started by ``ChildLaunch/spawn(_:_:environment:stdin:stdout:stderr:)``. A thread of its own
/// waits for it, so its end is known without polling.
public final class SpawnedProcess: Sendable {
    public let processIdentifier: pid_t
    private let state = Mutex<(status: Int32?, waiters: [CheckedContinuation<Int32, Never>])>((nil, []))
    private let exited = DispatchSemaphore(value: 0)

    init(pid: pid_t) {
        processIdentifier = pid
        let thread = Thread { [self] in
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            // As Foundation's terminationStatus: the exit code, or the number of the signal that ended it.
            let ended = status & 0x7f == 0 ? (status >> 8) & 0xff : status & 0x7f
            let waiters = state.withLock { state in
                state.status = ended
                defer { state.waiters = [] }
                return state.waiters
            }
            for waiter in waiters { waiter.resume(returning: ended) }
            exited.signal()
        }
        thread.start()
    }

    public var isRunning: Bool { state.withLock { $0.status == nil } }

    /// The exit code, or the signal that ended it; nil while it runs.
    public var terminationStatus: Int32? { state.withLock { $0.status } }

    public func signal(_ signal: Int32) {
        if isRunning { kill(processIdentifier, signal) }
    }

    /// Waits for the end without holding a thread of the cooperative pool.
    public func exitStatus() async -> Int32 {
        await withCheckedContinuation { continuation in
            let ended: Int32? = state.withLock { state in
                if state.status == nil { state.waiters.append(continuation) }
                return state.status
            }
            if let ended { continuation.resume(returning: ended) }
        }
    }

    /// Blocks the calling thread until the end (for a thread of its own, never the cooperative pool's).
    public func waitUntilExit() -> Int32 {
        exited.wait()
        exited.signal()
        return terminationStatus ?? 0
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

    /// Runs `body` on the thread and waits for it; it only spawns, so the wait is short.
    func perform<T: Sendable>(_ body: @escaping @Sendable () throws -> T) throws -> T {
        let outcome = Outcome<T>()
        jobs.withLock { $0.append { outcome.finish(Result(catching: body)) } }
        pending.signal()
        return try outcome.wait().get()
    }
}

/// The result of a job, handed from the launcher thread back to the waiting caller.
private final class Outcome<T: Sendable>: Sendable {
    private let result = Mutex<Result<T, any Error>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    func finish(_ value: Result<T, any Error>) {
        result.withLock { $0 = value }
        done.signal()
    }

    func wait() -> Result<T, any Error> {
        done.wait()
        return result.withLock { $0 }!
    }
}
