@testable import ControlPlane
import Foundation
import KubeModel
import Logging
import Testing

@Suite struct WatchHistoryTests {
    func event(_ rv: Int64) throws -> StoreEvent {
        StoreEvent(
            resourceVersion: rv, resource: "/configmaps", type: .added,
            object: try StoredObject.make(["metadata": ["name": .string("c\(rv)")]], resourceVersion: rv), previous: nil)
    }

    @Test func keepsTheNewestEventsAndReportsTheFloor() throws {
        var history = WatchHistory(limit: 3, floor: 10)
        #expect(history.events(after: 9) == nil)
        #expect(history.events(after: 10)?.count == 0)
        for rv in Int64(11)...15 { history.append(try event(rv)) }
        #expect(history.count == 3)
        #expect(history.floor == 12)
        #expect(history.events(after: 11) == nil)
        #expect(history.events(after: 12)?.map(\.resourceVersion) == [13, 14, 15])
        #expect(history.events(after: 14)?.map(\.resourceVersion) == [15])
        #expect(history.events(after: 99)?.isEmpty == true)
        for rv in Int64(16)...40 { history.append(try event(rv)) }
        #expect(history.events(after: 37)?.map(\.resourceVersion) == [38, 39, 40])
    }
}

@Suite struct WatchQueueTests {
    func rv(_ items: [WatchItem]) -> [Int64] {
        items.map { item in
            if case .bookmark(let rv) = item { return rv }
            return -1
        }
    }

    @Test func aBatchIsEverythingQueuedSinceTheLastOne() async {
        let queue = WatchQueue(capacity: 10)
        for rv in Int64(1)...3 { #expect(queue.offer(.bookmark(rv))) }
        #expect(rv(await queue.nextBatch()) == [1, 2, 3])
        #expect(queue.offer(.bookmark(4)))
        #expect(rv(await queue.nextBatch()) == [4])
    }

    @Test func aWaitingConsumerWakesForTheNextItem() async {
        let queue = WatchQueue(capacity: 10)
        async let batch = queue.nextBatch()
        try? await Task.sleep(for: .milliseconds(20))
        #expect(queue.offer(.bookmark(7)))
        #expect(rv(await batch) == [7])
    }

    @Test func aFullQueueRefusesAndAFinishedOneDrainsThenEnds() async {
        let queue = WatchQueue(capacity: 2)
        #expect(queue.offer(.bookmark(1)))
        #expect(queue.offer(.bookmark(2)))
        #expect(!queue.offer(.bookmark(3)))
        queue.finish()
        #expect(queue.offer(.bookmark(4)), "a finished queue takes nothing but does not report the watcher slow")
        #expect(rv(await queue.nextBatch()) == [1, 2])
        #expect(await queue.nextBatch().isEmpty)
    }

    @Test func cancellingTheConsumerEndsItsWait() async {
        let queue = WatchQueue(capacity: 2)
        let consumer = Task { await queue.nextBatch() }
        try? await Task.sleep(for: .milliseconds(20))
        consumer.cancel()
        #expect(await consumer.value.isEmpty)
    }
}

@Suite struct SQLiteStorageTests {
    @Test func oneServerAtATimeOwnsTheDataDirectory() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stead-lock-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let logger = Logger(label: "test")
        let first = try ObjectStore(directory: directory, historyLimit: 100, watchBufferSize: 16, logger: logger)
        #expect(throws: DataDirectoryInUse.self) {
            _ = try ObjectStore(directory: directory, historyLimit: 100, watchBufferSize: 16, logger: logger)
        }
        first.close()
        let second = try ObjectStore(directory: directory, historyLimit: 100, watchBufferSize: 16, logger: logger)
        second.close()
    }
}

@Suite struct ObjectRulesTests {
    let configMaps = ResourceInfo(ResourceType(group: "", version: "v1", kind: "ConfigMap", plural: "configmaps", namespaced: true))

    @Test func newUIDsAreRandomVersion4UUIDsInLowercase() {
        let uids = (0..<64).map { _ in UUID.newUID() }
        #expect(Set(uids).count == uids.count)
        for uid in uids {
            let characters = Array(uid)
            #expect(uid == uid.lowercased() && UUID(uuidString: uid) != nil)
            #expect(characters[14] == "4")
            #expect("89ab".contains(characters[19]))
        }
    }

    @Test func createFillsServerFields() throws {
        let object = try ObjectRules.prepareForCreate(
            ["metadata": ["generateName": "x-", "resourceVersion": "5"]], resource: configMaps, namespace: "ns",
            generatedSuffix: "abcde")
        #expect(object[path: ["metadata", "name"]] == "x-abcde")
        #expect(object[path: ["metadata", "namespace"]] == "ns")
        #expect(object[path: ["metadata", "resourceVersion"]] == nil)
        #expect(object[path: ["metadata", "generation"]] == 1)
        #expect(object["apiVersion"] == "v1")
        #expect(object["kind"] == "ConfigMap")
    }

    @Test func updateKeepsIdentityAndChecksVersion() throws {
        let old: JSONValue = [
            "apiVersion": "v1", "kind": "ConfigMap",
            "metadata": ["name": "c", "namespace": "ns", "uid": "u1", "resourceVersion": "7", "generation": 1, "creationTimestamp": "2024-01-01T00:00:00Z"],
            "data": ["a": "1"],
        ]
        let body: JSONValue = ["metadata": ["name": "c", "uid": "other", "resourceVersion": "7"], "data": ["a": "2"]]
        let updated = try ObjectRules.prepareForUpdate(body, old: old, resource: configMaps, namespace: "ns", name: "c")
        #expect(updated[path: ["metadata", "uid"]] == "u1")
        #expect(updated[path: ["metadata", "generation"]] == 2)
        #expect(updated[path: ["metadata", "creationTimestamp"]] == "2024-01-01T00:00:00Z")
        var stale = body
        stale["metadata"]?["resourceVersion"] = "6"
        #expect(throws: Status.self) { try ObjectRules.prepareForUpdate(stale, old: old, resource: configMaps, namespace: "ns", name: "c") }
    }

    @Test func bindingRule() throws {
        let pod: JSONValue = ["metadata": ["name": "p", "generation": 1], "spec": ["containers": []]]
        let bound = try BindingRule.bind(pod, to: "n1")
        #expect(bound[path: ["spec", "nodeName"]] == "n1")
        #expect(throws: Status.self) { try BindingRule.bind(bound, to: "n2") }
        #expect(throws: Status.self) { try BindingRule.targetNode(of: ["kind": "Binding", "target": [:]], podName: "p") }
    }

    @Test func tableAges() throws {
        #expect(Cells.humanDuration(5) == "5s")
        #expect(Cells.humanDuration(150) == "2m30s")
        #expect(Cells.humanDuration(3600) == "60m")
        #expect(Cells.humanDuration(3 * 86400) == "3d")
        #expect(try ResponseShape.negotiate("application/json;as=Table;v=v1;g=meta.k8s.io,application/json", list: true) == .table)
        #expect(try ResponseShape.negotiate("application/json", list: true) == .object)
    }

    @Test func readinessGatesColumnCountsTheGatesThatPass() {
        let gates: JSONValue = [["conditionType": "a.example/Ready"], ["conditionType": "b.example/Ready"]]
        let pod: JSONValue = [
            "spec": ["readinessGates": gates],
            "status": ["conditions": [["type": "a.example/Ready", "status": "True"], ["type": "b.example/Ready", "status": "False"]]],
        ]
        #expect(PodStrategy.readinessGates(pod) == "1/2")
        #expect(PodStrategy.readinessGates(["spec": ["readinessGates": gates]]) == "0/2")
        #expect(PodStrategy.readinessGates(["spec": [:]]) == "<none>")
    }
}
