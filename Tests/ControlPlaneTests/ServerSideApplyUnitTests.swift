import Foundation
import KubeModel
import Testing
@testable import ControlPlane

/// Field sets and server-side apply on plain objects, as structured-merge-diff computes them.
@Suite("field sets and apply")
struct ServerSideApplyUnitTests {
    static let deployment: JSONValue = [
        "apiVersion": "apps/v1", "kind": "Deployment",
        "metadata": ["name": "web", "namespace": "a", "uid": "u", "labels": ["app": "web"]],
        "spec": [
            "replicas": 2,
            "template": ["spec": ["containers": [["name": "app", "image": "web:1", "env": [["name": "A", "value": "1"]]]]]],
        ],
        "status": ["replicas": 2],
    ]

    @Test func anObjectsFieldsAreItsValuesAndListElements() {
        let set = FieldSet.of(Self.deployment, scope: .main(statusIsSeparate: true), lists: .builtin)
        let paths = set.memberPaths.map(FieldSet.describe)
        #expect(
            paths == [
                ".metadata.labels.app", ".spec.replicas", #".spec.template.spec.containers[name="app"]"#,
                #".spec.template.spec.containers[name="app"].env[name="A"]"#,
                #".spec.template.spec.containers[name="app"].env[name="A"].name"#,
                #".spec.template.spec.containers[name="app"].env[name="A"].value"#,
                #".spec.template.spec.containers[name="app"].image"#,
                #".spec.template.spec.containers[name="app"].name"#,
            ])
        let status = FieldSet.of(Self.deployment, scope: .subresource("status"), lists: .builtin)
        #expect(status.memberPaths.map(FieldSet.describe) == [".status.replicas"])
    }

    @Test func fieldsV1RoundTrips() throws {
        let set = FieldSet.of(Self.deployment, scope: .main(statusIsSeparate: true), lists: .builtin)
        let text = String(decoding: try KubeJSON.serialize(set.fieldsV1), as: UTF8.self)
        #expect(text.contains(#""k:{\"name\":\"app\"}":{".":{},"#))
        #expect(FieldSet(fieldsV1: try KubeJSON.parse(Data(text.utf8))) == set)
    }

    @Test func anUpdateOwnsWhatItChangedAndTakesItFromOthers() {
        var object = Self.deployment
        ManagedFields.recordUpdate(
            &object, old: nil, manager: "creator", apiVersion: "apps/v1", scope: .main(statusIsSeparate: true), lists: .builtin, now: .now())
        var scaled = object
        scaled["spec"]?["replicas"] = 5
        ManagedFields.recordUpdate(
            &scaled, old: object, manager: "scaler", apiVersion: "apps/v1", scope: .main(statusIsSeparate: true), lists: .builtin, now: .now())
        let entries = ManagedFields.entries(of: scaled)
        #expect(entries.map(\.manager) == ["creator", "scaler"])
        #expect(entries[1].fields.memberPaths.map(FieldSet.describe) == [".spec.replicas"])
        #expect(!entries[0].fields.memberPaths.map(FieldSet.describe).contains(".spec.replicas"))
        var unchanged = scaled
        ManagedFields.recordUpdate(
            &unchanged, old: scaled, manager: "idle", apiVersion: "apps/v1", scope: .main(statusIsSeparate: true), lists: .builtin, now: .now())
        #expect(unchanged == scaled, "a write that changes nothing records no manager")
    }

    static func applier(_ manager: String, force: Bool = false) -> ServerSideApply {
        ServerSideApply(manager: manager, force: force, apiVersion: "apps/v1", scope: .main(statusIsSeparate: true), lists: .builtin, now: .now())
    }

    @Test func aValueAnotherManagerSetConflictsUnlessForced() throws {
        let created = try Self.applier("first").apply(Self.deployment, to: nil, kind: "Deployment", name: "web")
        var config = Self.deployment
        config["spec"]?["replicas"] = 3
        do {
            _ = try Self.applier("second").apply(config, to: created, kind: "Deployment", name: "web")
            Issue.record("no conflict")
        } catch {
            #expect(error.code == 409)
            #expect(error.message == #"Apply failed with 1 conflict: conflict with "first": .spec.replicas"#)
            #expect(error.details?.causes?.first?.field == ".spec.replicas")
        }
        let forced = try Self.applier("second", force: true).apply(config, to: created, kind: "Deployment", name: "web")
        #expect(forced[path: ["spec", "replicas"]] == 3)
        let owners = ManagedFields.entries(of: forced).filter {
            $0.fields.memberPaths.map(FieldSet.describe).contains(".spec.replicas")
        }
        #expect(owners.map(\.manager) == ["second"])
        // The same value is shared, not a conflict.
        let shared = try Self.applier("third").apply(Self.deployment, to: created, kind: "Deployment", name: "web")
        #expect(ManagedFields.entries(of: shared).count == 2)
    }

    @Test func whatAConfigurationDropsIsRemovedUnlessOthersOwnIt() throws {
        var object = try Self.applier("first").apply(Self.deployment, to: nil, kind: "Deployment", name: "web")
        let label: JSONValue = ["apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "web", "labels": ["app": "web", "team": "blue"]]]
        object = try Self.applier("labeller").apply(label, to: object, kind: "Deployment", name: "web")
        var smaller = Self.deployment
        smaller["metadata"]?["labels"] = ["tier": "front"]
        smaller["spec"]?["template"]?["spec"]?["containers"] = [["name": "app", "image": "web:2"]]
        let applied = try Self.applier("first").apply(smaller, to: object, kind: "Deployment", name: "web")
        #expect(applied[path: ["metadata", "labels"]] == ["app": "web", "team": "blue", "tier": "front"])
        let container = applied[path: ["spec", "template", "spec", "containers"]]?.arrayValue?.first
        #expect(container == ["name": "app", "image": "web:2"], "the env the configuration dropped is gone")
        #expect(applied[path: ["status", "replicas"]] == 2, "status is not the main resource's to apply")
    }

    /// Two ports 53 differ by protocol (TCP when left out): both stay, each its own element.
    @Test func portsAreKeyedByNumberAndProtocol() throws {
        let service: JSONValue = [
            "apiVersion": "v1", "kind": "Service", "metadata": ["name": "dns"],
            "spec": ["ports": [["name": "dns-tcp", "port": 53], ["name": "dns", "port": 53, "protocol": "UDP"]]],
        ]
        let applier = ServerSideApply(
            manager: "a", force: false, apiVersion: "v1", scope: .main(statusIsSeparate: true), lists: .builtin, now: .now())
        let created = try applier.apply(service, to: nil, kind: "Service", name: "dns")
        let again = try applier.apply(service, to: created, kind: "Service", name: "dns")
        #expect(again[path: ["spec", "ports"]] == service[path: ["spec", "ports"]])
        let keys = FieldSet.of(again, scope: .main(statusIsSeparate: true), lists: .builtin).children["f:spec"]?.children["f:ports"]?.children.keys.sorted()
        #expect(keys == [#"k:{"port":53,"protocol":"TCP"}"#, #"k:{"port":53,"protocol":"UDP"}"#])
    }

    /// A custom resource's lists follow its schema: without `x-kubernetes-list-type` a list is one atomic
    /// value (a second manager's different list conflicts, whole); `map` keys elements by its keys.
    @Test func aCustomResourcesListsFollowItsSchema() throws {
        let item: JSONValue = ["type": "object", "properties": ["name": ["type": "string"], "size": ["type": "integer"]]]
        let schema: JSONValue = [
            "type": "object",
            "properties": [
                "spec": [
                    "type": "object",
                    "properties": [
                        "plain": ["type": "array", "items": item],
                        "keyed": [
                            "type": "array", "items": item, "x-kubernetes-list-type": "map",
                            "x-kubernetes-list-map-keys": ["name"],
                        ],
                        "tags": ["type": "array", "items": ["type": "string"], "x-kubernetes-list-type": "set"],
                    ],
                ]
            ],
        ]
        let version = CustomResourceVersion(definitionName: "disks.example.dev", schema: schema, scale: nil, printerColumns: [])
        let resource = ResourceInfo(
            .init(group: "example.dev", version: "v1", kind: "Disk", plural: "disks", namespaced: true), custom: version)
        func applier(_ manager: String) -> ServerSideApply {
            ServerSideApply(
                manager: manager, force: false, apiVersion: "example.dev/v1", scope: .main(statusIsSeparate: false),
                lists: .root(of: resource), now: .now())
        }
        func config(_ spec: JSONValue) -> JSONValue {
            ["apiVersion": "example.dev/v1", "kind": "Disk", "metadata": ["name": "d"], "spec": spec]
        }
        let created = try applier("first").apply(
            config(["plain": [["name": "a"]], "keyed": [["name": "a"]], "tags": ["x"]]), to: nil, kind: "Disk", name: "d")
        let fields = FieldSet.of(created, scope: .main(statusIsSeparate: false), lists: .root(of: resource))
        let spec = try #require(fields.children["f:spec"])
        #expect(spec.children["f:plain"] == .member)
        #expect(spec.children["f:keyed"]?.children.keys.sorted() == [#"k:{"name":"a"}"#])
        #expect(spec.children["f:tags"]?.children.keys.sorted() == [#"v:"x""#])

        let merged = try applier("second").apply(config(["keyed": [["name": "b"]], "tags": ["y"]]), to: created, kind: "Disk", name: "d")
        #expect(merged[path: ["spec", "keyed"]] == [["name": "a"], ["name": "b"]])
        #expect(merged[path: ["spec", "tags"]] == ["x", "y"])
        do {
            _ = try applier("second").apply(config(["plain": [["name": "b"]]]), to: created, kind: "Disk", name: "d")
            Issue.record("an atomic list another manager set did not conflict")
        } catch {
            #expect(error.message == #"Apply failed with 1 conflict: conflict with "first": .spec.plain"#)
        }
    }
}
