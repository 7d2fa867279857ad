import ArgumentParser

/// `stead bench ...`: every benchmark, one subcommand each.
package struct BenchCommand: AsyncParsableCommand {
    package init() {}

    package static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure Stead in-process (build with -c release for numbers worth recording).",
        subcommands: [APIServerBenchCommand.self, CodecBenchCommand.self, NodeSimBenchCommand.self, ScheduleBenchCommand.self, UpdateBenchCommand.self]
    )
}
