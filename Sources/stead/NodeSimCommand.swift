import ArgumentParser
import Foundation
import KubeClient
import KubeModel
import Logging
import NodeSim
import ServiceLifecycle
import SteadRuntime

struct NodeSimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nodesim",
        abstract: "Simulate kubelets for many nodes (like KWOK) against a Kubernetes API server."
    )

    @Option(help: "Kubeconfig of the API server (default: $KUBECONFIG).")
    var kubeconfig: String?

    @Option(help: "Number of nodes.")
    var nodes: Int = 10

    @Option(help: "Zones the nodes are spread over (zone-a, zone-b, ...).")
    var zones: Int = 3

    @Option(help: "CPU capacity per node.")
    var cpu: String = "8"

    @Option(help: "Memory capacity per node.")
    var memory: String = "32Gi"

    @Option(help: "Pods per node.")
    var maxPods: Int = 110

    @Option(help: "Node name prefix: nodes are PREFIX0, PREFIX1, ...")
    var namePrefix: String = "sim-"

    @Option(help: "Time from admission to a ready pod, e.g. 200ms, 1s.", transform: parseDuration)
    var startLatency: Duration = .milliseconds(200)

    @Option(help: "Time a container is down when its image changes, e.g. 100ms.", transform: parseDuration)
    var restartLatency: Duration = .milliseconds(100)

    @Option(help: "Lease renewal interval per node, e.g. 10s.", transform: parseDuration)
    var leaseInterval: Duration = .seconds(10)

    @Option(help: "Client-side request limit per second (0: unlimited).")
    var qps: Double = 0

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard nodes > 0, zones > 0, maxPods > 0 else { throw ValidationError("--nodes, --zones and --max-pods must be positive") }
        guard (try? Quantity(parsing: cpu)) != nil else { throw ValidationError("--cpu \(cpu) is not a quantity") }
        guard (try? Quantity(parsing: memory)) != nil else { throw ValidationError("--memory \(memory) is not a quantity") }
    }

    func run() async throws {
        logging.bootstrap()
        let logger = Logger(label: "stead.nodesim")
        guard let path = kubeconfig ?? ProcessInfo.processInfo.environment["KUBECONFIG"], !path.isEmpty else {
            throw ValidationError("no kubeconfig: pass --kubeconfig FILE or set KUBECONFIG")
        }
        var clientConfiguration = try ClientConfiguration.fromKubeconfigFile(path: absolutePath(path))
        clientConfiguration.qps = qps
        let configuration = NodeSimConfiguration(
            nodeCount: nodes, zones: zones, cpu: try Quantity(parsing: cpu), memory: try Quantity(parsing: memory),
            maxPods: maxPods, namePrefix: namePrefix, startLatency: startLatency, restartLatency: restartLatency,
            leaseRenewInterval: leaseInterval)
        let simulator = try NodeSimulator(
            clientConfiguration: clientConfiguration, configuration: configuration, logger: logger)
        let started = ContinuousClock.now
        try await simulator.start()
        let elapsed = ContinuousClock.now - started
        say("stead nodesim ready: \(nodes) nodes (\(namePrefix)0 ... \(namePrefix)\(nodes - 1)) registered in \(elapsed)")

        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: simulator)],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        try await group.run()
    }
}

/// Parses "200ms", "1s", "1.5s", "2m", "500us", "100ns"; a bare number is seconds.
func parseDuration(_ text: String) throws -> Duration {
    let units: [(String, Double)] = [("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("ms", 1e-3), ("s", 1), ("m", 60), ("h", 3600)]
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    for (suffix, scale) in units where trimmed.hasSuffix(suffix) {
        let number = trimmed.dropLast(suffix.count)
        // "ms" also ends in "s": only accept when what is left is a number.
        if let value = Double(number), value >= 0 { return .nanoseconds(Int64((value * scale * 1e9).rounded())) }
    }
    if let value = Double(trimmed), value >= 0 { return .nanoseconds(Int64((value * 1e9).rounded())) }
    throw ValidationError("invalid duration \"\(text)\" (use e.g. 200ms, 1s, 2m)")
}
