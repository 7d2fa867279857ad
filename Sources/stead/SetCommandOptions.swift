import ArgumentParser
import KubeClient
import SteadRuntime

/// The set and cluster a command about one StatefulPodSet acts on (`stead status`, `stead rollback`).
struct SetCommandOptions: ParsableArguments {
    @Argument(help: "The StatefulPodSet's name.")
    var set: String

    @Option(name: [.short, .long], help: "Its namespace (default: the kubeconfig context's).")
    var namespace: String?

    @Option(help: "Kubeconfig of the cluster (default: KUBECONFIG, in-cluster, ~/.kube/config).")
    var kubeconfig: String?

    /// Runs `body` with a client of the cluster and the set's namespace; the client is shut down after.
    func withClient<T>(_ body: (KubeClient, _ namespace: String) async throws -> T) async throws -> T {
        let configuration = try ClientConfiguration.load(kubeconfigPath: kubeconfig.map(absolutePath))
        let client = try KubeClient(configuration: configuration)
        do {
            let result = try await body(client, namespace ?? configuration.namespace)
            try await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }
}
