import Foundation
import KubeModel
import Testing
@testable import SteadScheduler

@Suite("Scale")
struct ScaleTests {
    /// 5000 nodes in 10 zones, some tainted or cordoned, 2000 pods already running; 200 pods from 4 sets
    /// with a mix of node selectors, preferred affinity, hostname anti-affinity and host ports. Asserts correctness only; prints the mean time per pod.
    @Test func fiveThousandNodesTwoHundredPods() {
        var snapshot = ClusterSnapshot()
        for index in 0..<5000 {
            let taints = index % 50 == 0 ? [Taint(key: "dedicated", value: "gpu", effect: "NoSchedule")] : nil
            snapshot.upsertNode(Fixtures.node(
                "node-\(index)", cpu: "16", memory: "64Gi", labels: ["pool": index % 4 == 0 ? "db" : "general"],
                zone: "zone-\(index % 10)", taints: taints, unschedulable: index % 97 == 0 ? true : nil))
        }
        for index in 0..<2000 {
            snapshot.addPod(Fixtures.pod("existing-\(index)", cpu: "2", memory: "4Gi", node: "node-\(index * 7 % 5000)", owner: "old"))
        }
        let preferZones = Affinity(nodeAffinity: NodeAffinity(preferred: [
            PreferredSchedulingTerm(weight: 50, preference: NodeSelectorTerm(matchExpressions: [
                NodeSelectorRequirement(key: WellKnownLabels.zone, operator: "In", values: ["zone-1", "zone-2"])
            ]))
        ]))
        let webAntiAffinity = Fixtures.antiAffinity(["app": "web"], topologyKey: WellKnownLabels.hostname)
        let pods: [Pod] = (0..<200).map { index in
            switch index % 4 {
            case 0: Fixtures.pod("db-\(index)", cpu: "4", memory: "8Gi", owner: "db", nodeSelector: ["pool": "db"])
            case 1:
                Fixtures.pod(
                    "web-\(index)", cpu: "500m", memory: "1Gi", labels: ["app": "web"], owner: "web",
                    affinity: Affinity(
                        nodeAffinity: preferZones.nodeAffinity,
                        podAntiAffinity: webAntiAffinity.podAntiAffinity))
            case 2: Fixtures.pod("proxy-\(index)", cpu: "250m", owner: "proxy", hostPorts: [8443])
            default: Fixtures.pod("batch-\(index)", owner: "batch")
            }
        }

        var scheduler = Scheduler()
        var wallMicroseconds: [Double] = []
        var cpuMicroseconds: [Double] = []
        for pod in pods {
            let wallStart = ContinuousClock.now
            let cpuStart = Self.threadCPUMicroseconds()
            let result: ScheduleResult? = scheduler.schedule(pod: pod, snapshot: snapshot)
            cpuMicroseconds.append(Self.threadCPUMicroseconds() - cpuStart)
            let wall = ContinuousClock.now - wallStart
            wallMicroseconds.append(Double(wall.components.seconds) * 1e6 + Double(wall.components.attoseconds) / 1e12)
            guard let node = result?.nodeName else {
                Issue.record("\(pod.name) unschedulable: \(String(describing: result))")
                continue
            }
            #expect(result!.evaluations.nodesFiltered >= 500)
            let info = snapshot.node(named: node)!
            #expect(info.taints.isEmpty && !info.isUnschedulable)
            if pod.spec?.nodeSelector != nil { #expect(info.labels["pool"] == "db") }
            snapshot.assume(pod, onNode: node)
        }
        // Host ports: no two proxies on one node.
        let proxyNodes = pods.filter { $0.name.hasPrefix("proxy") }.compactMap { snapshot.nodeName(ofPod: $0.objectKey) }
        #expect(Set(proxyNodes).count == proxyNodes.count)
        // Spreading: no set has more than one pod on a node.
        for owner in ["db", "web", "proxy", "batch"] {
            #expect(snapshot.spreadByOwner[owner]!.byNode.values.max() == 1, "\(owner) stacked")
        }
        print("ScaleTests: 5000 nodes, 200 pods: wall \(Self.summary(wallMicroseconds)); thread CPU \(Self.summary(cpuMicroseconds))")
        for (offset, kind) in ["db (nodeSelector, 1/4 of nodes)", "web (preferred + anti-affinity)", "proxy", "batch"].enumerated() {
            let samples = stride(from: offset, to: cpuMicroseconds.count, by: 4).map { cpuMicroseconds[$0] }
            print("ScaleTests:   \(kind): thread CPU \(Self.summary(samples))")
        }
    }

    static func summary(_ samples: [Double]) -> String {
        let sorted = samples.sorted()
        let mean = samples.reduce(0, +) / Double(max(1, samples.count))
        let p99 = sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, sorted.count * 99 / 100)]
        return String(format: "mean %.0f µs, p99 %.0f µs per pod", mean, p99)
    }

    /// CPU time of the calling thread: on a loaded machine, wall time mostly measures waiting.
    static func threadCPUMicroseconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1e6 + Double(time.tv_nsec) / 1e3
    }
}
