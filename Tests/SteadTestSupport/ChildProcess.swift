import Foundation
import Synchronization

/// A program started by a test, with its output collected line by line as it arrives.
public final class ChildProcess: Sendable {
    public let process: Process
    private let output = OutputLines()

    public init(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        pipe.fileHandleForReading.readabilityHandler = { [output] handle in
            let data = handle.availableData
            if !data.isEmpty { output.append(data) }
        }
        try ChildLaunch.start(process)
    }

    public var lines: [String] { output.lines }

    /// Waits until a line contains `text`; returns that line, or nil after `timeout` seconds.
    public func waitForLine(containing text: String, timeout: Double = 30) async -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let line = lines.first(where: { $0.contains(text) }) { return line }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    public func signal(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits for the process to end and returns its exit status, or nil if it is still running after `timeout`.
    public func waitForExit(timeout: Double = 30) async -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        return process.isRunning ? nil : process.terminationStatus
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

/// Output split into lines as it arrives in chunks.
public final class OutputLines: Sendable {
    private let state = Mutex<(lines: [String], partial: Data)>(([], Data()))

    public func append(_ data: Data) {
        state.withLock { state in
            state.partial.append(data)
            while let newline = state.partial.firstIndex(of: 0x0A) {
                state.lines.append(String(decoding: state.partial[state.partial.startIndex..<newline], as: UTF8.self))
                state.partial.removeSubrange(state.partial.startIndex...newline)
            }
        }
    }

    public var lines: [String] { state.withLock { $0.lines } }
}

/// The result of a program run to completion.
public struct CommandResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs a program to completion, feeding `input` on stdin. Its output goes to temporary files rather
/// than pipes: reading a pipe to its end can fail with EINTR (which Foundation's
/// `readDataToEndOfFile` turns into a crash) when other tests' children exit, and a child that fills one
/// pipe while the other is read would block forever.
public func runCommand(_ executable: String, _ arguments: [String], input: String? = nil,
                environment: [String: String] = [:]) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env.merge(environment) { _, new in new }
    process.environment = env
    let folder = try TestPaths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let stdoutPath = folder + "/stdout"
    let stderrPath = folder + "/stderr"
    _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
    _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
    let stdout = try FileHandle(forWritingTo: URL(fileURLWithPath: stdoutPath))
    let stderr = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath))
    let stdin = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    process.standardInput = stdin
    // Not `waitUntilExit()`: it spins this thread's CFRunLoop, and several threads doing so while another
    // launches a process crashed swift-corelibs-foundation (SIGSEGV in `Process.run()`, seen in CI). The
    // handler runs on Foundation's own process-monitoring thread.
    let exited = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in exited.signal() }
    try ChildLaunch.start(process)
    try? stdout.close()
    try? stderr.close()
    if let input { try stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8)) }
    try stdin.fileHandleForWriting.close()
    exited.wait()
    return CommandResult(
        status: process.terminationStatus,
        stdout: (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "",
        stderr: (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "")
}

/// ``runCommand(_:_:input:environment:)`` on a thread of its own, for long commands: a test must not hold one of
/// the few threads of Swift's cooperative pool while it blocks.
public func runLongCommand(
    _ executable: String, _ arguments: [String], input: String? = nil, environment: [String: String] = [:]
) async throws -> CommandResult {
    // A thread of its own: Dispatch's global queues share their few threads (one per core) with Swift's
    // cooperative pool on Linux, so commands that block for seconds there (`kubectl rollout status`,
    // `kubectl wait`) starved every task of the test process.
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            continuation.resume(
                with: Result { try runCommand(executable, arguments, input: input, environment: environment) })
        }
        thread.start()
    }
}

public enum TestPaths {
    /// The `stead` executable built next to the test bundle.
    public static var stead: String {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("stead").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return "stead"
    }

    public static let kubectl: String? = ["/usr/bin/kubectl", "/usr/local/bin/kubectl"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    public static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("stead-test-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
