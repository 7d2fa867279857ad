import ArgumentParser
import SteadBench

@main
struct Stead: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stead",
        abstract: "Stateful pods on Kubernetes, updated without rescheduling.",
        subcommands: [
            APIServerCommand.self, BenchCommand.self, ManifestsCommand.self, NodeSimCommand.self, RunCommand.self,
            RollbackCommand.self, StatusCommand.self, UpCommand.self,
        ]
    )
}
