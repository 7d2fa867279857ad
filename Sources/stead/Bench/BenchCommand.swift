import ArgumentParser

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure Stead in-process (build with -c release for numbers worth recording).",
        subcommands: [APIServerBenchCommand.self, CodecBenchCommand.self, NodeSimBenchCommand.self, ScheduleBenchCommand.self, UpdateBenchCommand.self]
    )
}
