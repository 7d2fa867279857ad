import ArgumentParser
import Foundation
import KubeClient
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

    @Argument(help: "The StatefulPodSet's name.")
    var set: String

    @Option(help: "The revision to go back to (default: the one before the latest).")
    var toRevision: Int64?

    @Option(name: [.short, .long], help: "Its namespace (default: the kubeconfig context's).")
    var namespace: String?

    @Option(help: "Kubeconfig of the cluster (default: KUBECONFIG, in-cluster, ~/.kube/config).")
    var kubeconfig: String?

    func run() async throws {
        let configuration = try ClientConfiguration.load(kubeconfigPath: kubeconfig.map(absolutePath))
        let client = try KubeClient(configuration: configuration)
        let namespace = namespace ?? configuration.namespace
        do {
            let outcome = try await Rollback.rollback(set, namespace: namespace, toRevision: toRevision, client: client)
            try await client.shutdown()
            switch outcome {
            case .rolledBack(let revision, let name):
                say("""
                    statefulpodset \(set) rolled back to revision \(revision) (\(name))
                      stead status \(set) -n \(namespace)    # the pods move to it
                    """)
            case .alreadyThere(let revision, let name):
                say("statefulpodset \(set) already runs the template of revision \(revision) (\(name)): nothing to do")
            }
        } catch {
            try? await client.shutdown()
            throw error
        }
    }
}
