import Foundation
import SteadTestSupport

/// `stead nodesim` run as a separate process against a cluster's kubeconfig.
enum NodeSimProcess {
    /// Starts it with `arguments` (nodes, zones, latencies) and returns once it printed its ready line.
    static func start(kubeconfig: String, arguments: [String]) async throws -> ChildProcess {
        let child = try ChildProcess(
            TestPaths.stead, ["nodesim", "--kubeconfig", kubeconfig, "--log-level", "warning"] + arguments)
        guard await child.waitForLine(containing: "stead nodesim ready", timeout: 60) != nil else {
            child.signal(SIGKILL)
            throw StartError(output: child.lines)
        }
        return child
    }

    struct StartError: Error, CustomStringConvertible {
        var output: [String]
        var description: String { "stead nodesim did not print its ready line:\n" + output.joined(separator: "\n") }
    }
}
