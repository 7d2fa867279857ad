import ControlPlane
import Foundation
import KubeClient
import KubeModel
import Logging
@testable import SteadScheduler
import SteadTestSupport

/// An embedded API server in its own temp dir, a client, and helpers to make nodes and pods.
struct SchedulerEnvironment {
    let api: TestAPIServer
    var client: KubeClient { api.client }

    /// Runs `body` against a fresh server, stopped afterwards whatever happens.
    static func with(_ body: (SchedulerEnvironment) async throws -> Void) async throws {
        try await withAPIServer(label: "scheduler-it") { api in try await body(SchedulerEnvironment(api: api)) }
    }

    /// A started scheduler service with short retry intervals.
    func startScheduler(reservationTimeout: Duration = .seconds(30), plainSchedulerNames: Set<String> = []) async throws
        -> MeasuredScheduler
    {
        var configuration = SchedulerConfiguration(
            reservationTimeout: reservationTimeout, bindConcurrency: 8, unschedulableRetryInterval: .seconds(2),
            housekeepingInterval: .milliseconds(200))
        configuration.plainSchedulerNames = plainSchedulerNames
        let scheduler = MeasuredScheduler(
            client: client, configuration: configuration, logger: quietLogger("test.scheduler"))
        try await scheduler.service.start()
        return scheduler
    }

    // MARK: Objects

    @discardableResult
    func createNode(
        _ name: String, cpu: String = "4", memory: String = "8Gi", zone: String = "zone-a", labels: [String: String] = [:]
    ) async throws -> Node {
        var allLabels = labels
        allLabels["kubernetes.io/hostname"] = name
        allLabels["topology.kubernetes.io/zone"] = zone
        let node = Node(
            metadata: ObjectMeta(name: name, labels: allLabels),
            status: NodeStatus(
                allocatable: ["cpu": Quantity(stringLiteral: cpu), "memory": Quantity(stringLiteral: memory), "pods": "110"],
                conditions: [NodeCondition(type: "Ready", status: "True", lastTransitionTime: .now())]))
        return try await client.create(node)
    }

    /// A pod naming Stead's scheduler; with `owner`, controlled by it (kind StatefulPodSet unless told).
    /// A StatefulSet in `default` (which the server serves, so its pods' owner must exist or the garbage
    /// collector removes them): the owner of pods made with `createPod(owner:)`.
    func createStatefulSet(_ name: String) async throws -> Owner {
        let labels: JSONValue = ["app": "test"]
        let created = try await client.create(
            ResourceType(group: "apps", version: "v1", kind: "StatefulSet", plural: "statefulsets", namespaced: true),
            [
                "apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": ["name": .string(name), "namespace": "default"],
                "spec": [
                    "replicas": 1, "serviceName": .string(name), "selector": ["matchLabels": labels],
                    "template": [
                        "metadata": ["labels": labels],
                        "spec": ["schedulerName": "stead", "containers": [["name": "app", "image": "app:1"]]],
                    ],
                ],
            ])
        return Owner.statefulSet(name, uid: created[path: ["metadata", "uid"]]?.stringValue ?? "")
    }

    @discardableResult
    func createPod(
        _ name: String, cpu: String = "100m", memory: String = "64Mi", owner: Owner? = nil,
        nodeSelector: [String: String]? = nil, annotations: [String: String]? = nil, schedulerName: String? = "stead"
    ) async throws -> Pod {
        var metadata = ObjectMeta(name: name, namespace: "default", labels: ["app": "test"], annotations: annotations)
        if let owner {
            metadata.ownerReferences = [
                OwnerReference(
                    apiVersion: owner.apiVersion, kind: owner.kind, name: owner.name, uid: owner.uid, controller: true)
            ]
        }
        var spec = PodSpec(
            containers: [
                Container(
                    name: "main", image: "busybox",
                    resources: ResourceRequirements(
                        requests: ["cpu": Quantity(stringLiteral: cpu), "memory": Quantity(stringLiteral: memory)]))
            ],
            schedulerName: schedulerName)
        spec.nodeSelector = nodeSelector
        return try await client.create(Pod(metadata: metadata, spec: spec))
    }

    func pod(_ name: String) async throws -> Pod {
        try await client.get(Pod.self, name: name, namespace: "default")
    }

    /// Deletes with grace period 0: no kubelet runs here to confirm a graceful deletion.
    func deletePod(_ name: String) async throws {
        try await client.delete(Pod.self, name: name, namespace: "default", options: DeleteOptions(gracePeriodSeconds: 0))
    }

    /// Waits for the pod to be bound and returns its node.
    func waitForNode(of name: String, timeout: Duration = .seconds(10)) async throws -> String {
        var node: String?
        try await eventually(timeout: timeout, "pod \(name) bound") {
            node = try await pod(name).spec?.nodeName
            return node.map { !$0.isEmpty } ?? false
        }
        return node!
    }

    func events(for pod: String, reason: String) async throws -> [Event] {
        try await client.list(Event.self, namespace: "default").items.filter {
            $0.involvedObject.name == pod && $0.reason == reason
        }
    }
}

struct Owner {
    var name: String
    var uid: String
    var kind = "StatefulPodSet"
    var apiVersion = "stead.dev/v1alpha1"

    static func statefulPodSet(_ name: String) -> Owner { Owner(name: name, uid: "uid-\(name)-\(UUID().uuidString)") }

    static func statefulSet(_ name: String, uid: String) -> Owner {
        Owner(name: name, uid: uid, kind: "StatefulSet", apiVersion: "apps/v1")
    }
}
