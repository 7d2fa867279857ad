import ArgumentParser
import Foundation
import KubeClient
import KubeModel
import Logging
import SteadRuntime
import SteadTestSupport

struct APIServerBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apiserver",
        abstract: "Creates/s, updates/s, list latency and watch delivery latency of the embedded API server."
    )

    @Option(help: "Objects to create, update and list.")
    var objects: Int = 10_000

    @Option(help: "Concurrent writers.")
    var concurrency: Int = 16

    @Option(help: "Watchers that each receive every change.")
    var watchers: Int = 10

    @Option(help: "Changes made while the watchers listen.")
    var watchedChanges: Int = 1_000

    @Flag(help: "Print the results as JSON.")
    var json = false

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard objects > 0, concurrency > 0, watchers > 0, watchedChanges > 0 else {
            throw ValidationError("--objects, --concurrency, --watchers and --watched-changes must be positive")
        }
    }

    func run() async throws {
        logging.bootstrap()
        let cluster = try await TestAPIServer.start(label: "stead-bench") {
            $0.watchHistoryLimit = max(10_000, watchedChanges * 2)
        }
        let benchmark = APIServerBenchmark(
            client: cluster.client, objects: objects, concurrency: concurrency, watchers: watchers,
            watchedChanges: watchedChanges)
        let result = try await withCleanUp { try await benchmark.run() } cleanUp: { await cluster.stop() }
        print(json ? try benchJSON(result) : result.table())
    }
}
