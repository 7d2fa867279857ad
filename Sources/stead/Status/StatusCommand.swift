import ArgumentParser
import Foundation
import KubeClient
import KubeModel
import SteadAPI
import SteadController
import SteadRuntime

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show a StatefulPodSet's pods: node, revision, readiness, and how each was last updated."
    )

    @Argument(help: "The StatefulPodSet's name.")
    var set: String

    @Option(name: [.short, .long], help: "Its namespace (default: the kubeconfig context's).")
    var namespace: String?

    @Option(help: "Kubeconfig of the cluster (default: KUBECONFIG, in-cluster, ~/.kube/config).")
    var kubeconfig: String?

    func run() async throws {
        let configuration = try ClientConfiguration.load(kubeconfigPath: kubeconfig.map(absolutePath))
        let client = try KubeClient(configuration: configuration)
        do {
            let report = try await load(client, namespace: namespace ?? configuration.namespace)
            try await client.shutdown()
            say(report.render())
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    private func load(_ client: KubeClient, namespace: String) async throws -> SetStatusReport {
        let found = try await client.get(StatefulPodSet.self, name: set, namespace: namespace)
        let owned = ListOptions(labelSelector: "\(SteadKeys.set)=\(set)")
        let isOurs: (ObjectMeta) -> Bool = { $0.controllerReference?.uid == found.metadata.uid }
        let pods = try await client.listAll(Pod.self, namespace: namespace, options: owned).items.filter { isOurs($0.metadata) }
        let events = try await client.listAll(Event.self, namespace: namespace).items
        return SetStatusReport(set: found, pods: pods, events: events)
    }
}
