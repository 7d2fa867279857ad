import ArgumentParser
import Foundation
import NodeSim
import SteadRuntime
import SteadTestSupport

struct NodeSimBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nodesim",
        abstract: "Nodes Ready, lease writes/s against the budget, memory, and how fast bound pods reach Running.",
        discussion: """
            Starts an embedded API server in a temporary directory, registers N simulated nodes, counts their \
            lease renewals over a window, then creates the pods already bound to the nodes (round-robin) and \
            waits for each to be Running.
            """
    )

    @Option(help: "Simulated nodes.")
    var nodes: Int = 1000

    @Option(help: "Pods created already bound to the nodes.")
    var pods: Int = 2000

    @Option(help: "Seconds over which lease renewals are counted, nodes idle.")
    var heartbeatWindow: Int = 30

    @Option(help: "Seconds between lease renewals of one node (kubelet: 10).")
    var leaseRenewInterval: Int = 10

    @Option(help: "Lease writes per second all nodes together may spend.")
    var heartbeatBudget: Double = 500

    @Flag(help: "Print the results as JSON.")
    var json = false

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard nodes > 0, pods >= 0, heartbeatWindow > 0, leaseRenewInterval > 0, heartbeatBudget > 0 else {
            throw ValidationError(
                "--nodes, --heartbeat-window, --lease-renew-interval and --heartbeat-budget must be positive")
        }
    }

    func run() async throws {
        logging.bootstrap()
        // Every pod makes a few events and every node a lease write per interval: keep enough history
        // that NodeSim's informer and the benchmark's watches resume instead of relisting.
        let history = max(10_000, pods * 6 + nodes * 4)
        let cluster = try await TestAPIServer.start(label: "stead-bench") {
            $0.watchHistoryLimit = history
            $0.watchBufferSize = history
        }
        let options = NodeSimBenchmark.Options(
            nodes: nodes, pods: pods, heartbeatWindow: .seconds(heartbeatWindow),
            leaseRenewInterval: .seconds(leaseRenewInterval), heartbeatBudget: heartbeatBudget)
        let result = try await withCleanUp {
            try await NodeSimBenchmark(client: cluster.client, options: options).run()
        } cleanUp: {
            await cluster.stop()
        }
        if json {
            print(try benchJSON(result))
        } else {
            print(result.table())
        }
    }
}

extension NodeSimBenchmark.Result {
    /// Measured values beside what they are held against (budget, kubelet's numbers, the target).
    func table() -> String {
        var table = TextTable("measure", "value", "budget / reference")
        table.add("nodes / pods", "\(nodes) / \(pods)", "")
        table.add(
            "nodes registered (Node, status, Lease)", String(format: "%.2f s (%.0f nodes/s)", registrationSeconds, Double(nodes) / registrationSeconds),
            "")
        table.add("all nodes Ready (seen by a watch)", String(format: "%.2f s (%d of %d)", allReadySeconds, nodesReady, nodes), "")
        table.add(
            "lease writes, \(Int(heartbeatWindowSeconds)) s window, idle",
            String(format: "%.1f/s", heartbeatWritesPerSecond),
            String(format: "budget %.0f/s; expected %.1f/s (renew every %.1f s)", heartbeatBudget, expectedHeartbeatsPerSecond, leaseRenewIntervalSeconds))
        table.add(
            "lease writes while pods start", String(format: "%.1f/s", heartbeatWritesPerSecondUnderPodLoad),
            String(format: "expected %.1f/s", expectedHeartbeatsPerSecond))
        table.add(
            "longest gap between two renewals of a node", String(format: "%.1f s", longestLeaseRenewalGapSeconds),
            "lease duration \(leaseDurationSeconds) s (kubelet: renew 10 s, expire 40 s)")
        table.add("renewals after the lease expired", "\(lateLeaseRenewals)", "0")
        table.add("node status writes", String(format: "%.1f/s", nodeStatusWritesPerSecond), "every 5 min per node")
        table.add("resident memory, nodes idle (VmRSS)", Self.mebibytes(residentMemoryIdleMiB), "whole process: server + NodeSim")
        table.add("pods running", "\(podsRunning) of \(pods)", "")
        table.add("pod creates", String(format: "%.0f/s", createsPerSecond), "16 concurrent creators")
        table.add("bound pods to Running", String(format: "%.0f pods/s", podsPerSecond), "first create to last Running")
        table.add(
            "create to Running (p50 / p99)",
            String(format: "%.0f ms / %.0f ms", timeToRunningP50Milliseconds, timeToRunningP99Milliseconds),
            "start latency 200 ms")
        table.add("pod status writes (conflicts)", "\(podStatusWrites) (\(podStatusConflicts))", "")
        table.add("peak memory (VmHWM)", Self.mebibytes(peakMemoryMiB), "whole process")
        return table.render()
    }

    private static func mebibytes(_ value: Double?) -> String {
        value.map { String(format: "%.0f MiB", $0) } ?? "n/a"
    }
}
