import Foundation
import SteadTestSupport

/// `stead up` run as a separate process on a data folder, as a user runs it.
struct SteadUpProcess {
    let child: ChildProcess
    let dataDirectory: String
    let readyLine: String

    var kubeconfig: String { dataDirectory + "/kubeconfig" }

    /// The `http://host:port` of `/metrics`, from the ready line.
    var metricsURL: String? {
        readyLine.split(separator: " ").first { $0.hasPrefix("http://") }.map(String.init)
    }

    static func start(dataDirectory: String, nodes: Int = 3, timeout: Double = 120) async throws -> SteadUpProcess {
        let child = try ChildProcess(
            TestPaths.stead,
            ["up", "--data-dir", dataDirectory, "--port", "0", "--nodes", "\(nodes)", "--log-level", "warning"])
        guard let line = await child.waitForLine(containing: "stead up ready at", timeout: timeout) else {
            child.signal(SIGKILL)
            throw StartError(output: child.lines)
        }
        return SteadUpProcess(child: child, dataDirectory: dataDirectory, readyLine: line)
    }

    struct StartError: Error, CustomStringConvertible {
        var output: [String]
        var description: String { "stead up did not print its ready line:\n" + output.joined(separator: "\n") }
    }

    /// kubectl against this instance, off the cooperative pool (`wait` and `rollout status` block).
    func kubectl(_ arguments: [String], input: String? = nil) async throws -> CommandResult {
        try await runLongCommand(TestPaths.kubectl ?? "kubectl", ["--kubeconfig", kubeconfig] + arguments, input: input)
    }
}
