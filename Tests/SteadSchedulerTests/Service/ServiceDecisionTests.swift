import Foundation
import KubeModel
import SteadAPI
import Testing

@testable import SteadScheduler

struct FallbackMessageTests {
    @Test func nodeGone() {
        #expect(FallbackMessage.text(.nodeGone(node: "sim-3")) == "rescheduled: node sim-3 no longer exists")
    }

    @Test func nodeNotReady() {
        let since = KubeTime(text: "2026-01-01T00:00:00Z")
        #expect(
            FallbackMessage.text(.nodeNotReady(node: "sim-17", since: since))
                == "rescheduled: node sim-17 NotReady since 2026-01-01T00:00:00Z")
        #expect(FallbackMessage.text(.nodeNotReady(node: "sim-17", since: nil)) == "rescheduled: node sim-17 NotReady")
    }

    @Test func filtered() {
        #expect(
            FallbackMessage.text(
                .filtered(node: "sim-2", plugin: "NodeAffinity", reasons: ["node(s) didn't match Pod's node affinity/selector"]))
                == "rescheduled: node sim-2 didn't match Pod's node affinity/selector")
        #expect(
            FallbackMessage.text(.filtered(node: "sim-2", plugin: "NodeResourcesFit", reasons: ["Insufficient cpu"]))
                == "rescheduled: node sim-2: Insufficient cpu")
    }
}

struct ReplacementReservationTests {
    func pod(annotation: String?) -> Pod {
        var pod = Fixtures.pod("db-0", cpu: "1", memory: "1Gi", node: "n1", owner: Fixtures.ownerA)
        if let annotation { pod.metadata.annotations = [SteadKeys.reserveForReplacement: annotation] }
        return pod
    }

    @Test func withoutARequestThePodsOwnAreKept() {
        #expect(ReplacementReservation.requests(for: pod(annotation: nil)) == ResourceVector(milliCPU: 1000, memory: 1 << 30, pods: 1))
    }

    @Test func newRequestsAreReservedResourceByResourceAtTheLarger() {
        let requests = ReplacementReservation.requests(for: pod(annotation: #"{"cpu":"2","memory":"512Mi"}"#))
        #expect(requests == ResourceVector(milliCPU: 2000, memory: 1 << 30, pods: 1))
    }

    @Test func unreadableValueFallsBackToTheOldRequests() {
        for value in ["{not json", "true", #"{"cpu":"lots"}"#] {
            #expect(ReplacementReservation.requests(for: pod(annotation: value)) == ResourceVector(milliCPU: 1000, memory: 1 << 30, pods: 1))
        }
    }

    @Test func theRequestRoundTripsThroughItsAnnotation() throws {
        let request = ReservationRequest(["cpu": "1500m", "memory": "256Mi"])
        #expect(request.annotation == #"{"cpu":"1500m","memory":"256Mi"}"#)
        #expect(ReservationRequest(annotation: request.annotation) == request)
    }
}

struct PlacementConfigMapTests {
    let owner = OwnerReference(apiVersion: "apps/v1", kind: "StatefulSet", name: "web", uid: "u1", controller: true)

    func record(_ name: String, node: String) -> PlacementRecord {
        PlacementRecord(
            identity: ObjectKey(namespace: "default", name: name), node: node, ownerUID: "u1", podUID: "p-\(name)",
            updatedAt: KubeTime(text: "2026-01-01T00:00:00Z")!)
    }

    @Test func targetIsTheControllerOwnersConfigMap() throws {
        var pod = Fixtures.pod("web-0", owner: "u1")
        pod.metadata.ownerReferences = [
            OwnerReference(apiVersion: "v1", kind: "Other", name: "x", uid: "x"), owner,
        ]
        let target = try #require(PlacementConfigMap.target(for: pod))
        #expect(target.name == "stead-placement-web-0")
        #expect(target.namespace == "default")
        #expect(PlacementConfigMap.target(for: Fixtures.pod("bare")) == nil)
    }

    @Test func recordsAreShardedByOrdinalOrByAStableHash() {
        #expect(PlacementConfigMap.shard(ofPod: "web-0") == "0")
        #expect(PlacementConfigMap.shard(ofPod: "web-99") == "0")
        #expect(PlacementConfigMap.shard(ofPod: "web-100") == "1")
        #expect(PlacementConfigMap.shard(ofPod: "web-1234") == "12")
        let hashed = PlacementConfigMap.shard(ofPod: "cache-primary")
        #expect(hashed.hasPrefix("h") && Int(hashed.dropFirst()).map { (0..<16).contains($0) } == true)
        #expect(PlacementConfigMap.shard(ofPod: "cache-primary") == hashed, "the same name, the same shard")
    }

    @Test func madeConfigMapIsLabelledAndOwned() {
        let configMap = PlacementConfigMap.make(.init(namespace: "default", owner: owner), entries: ["web-0": "{}"])
        #expect(configMap.metadata.labels == ["stead.dev/placement": "true"])
        #expect(configMap.metadata.ownerReferences?.first?.uid == "u1")
        #expect(configMap.metadata.ownerReferences?.first?.controller == false)
        #expect(configMap.data == ["web-0": "{}"])
    }

    @Test func mergePatchSetsOnlyTheGivenKeys() {
        #expect(PlacementConfigMap.mergePatch(entries: ["web-0": "r"]) == ["data": ["web-0": "r"]])
    }

    @Test func changedRecordsAreTheNewAndModifiedEntries() throws {
        let old = ConfigMap(
            metadata: ObjectMeta(name: "stead-placement-web"),
            data: ["web-0": try record("web-0", node: "n1").jsonString(), "web-1": try record("web-1", node: "n1").jsonString()])
        var new = old
        new.data?["web-1"] = try record("web-1", node: "n2").jsonString()
        new.data?["web-2"] = try record("web-2", node: "n3").jsonString()
        new.data?["junk"] = "not json"
        let changed = PlacementConfigMap.changedRecords(from: old, to: new).sorted { $0.identity < $1.identity }
        #expect(changed.map(\.node) == ["n2", "n3"])
        #expect(PlacementConfigMap.records(in: new).count == 3)
    }
}

struct PodSchedulingTests {
    func pod(scheduler: String? = "stead", node: String? = nil, owner: String? = nil) -> Pod {
        var pod = Fixtures.pod("p", node: node, owner: owner)
        pod.spec?.schedulerName = scheduler
        return pod
    }

    @Test func awaitsSchedulingOnlyUnboundLivePodsNamingTheScheduler() {
        #expect(pod().awaitsScheduling(by: "stead"))
        #expect(!pod(scheduler: nil).awaitsScheduling(by: "stead"))
        #expect(pod(scheduler: nil).awaitsScheduling(by: "default-scheduler"))
        #expect(!pod(node: "n1").awaitsScheduling(by: "stead"))
        var terminating = pod()
        terminating.metadata.deletionTimestamp = .now()
        #expect(!terminating.awaitsScheduling(by: "stead"))
        var finished = pod()
        finished.status = PodStatus(phase: "Succeeded")
        #expect(!finished.awaitsScheduling(by: "stead"))
    }

    @Test func replaceableMeansPlacedByUsWithAControllerOwner() {
        #expect(pod(node: "n1", owner: "o").isReplaceable(scheduledBy: "stead"))
        #expect(!pod(node: "n1").isReplaceable(scheduledBy: "stead"))
        #expect(!pod(owner: "o").isReplaceable(scheduledBy: "stead"))
        #expect(!pod(scheduler: "other", node: "n1", owner: "o").isReplaceable(scheduledBy: "stead"))
    }

    @Test func heartbeatsAreNotASchedulingRelevantNodeChange() {
        let node = Fixtures.node("n1")
        var heartbeat = node
        heartbeat.status?.conditions?[0].lastHeartbeatTime = .now()
        #expect(!SchedulingCore.schedulingRelevantChange(from: node, to: heartbeat))
        #expect(SchedulingCore.schedulingRelevantChange(from: node, to: Fixtures.node("n1", ready: false)))
        #expect(SchedulingCore.schedulingRelevantChange(from: node, to: Fixtures.node("n1", labels: ["a": "b"])))
        #expect(SchedulingCore.schedulingRelevantChange(from: node, to: Fixtures.node("n1", cpu: "8")))
    }
}
