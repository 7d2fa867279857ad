import Foundation
import SteadTestSupport
import Testing

private let parentDeathSignalAvailable: Bool = {
    #if os(Linux)
    FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
    #else
    false
    #endif
}()

/// Programs started by tests die with the process that started them, so a crashed `swift test` leaves
/// no `stead` process behind (see ``ChildLaunch``).
@Suite(.enabled(if: parentDeathSignalAvailable, "needs Linux and /usr/bin/setpriv for a parent-death signal"))
struct ChildLaunchTests {
    /// The shell stands in for a test process that is killed: the sleep it started the same way goes too.
    @Test func aChildIsKilledWhenItsParentIsKilled() async throws {
        let sleep = ChildLaunch.command("/bin/sleep", ["300"])
        let script = ([sleep.executable] + sleep.arguments).joined(separator: " ") + " & echo grandchild $!; wait"
        let parent = try ChildProcess("/bin/sh", ["-c", script])
        let line = try #require(await parent.waitForLine(containing: "grandchild "))
        let grandchild = try #require(line.split(separator: " ").last.flatMap { Int32($0) })
        defer { kill(grandchild, SIGKILL) }
        #expect(Self.isAlive(grandchild))

        parent.signal(SIGKILL)
        #expect(await Self.eventually { !Self.isAlive(grandchild) }, "pid \(grandchild) outlived its parent")
    }

    /// True unless /proc shows the process gone or a zombie (an orphan may wait unreaped under a PID 1
    /// that does not reap).
    static func isAlive(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let nameEnd = stat.lastIndex(of: ")")
        else { return false }
        let state = stat[stat.index(after: nameEnd)...].first { $0 != " " }
        return state != "Z" && state != "X"
    }

    /// Polls `condition` until it holds; false only after a generous hang guard.
    static func eventually(_ condition: () -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return condition()
    }
}
