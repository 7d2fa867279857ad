import Foundation
import KubeModel
@testable import SteadController
import SteadAPI

/// Builders shared by the tests: a set "web" with 5 replicas by default, its revisions and its pods.
enum Fixture {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let selector = LabelSelector(matchLabels: ["app": "web"])

    static func container(
        name: String = "app", image: String = "nginx:1.25", env: [String: String]? = nil,
        cpu: String? = "500m", memory: String? = "256Mi", extra: JSONObject = [:]
    ) -> JSONValue {
        var object: JSONObject = ["name": .string(name), "image": .string(image)]
        if let env {
            object["env"] = .array(env.sorted { $0.key < $1.key }.map { ["name": .string($0.key), "value": .string($0.value)] })
        }
        var requests: JSONObject = [:]
        if let cpu { requests["cpu"] = .string(cpu) }
        if let memory { requests["memory"] = .string(memory) }
        if !requests.isEmpty { object["resources"] = ["requests": .object(requests)] }
        for (key, value) in extra { object[key] = value }
        return .object(object)
    }

    static func template(
        containers: [JSONValue] = [container()], labels: [String: String] = ["app": "web"],
        spec extraSpec: JSONObject = [:], annotations: [String: String]? = nil
    ) -> PodTemplateSpec {
        var metadata: JSONObject = ["labels": .object(labels.mapValues(JSONValue.string))]
        if let annotations { metadata["annotations"] = .object(annotations.mapValues(JSONValue.string)) }
        var spec: JSONObject = ["containers": .array(containers)]
        for (key, value) in extraSpec { spec[key] = value }
        return PodTemplateSpec(json: .object(["metadata": .object(metadata), "spec": .object(spec)]))
    }

    static func set(
        name: String = "web", replicas: Int32 = 5, template: PodTemplateSpec = template(),
        rolling: RollingUpdateStrategy? = nil, type: UpdateStrategyType? = nil, minReadySeconds: Int32? = nil,
        podManagementPolicy: PodManagementPolicy? = nil, placement: Placement? = nil,
        claims: [PersistentVolumeClaimTemplate]? = nil, retention: PersistentVolumeClaimRetentionPolicy? = nil
    ) -> StatefulPodSet {
        var metadata = ObjectMeta(name: name, namespace: "default")
        metadata.uid = "uid-\(name)"
        metadata.generation = 1
        let spec = StatefulPodSetSpec(
            replicas: replicas, selector: selector, serviceName: "\(name)-headless", template: template,
            volumeClaimTemplates: claims, podManagementPolicy: podManagementPolicy, minReadySeconds: minReadySeconds,
            persistentVolumeClaimRetentionPolicy: retention,
            updateStrategy: (rolling != nil || type != nil) ? UpdateStrategy(type: type, rollingUpdate: rolling) : nil,
            placement: placement)
        return StatefulPodSet(metadata: metadata, spec: spec)
    }

    static func revision(_ set: StatefulPodSet, number: Int64 = 1) -> ControllerRevision {
        RevisionBuilder.build(for: set, revisionNumber: number, collisionCount: 0)
    }

    static func claimTemplate(_ name: String = "data", storage: String = "1Gi") -> PersistentVolumeClaimTemplate {
        PersistentVolumeClaimTemplate(json: [
            "metadata": ["name": .string(name), "labels": ["tier": "db"]],
            "spec": [
                "accessModes": ["ReadWriteOnce"], "resources": ["requests": ["storage": .string(storage)]],
                "volumeMode": "Filesystem",
            ],
        ])
    }

    enum Readiness: Sendable { case ready(since: Date), notReady, crashing, terminating }

    static func pod(
        _ set: StatefulPodSet, ordinal: Int, revision: ControllerRevision, readiness: Readiness = .ready(since: now - 3600),
        node: String? = nil, resourceVersion: String = "100"
    ) -> Pod {
        var pod = try! PodBuilder.build(set: set, ordinal: ordinal, revision: revision)
        pod.metadata.uid = "pod-uid-\(ordinal)"
        pod.metadata.resourceVersion = resourceVersion
        pod.metadata.creationTimestamp = KubeTime(now - 7200)
        pod.spec?.nodeName = node ?? "sim-\(ordinal)"
        var status = PodStatus(phase: "Running")
        switch readiness {
        case .ready(let since):
            status.conditions = [
                PodCondition(type: "Ready", status: "True", lastTransitionTime: KubeTime(since)),
                PodCondition(type: SteadKeys.inPlaceUpdateReady, status: "True", lastTransitionTime: KubeTime(since)),
            ]
            // The kubelet runs the spec: each container at its image, ready.
            status.containerStatuses = (pod.spec?.containers ?? []).map {
                ContainerStatus(name: $0.name, image: $0.image ?? "", ready: true, restartCount: 0)
            }
        case .notReady:
            status.conditions = [PodCondition(type: "Ready", status: "False", lastTransitionTime: KubeTime(now - 10))]
        case .crashing:
            status.conditions = [PodCondition(type: "Ready", status: "False", lastTransitionTime: KubeTime(now - 10))]
            var container = ContainerStatus(name: "app", image: "nginx:broken", ready: false, restartCount: 3)
            container.state = ["waiting": ["reason": "CrashLoopBackOff"]]
            status.containerStatuses = [container]
        case .terminating:
            status.conditions = [PodCondition(type: "Ready", status: "True", lastTransitionTime: KubeTime(now - 3600))]
            pod.metadata.deletionTimestamp = KubeTime(now - 1)
        }
        pod.status = status
        return pod
    }

    static func pods(_ set: StatefulPodSet, revision: ControllerRevision, count: Int? = nil) -> [Pod] {
        (0..<(count ?? Int(set.spec.replicas ?? 1))).map { pod(set, ordinal: $0, revision: revision) }
    }

    /// A set whose pods all run `old` while the spec says `new`: the start of every rollout.
    struct Rollout {
        var set: StatefulPodSet
        var pods: [Pod]
        var current: ControllerRevision
        var update: ControllerRevision

        var revisions: [ControllerRevision] { [current, update] }

        func plan(nodes: [String: NodeState] = [:], now: Date = Fixture.now) -> UpdatePlan {
            UpdatePlanner.plan(
                set: set, pods: pods, currentRevision: current, updateRevision: update, revisions: revisions, now: now,
                nodes: nodes)
        }

        mutating func replacePod(_ ordinal: Int, with pod: Pod) {
            pods[ordinal] = pod
        }
    }

    static func rollout(
        from old: PodTemplateSpec = template(), to new: PodTemplateSpec, replicas: Int32 = 5,
        rolling: RollingUpdateStrategy? = nil, type: UpdateStrategyType? = nil, minReadySeconds: Int32? = nil,
        placement: Placement? = nil
    ) -> Rollout {
        let oldSet = set(replicas: replicas, template: old)
        let current = revision(oldSet, number: 1)
        var newSet = set(
            replicas: replicas, template: new, rolling: rolling, type: type, minReadySeconds: minReadySeconds,
            placement: placement)
        newSet.status = StatefulPodSetStatus(replicas: replicas)
        newSet.status?.currentRevision = current.name
        let resolution = RevisionResolver.resolve(set: newSet, revisions: [current])
        return Rollout(
            set: newSet, pods: pods(oldSet, revision: current), current: current, update: resolution.updateRevision)
    }
}

extension PodUpdateAction {
    var isInPlace: Bool { if case .updateInPlace = self { return true } else { return false } }
    var isSameNode: Bool { if case .recreateOnSameNode = self { return true } else { return false } }
    var isReschedule: Bool { if case .reschedule = self { return true } else { return false } }
    var isWait: Bool { if case .wait = self { return true } else { return false } }
    var inPlacePlan: InPlacePlan? { if case .updateInPlace(let plan) = self { return plan } else { return nil } }
}
