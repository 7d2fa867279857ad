import Foundation

/// One kubectl command of a check against a server, with what it reads on stdin.
public struct KubectlStep: Sendable {
    public var arguments: [String]
    public var input: String?

    public init(_ arguments: [String], input: String? = nil) {
        self.arguments = arguments
        self.input = input
    }
}

/// What one step printed and its exit code: a check runs its steps against each server and both must
/// give the same outcomes.
public struct KubectlOutcome: Equatable, Sendable, CustomStringConvertible {
    public var command: String
    public var status: Int32
    public var output: String
    public var description: String { "\(command) -> \(status): \(output)" }
}

enum KubectlSteps {
    /// Runs the steps in order with `kubectl` against `kubeconfig`. The output compared is what `shown`
    /// makes of the printed text (standard output, or standard error when that is empty), trimmed.
    static func run(
        _ steps: [KubectlStep], kubectl: String, kubeconfig: String,
        shown: (KubectlStep, CommandResult, String) -> String = { $2 }
    ) async throws -> [KubectlOutcome] {
        var outcomes: [KubectlOutcome] = []
        for step in steps {
            let result = try await runLongCommand(kubectl, ["--kubeconfig", kubeconfig] + step.arguments, input: step.input)
            let printed = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            let output = printed.isEmpty ? result.stderr.trimmingCharacters(in: .whitespacesAndNewlines) : printed
            outcomes.append(
                KubectlOutcome(
                    command: step.arguments.joined(separator: " "), status: result.status, output: shown(step, result, output)))
        }
        return outcomes
    }

    /// The outcomes a server must give: each step's exit code and output, in order.
    static func expected(_ steps: [KubectlStep], _ answers: [(Int32, String)]) -> [KubectlOutcome] {
        zip(steps, answers).map { step, answer in
            KubectlOutcome(command: step.arguments.joined(separator: " "), status: answer.0, output: answer.1)
        }
    }

    static func firstLine(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
    }
}
