import Foundation
import KubeModel
import SteadRuntime
import SteadScheduler

/// The placement algorithm alone: the same nodes and pods as ``ScheduleBenchmark``, scheduled one after
/// another against an in-memory snapshot (each placed pod assumed on its node), with no API server,
/// informers or binds. What it measures is independent of the transport, so it shows the algorithm's
/// own changes where the end-to-end run is dominated by requests.
struct AlgorithmBenchmark {
    let nodes: Int
    let pods: Int
    let owners: Int
    let percentageOfNodesToScore: Int?

    struct Result: Encodable {
        var nodes: Int
        var pods: Int
        var owners: Int
        var podsPerSecond: Double
        var algorithmCPUP50Milliseconds: Double
        var algorithmCPUP99Milliseconds: Double
        var nodeEvaluationsPerPod: Double
        var unschedulable: Int

        func table() -> String {
            var table = TextTable("measure (algorithm only, in-memory snapshot)", "value")
            table.add("nodes / pods / owners", "\(nodes) / \(pods) / \(owners)")
            table.add("pods/s (one thread)", String(format: "%.0f/s", podsPerSecond))
            table.add(
                "algorithm CPU time per pod (p50 / p99)",
                "\(formatMilliseconds(algorithmCPUP50Milliseconds / 1000)) / \(formatMilliseconds(algorithmCPUP99Milliseconds / 1000))")
            table.add("node evaluations per pod (filter+score calls)", String(format: "%.1f", nodeEvaluationsPerPod))
            table.add("unschedulable", "\(unschedulable)")
            return table.render()
        }
    }

    func run() -> Result {
        var snapshot = ClusterSnapshot()
        for index in 0..<nodes { snapshot.upsertNode(ScheduleBenchmark.node(index)) }
        var scheduler = Scheduler(sampling: NodeSampling(percentageOfNodesToScore: percentageOfNodesToScore))
        let created = (0..<pods).map { ScheduleBenchmark.pod($0, owners: owners) }
        var cpu = LatencySamples()
        var evaluations = 0
        var unschedulable = 0
        let start = ContinuousClock.now
        for pod in created {
            let cpuStart = ThreadCPUClock.seconds()
            let result = scheduler.schedule(pod: pod, snapshot: snapshot)
            cpu.add(ThreadCPUClock.seconds() - cpuStart)
            evaluations += result.evaluations.filterCalls + result.evaluations.scoreCalls
            guard let node = result.nodeName else {
                unschedulable += 1
                continue
            }
            snapshot.assume(pod, onNode: node)
        }
        let seconds = (ContinuousClock.now - start).inSeconds
        return Result(
            nodes: nodes, pods: pods, owners: owners, podsPerSecond: Double(pods) / seconds,
            algorithmCPUP50Milliseconds: cpu.percentile(50) * 1000, algorithmCPUP99Milliseconds: cpu.percentile(99) * 1000,
            nodeEvaluationsPerPod: Double(evaluations) / Double(pods), unschedulable: unschedulable)
    }
}
