import ArgumentParser
import Foundation
import NodeSim

struct NodeSimBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nodesim",
        abstract: "Heartbeat writes/s, memory and how fast bound pods reach Running with N simulated nodes."
    )

    @Option(help: "Simulated nodes.")
    var nodes: Int = 1000

    @Option(help: "Pods created already bound to the nodes.")
    var pods: Int = 2000

    @Option(help: "Seconds over which heartbeat writes are counted.")
    var heartbeatWindow: Int = 10

    @Option(help: "Seconds between lease renewals of one node.")
    var leaseRenewInterval: Int = 10

    @Flag(help: "Print the results as JSON.")
    var json = false

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard nodes > 0, pods >= 0, heartbeatWindow > 0, leaseRenewInterval > 0 else {
            throw ValidationError("--nodes, --heartbeat-window and --lease-renew-interval must be positive")
        }
    }

    func run() async throws {
        logging.bootstrap()
        let cluster = try await InProcessAPIServer.start(label: "stead.bench.nodesim")
        let options = NodeSimBenchmark.Options(
            nodes: nodes, pods: pods, heartbeatWindow: .seconds(heartbeatWindow),
            leaseRenewInterval: .seconds(leaseRenewInterval))
        let result = try await NodeSimBenchmark(client: cluster.client, options: options).run()
        await cluster.stop()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
        } else {
            print(result.table())
        }
    }
}
