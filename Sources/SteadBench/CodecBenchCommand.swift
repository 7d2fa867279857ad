import ArgumentParser
import Foundation
import KubeModel
import SteadRuntime

/// The JSON codec on one running Pod as the API server answers it, next to Foundation's codec: what
/// every watch event and request body costs the client and the server.
struct CodecBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codec",
        abstract: "Parse, typed decode and encode of a Pod: Stead's JSON codec beside Foundation's."
    )

    @Option(help: "Times each step runs (the per-object time is the total divided by this).")
    var objects: Int = 20_000

    func validate() throws {
        guard objects > 0 else { throw ValidationError("--objects must be positive") }
    }

    func run() throws {
        let data = try KubeJSON.encode(Self.runningPod())
        let value = try KubeJSON.parse(data)
        let pod = try KubeJSON.decode(Pod.self, from: value)
        var table = TextTable("step (one Pod, \(data.count) bytes)", "Stead", "Foundation", "ratio")
        func row(_ step: String, stead: () throws -> Void, foundation: () throws -> Void) throws {
            let ours = try time(stead)
            let theirs = try time(foundation)
            table.add(step, Self.micros(ours), Self.micros(theirs), String(format: "%.1fx", theirs / ours))
        }
        try row("parse text to a tree", stead: { _ = try KubeJSON.parse(data) }) {
            _ = try JSONSerialization.jsonObject(with: data)
        }
        try row("typed decode (Stead: from the tree, keeping unknown fields)", stead: {
            _ = try KubeJSON.decode(Pod.self, from: value)
        }) { _ = try JSONDecoder().decode(Pod.self, from: data) }
        try row("text to typed Pod", stead: { _ = try KubeJSON.decode(Pod.self, from: data) }) {
            _ = try JSONDecoder().decode(Pod.self, from: data)
        }
        try row("typed Pod to text", stead: { _ = try KubeJSON.encode(pod) }) { _ = try JSONEncoder().encode(pod) }
        print(table.render())
    }

    /// Seconds per run of `body`, over `objects` runs.
    private func time(_ body: () throws -> Void) throws -> Double {
        let start = ContinuousClock.now
        for _ in 0..<objects { try body() }
        return (ContinuousClock.now - start).inSeconds / Double(objects)
    }

    private static func micros(_ seconds: Double) -> String { String(format: "%.1f µs", seconds * 1e6) }

    /// A pod of a StatefulPodSet as the server stores it once it is bound and running.
    static func runningPod() -> Pod {
        var pod = ScheduleBenchmark.pod(7, owners: 10)
        pod.fillTypeMeta()
        pod.metadata.uid = "5f1c2a4e-8d3b-4c1e-9a7f-2b6d0e9c4a11"
        pod.metadata.resourceVersion = "123456"
        pod.metadata.creationTimestamp = KubeTime.now()
        pod.metadata.annotations = ["stead.dev/revision": "bench-7d9f8c6b5", "stead.dev/ordinal": "7"]
        pod.spec?.nodeName = "bench-node-4211"
        pod.spec?.restartPolicy = "Always"
        pod.spec?.terminationGracePeriodSeconds = 30
        var status = PodStatus()
        status.phase = "Running"
        status.podIP = "10.244.17.9"
        status.hostIP = "10.0.4.211"
        status.startTime = KubeTime.now()
        status.conditions = ["PodScheduled", "Initialized", "ContainersReady", "Ready"].map {
            PodCondition(type: $0, status: "True", lastTransitionTime: KubeTime.now())
        }
        pod.status = status
        return pod
    }
}
