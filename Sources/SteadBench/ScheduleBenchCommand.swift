import ArgumentParser
import ControlPlane
import Foundation
import KubeClient
import Logging
import SteadRuntime
import SteadTestSupport

struct ScheduleBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Pods/s, algorithm latency and node evaluations of Stead's scheduler: new pods vs recreated (sticky).",
        discussion: """
            Starts an embedded API server in a temporary directory, creates the nodes (8 cpu / 32Gi / 110 pods, \
            3 zones; no kubelets), runs the scheduler service with Scheduled events turned off, creates the \
            pods (owned by a few fake controllers), waits for all to be bound, deletes them, creates them \
            again with the same names and owners, and waits again.
            """
    )

    @Option(help: "Nodes to create.")
    var nodes: Int = 5_000

    @Option(help: "Pods to create (twice).")
    var pods: Int = 10_000

    @Option(help: "Controller owners the pods are spread over.")
    var owners: Int = 10

    @Option(help: "Concurrent creators and deleters.")
    var concurrency: Int = 32

    @Option(help: "percentageOfNodesToScore (default: kube-scheduler's adaptive rule).")
    var percentageOfNodesToScore: Int?

    @Flag(
        help: """
            Send every request over HTTPS on TCP, as an external client would, instead of the API server's \
            Unix socket that stead up's own components use.
            """)
    var overHTTPS = false

    @Flag(help: "Run the placement algorithm alone over an in-memory snapshot (no API server, no binds).")
    var algorithmOnly = false

    @Flag(help: "Print the results as JSON.")
    var json = false

    @OptionGroup var cluster: ClusterBenchOptions

    @Flag(help: "With --kubeconfig: run Stead's phase first (default: kube-scheduler's first).")
    var steadFirst = false

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard nodes > 0, pods > 0, owners > 0, concurrency > 0 else {
            throw ValidationError("--nodes, --pods, --owners and --concurrency must be positive")
        }
    }

    func run() async throws {
        logging.bootstrap()
        if algorithmOnly {
            let result = AlgorithmBenchmark(
                nodes: nodes, pods: pods, owners: owners, percentageOfNodesToScore: percentageOfNodesToScore
            ).run()
            print(json ? try benchJSON(result) : result.table())
            return
        }
        if let kubeconfig = cluster.kubeconfig {
            let admin = try cluster.adminClient(kubeconfig: kubeconfig)
            let benchmark = ClusterScheduleBenchmark(
                admin: admin, nodes: nodes, pods: pods, concurrency: concurrency, qps: cluster.qps, burst: cluster.burst,
                controlPlanePID: cluster.controlPlanePid, steadFirst: steadFirst, logger: Logger(label: "stead.bench"))
            let result = try await withCleanUp { try await benchmark.run() } cleanUp: { try? await admin.shutdown() }
            print(json ? try benchJSON(result) : result.table())
            return
        }
        let server = try await TestAPIServer.start(label: "stead-bench") { options in
            options.watchHistoryLimit = max(10_000, pods * 6)
            options.watchBufferSize = max(10_000, pods * 6)
            if !overHTTPS { options.localSocketPath = options.dataDirectory + "/apiserver.sock" }
        }
        let benchmark = ScheduleBenchmark(
            client: server.client, nodes: nodes, pods: pods, owners: owners, concurrency: concurrency,
            percentageOfNodesToScore: percentageOfNodesToScore, logger: Logger(label: "stead.bench.scheduler"))
        let result = try await withCleanUp { try await benchmark.run() } cleanUp: { await server.stop() }
        print(json ? try benchJSON(result) : result.table())
    }
}
