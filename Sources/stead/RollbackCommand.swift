import ArgumentParser
import SteadController
import SteadRuntime

struct RollbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollback",
        abstract: "Put a StatefulPodSet's template back to an earlier revision (kubectl rollout undo, for a StatefulPodSet).",
        discussion: """
            The pods then move to that template like after any change: in place where the change allows it.
            `kubectl get controllerrevisions -l stead.dev/set=SET` lists the revisions.
            """
    )

    @OptionGroup var target: SetCommandOptions

    @Option(help: "The revision to go back to (default: the one before the latest).")
    var toRevision: Int64?

    func run() async throws {
        let set = target.set
        let (outcome, namespace) = try await target.withClient { client, namespace in
            (try await Rollback.rollback(set, namespace: namespace, toRevision: toRevision, client: client), namespace)
        }
        switch outcome {
        case .rolledBack(let revision, let name):
            say("""
                statefulpodset \(set) rolled back to revision \(revision) (\(name))
                  stead status \(set) -n \(namespace)    # the pods move to it
                """)
        case .alreadyThere(let revision, let name):
            say("statefulpodset \(set) already runs the template of revision \(revision) (\(name)): nothing to do")
        }
    }
}
