import Foundation
import KubeModel
import SteadAPI
import Testing
@testable import SteadController

@Suite("In-place diff")
struct InPlaceUpdateTests {
    typealias F = Fixture

    /// One row: the new template (the old one is `Fixture.template()`), and the expected outcome.
    struct Row: Sendable, CustomTestStringConvertible {
        enum Outcome: Sendable, Equatable {
            case inPlace(images: [String], resources: [String], labels: [String], tolerations: Int)
            case recreate([String])
        }
        var name: String
        var old: PodTemplateSpec = Fixture.template()
        var new: PodTemplateSpec
        var outcome: Outcome
        var capabilities = InPlaceCapabilities()
        var testDescription: String { name }
    }

    static let rows: [Row] = [
        Row(name: "image", new: F.template(containers: [F.container(image: "nginx:1.26")]),
            outcome: .inPlace(images: ["app=nginx:1.26"], resources: [], labels: [], tolerations: 0)),
        Row(name: "cpu request", new: F.template(containers: [F.container(cpu: "1")]),
            outcome: .inPlace(images: [], resources: ["app.requests.cpu=1"], labels: [], tolerations: 0)),
        Row(name: "memory request", new: F.template(containers: [F.container(memory: "512Mi")]),
            outcome: .inPlace(images: [], resources: ["app.requests.memory=512Mi"], labels: [], tolerations: 0)),
        Row(name: "cpu without pods/resize", new: F.template(containers: [F.container(cpu: "1")]),
            outcome: .recreate(["spec.containers[app].resources.requests.cpu"]),
            capabilities: InPlaceCapabilities(resizeSubresource: false)),
        Row(name: "same quantity written differently", new: F.template(containers: [F.container(cpu: "0.5")]),
            outcome: .inPlace(images: [], resources: [], labels: [], tolerations: 0)),
        Row(name: "image and cpu together",
            new: F.template(containers: [F.container(image: "nginx:1.26", cpu: "750m")]),
            outcome: .inPlace(images: ["app=nginx:1.26"], resources: ["app.requests.cpu=750m"], labels: [], tolerations: 0)),
        Row(name: "label and annotation", new: F.template(labels: ["app": "web", "tier": "front"], annotations: ["a": "b"]),
            outcome: .inPlace(images: [], resources: [], labels: ["tier"], tolerations: 0)),
        Row(name: "toleration added",
            new: F.template(spec: ["tolerations": [["key": "dedicated", "operator": "Exists"]]]),
            outcome: .inPlace(images: [], resources: [], labels: [], tolerations: 1)),
        Row(name: "toleration removed",
            old: F.template(spec: ["tolerations": [["key": "dedicated", "operator": "Exists"]]]),
            new: F.template(), outcome: .recreate(["spec.tolerations"])),
        Row(name: "init container image",
            old: F.template(spec: ["initContainers": [F.container(name: "init", image: "busybox:1")]]),
            new: F.template(spec: ["initContainers": [F.container(name: "init", image: "busybox:2")]]),
            outcome: .inPlace(images: ["init=busybox:2"], resources: [], labels: [], tolerations: 0)),
        Row(name: "init container resources",
            old: F.template(spec: ["initContainers": [F.container(name: "init", image: "busybox:1")]]),
            new: F.template(spec: ["initContainers": [F.container(name: "init", image: "busybox:1", cpu: "1")]]),
            outcome: .recreate(["spec.initContainers[init].resources.requests.cpu"])),
        Row(name: "env", new: F.template(containers: [F.container(env: ["A": "1"])]),
            outcome: .recreate(["spec.containers[app].env"])),
        Row(name: "command", new: F.template(containers: [F.container(extra: ["command": ["sh"]])]),
            outcome: .recreate(["spec.containers[app].command"])),
        Row(name: "args", new: F.template(containers: [F.container(extra: ["args": ["-v"]])]),
            outcome: .recreate(["spec.containers[app].args"])),
        Row(name: "ports", new: F.template(containers: [F.container(extra: ["ports": [["containerPort": 80]]])]),
            outcome: .recreate(["spec.containers[app].ports"])),
        Row(name: "probe", new: F.template(containers: [F.container(extra: ["readinessProbe": ["httpGet": ["port": 80]]])]),
            outcome: .recreate(["spec.containers[app].readinessProbe"])),
        Row(name: "unknown container field", new: F.template(containers: [F.container(extra: ["stdin": true])]),
            outcome: .recreate(["spec.containers[app].stdin"])),
        Row(name: "volumes", new: F.template(spec: ["volumes": [["name": "tmp", "emptyDir": [:]]]]),
            outcome: .recreate(["spec.volumes"])),
        Row(name: "nodeSelector", new: F.template(spec: ["nodeSelector": ["disk": "ssd"]]),
            outcome: .recreate(["spec.nodeSelector"])),
        Row(name: "affinity", new: F.template(spec: ["affinity": ["podAntiAffinity": [:]]]),
            outcome: .recreate(["spec.affinity"])),
        Row(name: "unknown spec field", new: F.template(spec: ["hostNetwork": true]),
            outcome: .recreate(["spec.hostNetwork"])),
        Row(name: "container added", new: F.template(containers: [F.container(), F.container(name: "sidecar")]),
            outcome: .recreate(["spec.containers[sidecar]"])),
        Row(name: "container removed",
            old: F.template(containers: [F.container(), F.container(name: "sidecar")]),
            new: F.template(), outcome: .recreate(["spec.containers[sidecar]"])),
        Row(name: "container renamed", new: F.template(containers: [F.container(name: "main")]),
            outcome: .recreate(["spec.containers[app]", "spec.containers[main]"])),
        Row(name: "containers reordered",
            old: F.template(containers: [F.container(), F.container(name: "sidecar")]),
            new: F.template(containers: [F.container(name: "sidecar"), F.container()]),
            outcome: .recreate(["spec.containers"])),
        Row(name: "ephemeral-storage request", new: F.template(containers: [F.container(extra: [
                "resources": ["requests": ["cpu": "500m", "memory": "256Mi", "ephemeral-storage": "1Gi"]]])]),
            outcome: .recreate(["spec.containers[app].resources.requests.ephemeral-storage"])),
        Row(name: "cpu request removed", new: F.template(containers: [F.container(cpu: nil)]),
            outcome: .recreate(["spec.containers[app].resources.requests.cpu"])),
        Row(name: "QoS class change (Guaranteed to Burstable)",
            old: F.template(containers: [F.container(extra: ["resources": [
                "requests": ["cpu": "1", "memory": "1Gi"], "limits": ["cpu": "1", "memory": "1Gi"]]])]),
            new: F.template(containers: [F.container(extra: ["resources": [
                "requests": ["cpu": "500m", "memory": "1Gi"], "limits": ["cpu": "1", "memory": "1Gi"]]])]),
            outcome: .recreate(["spec.containers[app].resources"])),
        Row(name: "env and image together: recreate lists only what forces it",
            new: F.template(containers: [F.container(image: "nginx:1.26", env: ["A": "1"])]),
            outcome: .recreate(["spec.containers[app].env"])),
    ]

    @Test("table", arguments: rows)
    func table(_ row: Row) {
        let set = F.set(template: row.old)
        let oldRevision = F.revision(set)
        let pod = F.pod(set, ordinal: 0, revision: oldRevision)
        let decision = InPlaceUpdate.decide(
            from: row.old, to: row.new, pod: pod, updateRevision: "web-new", capabilities: row.capabilities)
        switch (decision, row.outcome) {
        case (.inPlace(let plan), .inPlace(let images, let resources, let labels, let tolerations)):
            #expect(plan.imageChanges.map { "\($0.container)=\($0.to)" } == images)
            #expect(plan.resourceChanges.map { "\($0.container).\($0.kind).\($0.resource)=\($0.to ?? "")" } == resources)
            #expect(plan.labelChanges.keys.sorted() == labels)
            #expect(plan.addedTolerations.count == tolerations)
            #expect(plan.revisionHash == "web-new")
            #expect(plan.podPatch[path: ["metadata", "resourceVersion"]] == "100")
            #expect(plan.podPatch[path: ["metadata", "labels", SteadKeys.revisionHash]] == "web-new")
            #expect((plan.resizePatch != nil) == !resources.isEmpty)
        case (.recreate(let fields), .recreate(let expected)):
            #expect(fields == expected)
        default:
            Issue.record("got \(decision), expected \(row.outcome)")
        }
    }

    @Test("identical templates: nothing when the pod has the revision, only the label otherwise")
    func identical() {
        let template = F.template()
        let set = F.set(template: template)
        let revision = F.revision(set)
        let pod = F.pod(set, ordinal: 0, revision: revision)
        #expect(InPlaceUpdate.decide(from: template, to: template, pod: pod, updateRevision: revision.name) == .none)
        guard case .inPlace(let plan) = InPlaceUpdate.decide(from: template, to: template, pod: pod, updateRevision: "other")
        else { Issue.record("expected in place"); return }
        #expect(plan.imageChanges.isEmpty && plan.resourceChanges.isEmpty)
        #expect(plan.podPatch[path: ["metadata", "labels", SteadKeys.revisionHash]] == "other")
    }

    @Test("patch bodies: strategic merge by container name, resize body with the new resources")
    func patchBodies() {
        let old = F.template(labels: ["app": "web", "gone": "x"])
        let new = F.template(containers: [F.container(image: "nginx:1.26", cpu: "1")], labels: ["app": "web"])
        let set = F.set(template: old)
        let pod = F.pod(set, ordinal: 2, revision: F.revision(set), resourceVersion: "42")
        guard case .inPlace(let plan) = InPlaceUpdate.decide(from: old, to: new, pod: pod, updateRevision: "web-abc")
        else { Issue.record("expected in place"); return }
        let expectedPatch: JSONValue = [
            "metadata": ["resourceVersion": "42", "labels": ["controller-revision-hash": "web-abc", "gone": nil]],
            "spec": ["containers": [["name": "app", "image": "nginx:1.26"]]],
        ]
        #expect(plan.podPatch == expectedPatch)
        let expectedResize: JSONValue = [
            "spec": ["containers": [["name": "app", "resources": ["requests": ["cpu": "1", "memory": "256Mi"]]]]],
        ]
        #expect(plan.resizePatch == expectedResize)
        #expect(plan.summary == "image app: nginx:1.25 -> nginx:1.26; requests.cpu app: 500m -> 1; labels: gone")
        #expect(plan.restartsContainers)
    }

    @Test("a toleration addition patches the pod's full list (current + added)")
    func tolerationPatch() {
        let old = F.template()
        let new = F.template(spec: ["tolerations": [["key": "dedicated", "operator": "Exists"]]])
        let set = F.set(template: old)
        var pod = F.pod(set, ordinal: 0, revision: F.revision(set))
        pod.spec?.tolerations = [Toleration(key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300)]
        guard case .inPlace(let plan) = InPlaceUpdate.decide(from: old, to: new, pod: pod, updateRevision: "r")
        else { Issue.record("expected in place"); return }
        #expect(plan.podPatch[path: ["spec", "tolerations"]]?.arrayValue?.count == 2)
    }
}
