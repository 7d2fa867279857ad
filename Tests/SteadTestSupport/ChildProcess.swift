import Foundation
import Synchronization

/// A program started by a test, with its output collected line by line as it arrives.
public final class ChildProcess: Sendable {
    public let process: SpawnedProcess
    private let output = OutputLines()

    public init(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws {
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw ChildLaunch.SpawnFailed(path: executable, code: errno) }
        let nullInput = open("/dev/null", O_RDONLY)
        defer {
            close(ends[1])
            close(nullInput)
        }
        do {
            process = try ChildLaunch.spawn(
                executable, arguments, environment: env, stdin: nullInput, stdout: ends[1], stderr: ends[1])
        } catch {
            close(ends[0])
            throw error
        }
        // The child's output, read on a thread of its own until the child (the only writer) ends.
        let (reader, output) = (ends[0], output)
        Thread {
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = read(reader, &buffer, buffer.count)
                if count > 0 {
                    output.append(Data(buffer[0..<count]))
                } else if count == 0 || errno != EINTR {
                    break
                }
            }
            close(reader)
        }.start()
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
        process.signal(signal)
    }

    /// Waits for the process to end and returns its exit status, or nil if it is still running after `timeout`.
    public func waitForExit(timeout: Double = 30) async -> Int32? {
        await withTaskGroup(of: Int32?.self) { group in
            group.addTask { await self.process.exitStatus() }
            group.addTask {
                try? await Task.sleep(for: .seconds(timeout))
                return nil
            }
            defer { group.cancelAll() }
            return await group.next() ?? nil
        }
    }

    deinit {
        process.signal(SIGKILL)
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
/// than pipes: a child that fills one pipe while the other is read would block forever.
public func runCommand(_ executable: String, _ arguments: [String], input: String? = nil,
                environment: [String: String] = [:]) throws -> CommandResult {
    var env = ProcessInfo.processInfo.environment
    env.merge(environment) { _, new in new }
    let folder = try TestPaths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let stdoutPath = folder + "/stdout"
    let stderrPath = folder + "/stderr"
    let stdout = open(stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let stderr = open(stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    var stdin: [Int32] = [0, 0]
    guard stdout >= 0, stderr >= 0, pipe(&stdin) == 0 else { throw ChildLaunch.SpawnFailed(path: executable, code: errno) }
    let child: SpawnedProcess
    do {
        defer {
            close(stdout)
            close(stderr)
            close(stdin[0])
        }
        child = try ChildLaunch.spawn(executable, arguments, environment: env, stdin: stdin[0], stdout: stdout, stderr: stderr)
    } catch {
        close(stdin[1])
        throw error
    }
    // Written, then closed: the child reads to the end (one that stops reading gives EPIPE here, see
    // ChildLaunch.ignoreBrokenPipes).
    if let input {
        var bytes = Array(input.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(stdin[1], $0.baseAddress, $0.count) }
            if written > 0 {
                bytes = bytes.dropFirst(written)
            } else if errno != EINTR {
                break
            }
        }
    }
    close(stdin[1])
    let status = child.waitUntilExit()
    return CommandResult(
        status: status,
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
