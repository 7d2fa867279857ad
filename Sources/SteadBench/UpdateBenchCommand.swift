import ArgumentParser
import Logging
import SteadController
import SteadRuntime

struct UpdateBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "The same rollout under each update policy, side by side with plain Kubernetes.",
        discussion: """
            Starts in this process an embedded API server, NodeSim with N nodes, the StatefulSet controller \
            and Stead's scheduler and controller. First an apps/v1 StatefulSet of R replicas (Parallel, \
            default scheduler) is created and the change rolled out by the StatefulSet controller: the \
            baseline, plain Kubernetes. Then for each policy a StatefulPodSet of R replicas, the same change, \
            waiting each time until every replica is updated and Ready again.

            With --kubeconfig it runs on that cluster instead: NodeSim registers N nodes into it, Stead's \
            scheduler and controller run in this process with stead run's client budget, and the rows are a \
            StatefulSet rolled out by the cluster's StatefulSet controller and kube-scheduler, the same \
            StatefulSet naming scheduler stead, then a StatefulPodSet per policy (default: SameNodeRecreate \
            InPlaceIfPossible).
            """
    )

    @Option(help: "Simulated nodes (8 cpu / 32Gi / 110 pods each).")
    var nodes: Int = 1_000

    @Option(help: "Replicas of each set.")
    var replicas: Int = 1_000

    @Option(help: "Zones the nodes are spread over.")
    var zones: Int = 3

    @Option(help: "What the rollout changes: \(TemplateChange.allCases.map(\.rawValue).joined(separator: ", ")).")
    var change: TemplateChange = .image

    @Option(help: "Pods updated at the same time (rollingUpdate.maxUnavailable).")
    var maxUnavailable: Int = 1

    @Option(
        parsing: .upToNextOption,
        help: "Policies to compare, in order (default: Recreate SameNodeRecreate InPlaceIfPossible; on a cluster, the StatefulSet rows then SameNodeRecreate InPlaceIfPossible).")
    var policies: [String] = []

    @OptionGroup var cluster: ClusterBenchOptions

    @Flag(help: "Print the results as JSON.")
    var json = false

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard nodes > 0, replicas > 0, zones > 0, maxUnavailable > 0 else {
            throw ValidationError("--nodes, --replicas, --zones and --max-unavailable must be positive")
        }
        let known = Set(PodUpdatePolicy.allowed.map(\.rawValue))
        if let unknown = policies.first(where: { !known.contains($0) }) {
            throw ValidationError(
                "unknown policy \"\(unknown)\"; use one of: \(known.sorted().joined(separator: ", "))")
        }
    }

    func run() async throws {
        logging.bootstrap()
        let logger = Logger(label: "stead.bench")
        if let kubeconfig = cluster.kubeconfig {
            try await runOnCluster(kubeconfig: kubeconfig, logger: logger)
            return
        }
        let embedded = try await BenchCluster.start(nodes: nodes, zones: zones, logger: logger)
        let chosen = policies.isEmpty ? [.recreate, .sameNodeRecreate, .inPlaceIfPossible] : policies.map { PodUpdatePolicy(rawValue: $0) }
        let benchmark = UpdateBenchmark(
            cluster: embedded, replicas: replicas, change: change, maxUnavailable: maxUnavailable, policies: chosen)
        let result = try await withCleanUp { try await benchmark.run() } cleanUp: { await embedded.stop() }
        print(json ? try benchJSON(result) : result.table())
    }

    private func runOnCluster(kubeconfig: String, logger: Logger) async throws {
        let admin = try cluster.adminClient(kubeconfig: kubeconfig)
        let chosen = policies.isEmpty ? [.sameNodeRecreate, .inPlaceIfPossible] : policies.map { PodUpdatePolicy(rawValue: $0) }
        let benchmark = ClusterUpdateBenchmark(
            admin: admin, nodes: nodes, replicas: replicas, change: change, maxUnavailable: maxUnavailable,
            workloads: [.statefulSet(scheduler: "default-scheduler"), .statefulSet(scheduler: "stead")]
                + chosen.map(BenchWorkload.statefulPodSet),
            qps: cluster.qps, burst: cluster.burst, controlPlanePID: cluster.controlPlanePid, logger: logger)
        let result = try await withCleanUp { try await benchmark.run() } cleanUp: { try? await admin.shutdown() }
        print(json ? try benchJSON(result) : result.table())
    }
}

extension TemplateChange: ExpressibleByArgument {}
