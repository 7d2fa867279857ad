import Foundation
import SteadRuntime
import SteadTestSupport
import Testing

/// An address another program holds: `stead up` and `stead apiserver` name it, say which flag moves
/// them, exit 1, and leave no half-made data folder behind.
@Suite("start-up failures", .timeLimit(.minutes(4)))
struct StartupFailureTests {
    /// Runs `stead arguments` in a fresh data folder beside a running `stead apiserver` whose port is
    /// given to `arguments`; returns the result and whether the folder exists afterwards.
    private func runBesideAnotherServer(_ arguments: (_ takenPort: String) -> [String])
        async throws -> (result: CommandResult, folderLeft: Bool, port: String)
    {
        let other = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: other) }
        let server = try await APIServerProcess.start(dataDirectory: other)
        defer { server.child.signal(SIGKILL) }
        let port = try #require(server.baseURL.split(separator: ":").last.map(String.init))
        let folder = try TestPaths.temporaryDirectory() + "/data"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try await runLongCommand(TestPaths.stead, arguments(port) + ["--data-dir", folder])
        return (result, FileManager.default.fileExists(atPath: folder), port)
    }

    @Test func upOnATakenPortSaysWhichAndHowToMove() async throws {
        let run = try await runBesideAnotherServer { ["up", "--port", $0, "--nodes", "1"] }
        #expect(run.result.status == 1)
        #expect(run.result.stderr.contains("cannot listen on 127.0.0.1:\(run.port): the address is already in use"), "\(run.result.stderr)")
        #expect(run.result.stderr.contains("stead up --port") && run.result.stderr.contains("--port 0"), "\(run.result.stderr)")
        #expect(!run.folderLeft, "a half-made data folder was left")
    }

    @Test func upWithATakenMetricsAddressSaysWhichFlagMovesIt() async throws {
        let run = try await runBesideAnotherServer { ["up", "--port", "0", "--metrics-address", "127.0.0.1:\($0)", "--nodes", "1"] }
        #expect(run.result.status == 1)
        #expect(run.result.stderr.contains("cannot listen on 127.0.0.1:\(run.port)"), "\(run.result.stderr)")
        #expect(run.result.stderr.contains("--metrics-address"), "\(run.result.stderr)")
        #expect(!run.folderLeft, "a half-made data folder was left")
    }

    @Test func apiserverOnATakenPortSaysWhichAndHowToMove() async throws {
        let run = try await runBesideAnotherServer { ["apiserver", "--port", $0] }
        #expect(run.result.status == 1)
        #expect(run.result.stderr.contains("cannot listen on 127.0.0.1:\(run.port)"), "\(run.result.stderr)")
        #expect(run.result.stderr.contains("stead apiserver --port"), "\(run.result.stderr)")
        #expect(!run.folderLeft, "a half-made data folder was left")
    }
}
