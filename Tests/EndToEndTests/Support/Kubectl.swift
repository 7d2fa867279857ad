import Foundation
import SteadTestSupport

/// kubectl against one kubeconfig: the client users have, and the proof that what Stead serves and
/// installs is what kubectl expects.
struct Kubectl: Sendable {
    let executable: String
    let kubeconfig: String

    func run(_ arguments: [String], input: String? = nil) async throws -> CommandResult {
        try await runLongCommand(executable, arguments, input: input, environment: ["KUBECONFIG": kubeconfig])
    }

    /// The standard output of a command that must succeed; its error output otherwise.
    @discardableResult
    func succeed(_ arguments: [String], input: String? = nil) async throws -> String {
        let result = try await run(arguments, input: input)
        guard result.status == 0 else {
            throw E2EError("kubectl \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.stderr)")
        }
        return result.stdout
    }

    /// `kubectl apply -f -` of `manifest`, after a server-side dry run of the same.
    @discardableResult
    func apply(_ manifest: String, namespace: String? = nil) async throws -> String {
        let scope = namespace.map { ["-n", $0] } ?? []
        try await succeed(["apply", "--dry-run=server", "-f", "-"] + scope, input: manifest)
        return try await succeed(["apply", "-f", "-"] + scope, input: manifest)
    }
}
