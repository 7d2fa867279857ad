import KubeModel
import Testing
@testable import SteadScheduler

/// One row of a filter plugin's table: a pod, a node (in a snapshot with optional other pods), the verdict.
struct FilterCase: Sendable, CustomTestStringConvertible {
    var testDescription: String
    var pod: Pod
    var node: Node
    var existing: [Pod] = []
    var expected: FilterResult

    func run(_ plugin: any FilterPlugin) -> FilterResult {
        let snapshot = Fixtures.snapshot(nodes: [node], pods: existing)
        return Fixtures.filter(plugin, pod: pod, node: node.name, snapshot: snapshot)
    }
}
