import Foundation
import KubeClient
import KubeModel
import NodeSim
import SteadTestSupport
import Testing

@Suite("Simulated nodes against the embedded API server")
struct NodeLifecycleTests {
    @Test func nodesAreReadyWithLabelsCapacityAndRenewedLeases() async throws {
        try await SimEnvironment.with(nodes: 3) { env in
            let nodes = try await env.client.list(Node.self).items.sorted { $0.name < $1.name }
            #expect(nodes.map(\.name) == ["sim-0", "sim-1", "sim-2"])
            for (offset, node) in nodes.enumerated() {
                let addressing = try #require(env.simulator.addressing(ofNode: node.name))
                #expect(node.isReady)
                #expect(node.metadata.labels?["kubernetes.io/hostname"] == node.name)
                #expect(node.metadata.labels?["kubernetes.io/os"] == "linux")
                #expect(node.metadata.labels?["type"] == "stead-sim")
                #expect(node.metadata.labels?["topology.kubernetes.io/zone"] == (offset % 2 == 0 ? "zone-a" : "zone-b"))
                #expect(node.status?.capacity?["cpu"] == "8")
                #expect(node.status?.allocatable?["memory"] == "32Gi")
                #expect(node.status?.allocatable?["pods"] == "110")
                #expect(node.spec?.podCIDR == addressing.podCIDR)
                #expect(node.status?.addresses?.first { $0.type == "InternalIP" }?.address == addressing.nodeIP)
                #expect(node.status?.condition("Ready")?.lastHeartbeatTime != nil)
            }
            var first: [String: KubeTime] = [:]
            for name in env.simulator.nodeNames {
                let lease = try await env.client.get(Lease.self, name: name, namespace: "kube-node-lease")
                #expect(lease.spec?.holderIdentity == name)
                #expect(lease.spec?.leaseDurationSeconds == 40)
                first[name] = try #require(lease.spec?.renewTime)
            }
            try await eventually("every lease renewed") {
                for name in env.simulator.nodeNames {
                    let lease = try await env.client.get(Lease.self, name: name, namespace: "kube-node-lease")
                    guard let renewed = lease.spec?.renewTime, let before = first[name], renewed > before else { return false }
                }
                return true
            }
            #expect(env.counts.heartbeatsWritten >= 3)
        }
    }

    @Test func existingNodeIsTakenOver() async throws {
        try await SimEnvironment.with(nodes: 1) { env in
            // A second simulator with the same names takes the nodes over.
            var config = SimEnvironment.testConfiguration(nodes: 2)
            config.labels = ["extra": "yes"]
            let second = NodeSimulator(client: env.client, configuration: config)
            try await second.start()
            await second.stop()
            let node = try await env.client.get(Node.self, name: "sim-0")
            #expect(node.metadata.labels?["extra"] == "yes")
            #expect(node.isReady)
        }
    }

    @Test func lostNodeIsUnknownAndTaintedThenRecovers() async throws {
        try await SimEnvironment.with(nodes: 2) { env in
            try await env.simulator.setNodeLost("sim-0")
            let lost = try await env.client.get(Node.self, name: "sim-0")
            #expect(lost.status?.condition("Ready")?.status == "Unknown")
            #expect(lost.status?.condition("Ready")?.reason == "NodeStatusUnknown")
            #expect(lost.spec?.taints?.contains { $0.key == "node.kubernetes.io/unreachable" && $0.effect == "NoSchedule" } == true)

            // Its lease no longer advances while the other node's does.
            try await Task.sleep(for: .milliseconds(100))
            let frozen = try await env.client.get(Lease.self, name: "sim-0", namespace: "kube-node-lease").spec?.renewTime
            let other = try await env.client.get(Lease.self, name: "sim-1", namespace: "kube-node-lease").spec?.renewTime
            // Waits for the other node's renewal (not a fixed time: a loaded machine may delay it), then
            // checks that the lost node's lease did not move meanwhile.
            try await eventually("the other node renews its lease") {
                try await env.client.get(Lease.self, name: "sim-1", namespace: "kube-node-lease").spec?.renewTime != other
            }
            #expect(try await env.client.get(Lease.self, name: "sim-0", namespace: "kube-node-lease").spec?.renewTime == frozen)

            try await env.simulator.recover("sim-0")
            let recovered = try await env.client.get(Node.self, name: "sim-0")
            #expect(recovered.isReady)
            #expect(recovered.spec?.taints?.contains { $0.key == "node.kubernetes.io/unreachable" } != true)
            try await eventually("lease renewed again") {
                let renewed = try await env.client.get(Lease.self, name: "sim-0", namespace: "kube-node-lease").spec?.renewTime
                return renewed != frozen
            }
        }
    }

    @Test func stoppedHeartbeatsFreezeTheLeaseUntilResumed() async throws {
        try await SimEnvironment.with(nodes: 1) { env in
            try env.simulator.stopHeartbeats("sim-0")
            func renewTime() async throws -> KubeTime? {
                try await env.client.get(Lease.self, name: "sim-0", namespace: "kube-node-lease").spec?.renewTime
            }
            // A renewal already on its way when the heartbeats stopped may land later on a loaded machine:
            // take the lease as frozen once it stays put for three renew intervals (200 ms each). Were the
            // heartbeats still running, it would move every interval and the check below would fail.
            var frozen = try await renewTime()
            for _ in 0..<20 {
                try await Task.sleep(for: .milliseconds(600))
                let now = try await renewTime()
                if now == frozen { break }
                frozen = now
            }
            try await Task.sleep(for: .milliseconds(500))
            #expect(try await renewTime() == frozen)
            // Without a node-lifecycle controller nothing else changes: the node still says Ready.
            #expect(try await env.client.get(Node.self, name: "sim-0").isReady)
            try await env.simulator.resumeHeartbeats("sim-0")
            try await eventually("lease renewed again") {
                try await env.client.get(Lease.self, name: "sim-0", namespace: "kube-node-lease").spec?.renewTime != frozen
            }
        }
    }

    @Test func deletedNodeIsGoneAndComesBackOnRecover() async throws {
        try await SimEnvironment.with(nodes: 1) { env in
            try await env.simulator.deleteNode("sim-0")
            await #expect(throws: KubeAPIError.self) { _ = try await env.client.get(Node.self, name: "sim-0") }
            try await env.simulator.recover("sim-0")
            #expect(try await env.client.get(Node.self, name: "sim-0").isReady)
        }
    }
}
