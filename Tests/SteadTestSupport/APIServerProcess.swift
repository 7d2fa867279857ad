import Foundation

/// `stead apiserver` run as a separate process on a data folder, as a user runs it.
public struct APIServerProcess: Sendable {
    public let child: ChildProcess
    public let dataDirectory: String
    public let baseURL: String

    public var kubeconfig: String { dataDirectory + "/kubeconfig" }

    /// Starts it on `port` (0: a free one), with any `arguments` added (e.g. `--audit-log-path`).
    public static func start(dataDirectory: String, port: Int = 0, arguments: [String] = []) async throws -> APIServerProcess {
        let child = try ChildProcess(
            TestPaths.stead,
            ["apiserver", "--data-dir", dataDirectory, "--port", "\(port)", "--log-level", "warning"] + arguments)
        guard let line = await child.waitForLine(containing: "ready at"),
            let url = line.split(separator: " ").first(where: { $0.hasPrefix("http") })
        else {
            child.signal(SIGKILL)
            throw StartError(output: child.lines)
        }
        return APIServerProcess(child: child, dataDirectory: dataDirectory, baseURL: String(url.trimmingCharacters(in: [","])))
    }

    public struct StartError: Error, CustomStringConvertible {
        public var output: [String]
        public var description: String { "stead apiserver did not print its ready line:\n" + output.joined(separator: "\n") }
    }

    public func kubectl(_ arguments: [String], input: String? = nil) async throws -> CommandResult {
        try await runLongCommand(TestPaths.kubectl ?? "kubectl", ["--kubeconfig", kubeconfig] + arguments, input: input)
    }
}
