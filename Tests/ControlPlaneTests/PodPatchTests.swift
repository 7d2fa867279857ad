import ControlPlane
import Foundation
import KubeModel
import KubeProtobuf
import Testing

/// Each patch type on a pod, over HTTP, checked against the whole expected object.
@Suite struct PodPatchTests {
    static let pods = "/api/v1/namespaces/default/pods"
    static let path = "\(pods)/shop"

    static func pod() -> JSONValue {
        [
            "apiVersion": "v1", "kind": "Pod",
            "metadata": ["name": "shop", "namespace": "default", "labels": ["app": "shop"], "annotations": ["note": "x"]],
            "spec": [
                "containers": [
                    ["name": "web", "image": "nginx:1.25", "ports": [["containerPort": 80]], "env": [["name": "A", "value": "1"], ["name": "B", "value": "2"]]],
                    ["name": "sidecar", "image": "envoy:1.30", "unknownField": ["kept": true]],
                    ["name": "logger", "image": "fluentbit:3"],
                ],
                "tolerations": [["key": "a", "operator": "Exists"], ["key": "b", "operator": "Exists"]],
            ],
        ]
    }

    /// `created` with `change` applied, and the generation a spec change gives.
    static func expected(_ created: JSONValue, specChanged: Bool, _ change: (inout JSONValue) -> Void) -> JSONValue {
        var object = created
        change(&object)
        if specChanged { object["metadata"]?["generation"] = 2 }
        return object.withoutVersion
    }

    static func container(_ object: inout JSONValue, _ index: Int, _ change: (inout JSONValue) -> Void) {
        guard var containers = object[path: ["spec", "containers"]]?.arrayValue else { return }
        change(&containers[index])
        object["spec"]?["containers"] = .array(containers)
    }

    @Test func strategicMergeChangesOneContainerAndLeavesTheOthers() async throws {
        try await TestServer.with { s in
            let created = try await s.create(Self.pod(), in: Self.pods)
            let reply = try await s.request(
                .PATCH, Self.path, json: ["spec": ["containers": [["name": "sidecar", "image": "envoy:1.31"]]]],
                contentType: "application/strategic-merge-patch+json")
            #expect(reply.status == 200)
            let expected = Self.expected(created, specChanged: true) { Self.container(&$0, 1) { $0["image"] = "envoy:1.31" } }
            #expect(reply.json.withoutVersion == expected)
            #expect(try await s.get(Self.path).withoutVersion == expected)
        }
    }

    @Test func strategicMergeDirectivesOnAPod() async throws {
        try await TestServer.with { s in
            let created = try await s.create(Self.pod(), in: Self.pods)
            let patch: JSONValue = [
                "metadata": ["finalizers": ["example.com/a"], "labels": ["tier": "front"]],
                "spec": [
                    "$setElementOrder/containers": [["name": "web"], ["name": "sidecar"], ["name": "logger"]],
                    "containers": [["name": "logger", "image": "fluentbit:4"]],
                    "tolerations": [
                        ["key": "a", "operator": "Exists"], ["key": "b", "operator": "Exists"],
                        ["key": "c", "operator": "Exists"],
                    ],
                ],
            ]
            let reply = try await s.request(.PATCH, Self.path, json: patch, contentType: "application/strategic-merge-patch+json")
            #expect(reply.status == 200)
            let expected = Self.expected(created, specChanged: true) { pod in
                pod["metadata"]?["finalizers"] = ["example.com/a"]
                pod["metadata"]?["labels"] = ["app": "shop", "tier": "front"]
                Self.container(&pod, 2) { $0["image"] = "fluentbit:4" }
                // Tolerations have no merge key in Kubernetes: the list is replaced (here by a longer one).
                pod["spec"]?["tolerations"] = [
                    ["key": "a", "operator": "Exists"], ["key": "b", "operator": "Exists"], ["key": "c", "operator": "Exists"],
                ]
            }
            #expect(reply.json.withoutVersion == expected)

            // finalizers merge as a set; $deleteFromPrimitiveList removes.
            let more = try await s.request(
                .PATCH, Self.path, json: ["metadata": ["finalizers": ["example.com/b"], "$deleteFromPrimitiveList/finalizers": ["example.com/a"]]],
                contentType: "application/strategic-merge-patch+json")
            #expect(more.json.finalizerList == ["example.com/b"])
            try await s.releaseFinalizers(Self.path)
        }
    }

    /// A patch whose result changes what a live pod cannot change (env, ports, a removed toleration) is
    /// refused like any such update, and the pod stays as it was.
    @Test func patchesThatChangeImmutablePodFieldsAreRefused() async throws {
        try await TestServer.with { s in
            let created = try await s.create(Self.pod(), in: Self.pods)
            let env = try await s.request(
                .PATCH, Self.path, json: ["spec": ["containers": [["name": "web", "env": [["name": "A", "$patch": "delete"]]]]]],
                contentType: "application/strategic-merge-patch+json")
            #expect(env.status == 422)
            #expect(env.json["message"]?.stringValue?.contains("pod updates may not change fields other than") == true)
            #expect(env.json[path: ["details", "causes"]]?.arrayValue?.first?["field"] == "spec")

            let toleration = try await s.request(
                .PATCH, Self.path, json: [["op": "remove", "path": "/spec/tolerations/0"]],
                contentType: "application/json-patch+json")
            #expect(toleration.status == 422)
            #expect(toleration.json[path: ["details", "causes"]]?.arrayValue?.first?["field"] == "spec.tolerations")

            let node = try await s.request(
                .PATCH, Self.path, json: ["spec": ["nodeName": "elsewhere"]], contentType: "application/merge-patch+json")
            #expect(node.status == 422)
            #expect(try await s.get(Self.path).withoutVersion == created.withoutVersion)
        }
    }

    @Test func mergePatch() async throws {
        try await TestServer.with { s in
            let created = try await s.create(Self.pod(), in: Self.pods)
            let patch: JSONValue = [
                "metadata": ["labels": ["tier": "front"], "annotations": ["note": nil]],
                "spec": ["activeDeadlineSeconds": 600],
            ]
            let reply = try await s.request(.PATCH, Self.path, json: patch, contentType: "application/merge-patch+json")
            #expect(reply.status == 200)
            let expected = Self.expected(created, specChanged: true) { pod in
                pod["metadata"]?["labels"] = ["app": "shop", "tier": "front"]
                pod["metadata"]?["annotations"] = [:]
                pod["spec"]?["activeDeadlineSeconds"] = 600
            }
            #expect(reply.json.withoutVersion == expected)

            // A merge patch replaces lists whole.
            let tolerations: JSONValue = [
                ["key": "a", "operator": "Exists"], ["key": "b", "operator": "Exists"], ["key": "d", "operator": "Exists"],
            ]
            let lists = try await s.request(
                .PATCH, Self.path, json: ["spec": ["tolerations": tolerations]], contentType: "application/merge-patch+json")
            #expect(lists.json[path: ["spec", "tolerations"]] == tolerations)
        }
    }

    @Test func jsonPatch() async throws {
        try await TestServer.with { s in
            let created = try await s.create(Self.pod(), in: Self.pods)
            let patch: JSONValue = [
                ["op": "test", "path": "/spec/containers/2/name", "value": "logger"],
                ["op": "replace", "path": "/spec/containers/2/image", "value": "fluentbit:4"],
                ["op": "add", "path": "/metadata/labels/tier", "value": "front"],
                ["op": "add", "path": "/spec/tolerations/-", "value": ["key": "c", "operator": "Exists"]],
            ]
            let reply = try await s.request(.PATCH, Self.path, json: patch, contentType: "application/json-patch+json")
            #expect(reply.status == 200)
            let expected = Self.expected(created, specChanged: true) { pod in
                Self.container(&pod, 2) { $0["image"] = "fluentbit:4" }
                pod["metadata"]?["labels"] = ["app": "shop", "tier": "front"]
                pod["spec"]?["tolerations"] = [
                    ["key": "a", "operator": "Exists"], ["key": "b", "operator": "Exists"], ["key": "c", "operator": "Exists"],
                ]
            }
            #expect(reply.json.withoutVersion == expected)

            let failed = try await s.request(
                .PATCH, Self.path, json: [["op": "test", "path": "/spec/containers/0/image", "value": "nope"]],
                contentType: "application/json-patch+json")
            #expect(failed.status == 422)
        }
    }

    @Test func serverSideApplyAndABrokenProtobufBodyGetClearMessages() async throws {
        try await TestServer.with { s in
            _ = try await s.create(Self.pod(), in: Self.pods)
            let apply = try await s.request(
                .PATCH, Self.path + "?fieldManager=kubectl", body: Data("apiVersion: v1\nkind: Pod\nmetadata: {labels: {a: b}}".utf8),
                contentType: "application/apply-patch+yaml")
            #expect(apply.status == 200)
            #expect(apply.json[path: ["metadata", "labels", "a"]] == "b")
            let forcedMerge = try await s.request(
                .PATCH, Self.path + "?force=true", json: ["metadata": ["labels": ["c": "d"]]], contentType: "application/merge-patch+json")
            #expect(forcedMerge.status == 422)
            #expect(forcedMerge.json["message"]?.stringValue?.contains("force: Forbidden: may not be specified for non-apply patch") == true)
            // The magic alone: no object in it.
            let truncated = try await s.request(
                .POST, Self.pods, body: Data([0x6b, 0x38, 0x73, 0x00]), contentType: "application/vnd.kubernetes.protobuf")
            #expect(truncated.status == 400)
            #expect(truncated.json["message"]?.stringValue?.contains("the protobuf body does not decode") == true)
        }
    }

    @Test func aClientThatAcceptsOnlyProtobufGetsItsErrorsInProtobuf() async throws {
        try await TestServer.with { s in
            let missing = try await s.request(.GET, Self.pods + "/nowhere", accept: KubeProtobuf.contentType)
            #expect(missing.status == 404)
            #expect(missing.headers.first(name: "Content-Type") == KubeProtobuf.contentType)
            let status = try KubeProtobuf.decode(missing.data)
            #expect(status["kind"] == "Status")
            #expect(status["reason"] == "NotFound")
            #expect(status["code"] == 404)
            let stranger = try await s.request(.GET, Self.pods, accept: KubeProtobuf.contentType, authorized: false)
            #expect(stranger.status == 401)
            #expect(try KubeProtobuf.decode(stranger.data)["reason"] == "Unauthorized")
        }
    }
}

@Suite struct StrategicMergeKeyTests {
    @Test func listsMergeByTheirKubernetesKeys() {
        let service: JSONValue = ["spec": ["ports": [["port": 80, "name": "http"], ["port": 443, "name": "https"]]]]
        let patched = StrategicMergePatch.apply(["spec": ["ports": [["port": 443, "targetPort": 8443]]]], to: service)
        #expect(patched[path: ["spec", "ports"]] == [["port": 80, "name": "http"], ["port": 443, "name": "https", "targetPort": 8443]])

        let node: JSONValue = ["spec": ["taints": [["key": "a", "effect": "NoSchedule"]]], "status": ["conditions": [["type": "Ready", "status": "False"], ["type": "DiskPressure", "status": "False"]]]]
        let nodePatch: JSONValue = ["spec": ["taints": [["key": "b", "effect": "NoSchedule"]]], "status": ["conditions": [["type": "Ready", "status": "True"]]]]
        let nodeResult = StrategicMergePatch.apply(nodePatch, to: node)
        #expect(nodeResult[path: ["spec", "taints"]] == [["key": "b", "effect": "NoSchedule"]], "taints are replaced")
        #expect(nodeResult[path: ["status", "conditions"]] == [["type": "Ready", "status": "True"], ["type": "DiskPressure", "status": "False"]])

        let owned: JSONValue = ["metadata": ["ownerReferences": [["uid": "1", "name": "a"], ["uid": "2", "name": "b"]]]]
        let refs = StrategicMergePatch.apply(["metadata": ["ownerReferences": [["uid": "2", "$patch": "delete"]]]], to: owned)
        #expect(refs[path: ["metadata", "ownerReferences"]] == [["uid": "1", "name": "a"]])

        let pod: JSONValue = ["spec": ["volumes": [["name": "data", "emptyDir": [:]]], "containers": [["name": "a", "volumeMounts": [["mountPath": "/d", "name": "data"]]]]]]
        let mounted = StrategicMergePatch.apply(
            ["spec": ["containers": [["name": "a", "volumeMounts": [["mountPath": "/d", "readOnly": true]]]]]], to: pod)
        #expect(mounted[path: ["spec", "containers"]] == [["name": "a", "volumeMounts": [["mountPath": "/d", "name": "data", "readOnly": true]]]])
    }

    @Test func nestedListDirectivesInsideAContainer() {
        let pod = PodPatchTests.pod()
        let patch: JSONValue = [
            "spec": [
                "$setElementOrder/containers": [["name": "logger"], ["name": "web"], ["name": "sidecar"]],
                "containers": [
                    ["name": "web", "env": [["name": "A", "$patch": "delete"], ["name": "C", "value": "3"]], "ports": [["containerPort": 80, "name": "http"]]]
                ],
            ]
        ]
        let patched = StrategicMergePatch.apply(patch, to: pod)
        let containers = patched[path: ["spec", "containers"]]?.arrayValue ?? []
        #expect(containers.map { $0["name"]?.stringValue ?? "" } == ["logger", "web", "sidecar"])
        #expect(containers[1]["env"] == [["name": "B", "value": "2"], ["name": "C", "value": "3"]])
        #expect(containers[1]["ports"] == [["containerPort": 80, "name": "http"]])
        #expect(containers[2]["unknownField"] == ["kept": true])
    }

    @Test func replaceRetainKeysAndOrderDirectives() {
        let pod: JSONValue = ["spec": ["volumes": [["name": "v", "emptyDir": [:]]], "containers": [["name": "a"], ["name": "b"]]]]
        let replaced = StrategicMergePatch.apply(["spec": ["containers": [["name": "z"], ["$patch": "replace"]]]], to: pod)
        #expect(replaced[path: ["spec", "containers"]] == [["name": "z"]])

        let retained = StrategicMergePatch.apply(
            ["spec": ["volumes": [["name": "v", "hostPath": ["path": "/x"], "$retainKeys": ["name", "hostPath"]]]]], to: pod)
        #expect(retained[path: ["spec", "volumes"]] == [["name": "v", "hostPath": ["path": "/x"]]])

        let object: JSONValue = ["metadata": ["finalizers": ["a", "b", "c"]]]
        let ordered = StrategicMergePatch.apply(["metadata": ["$setElementOrder/finalizers": ["c", "a", "b"]]], to: object)
        #expect(ordered[path: ["metadata", "finalizers"]] == ["c", "a", "b"])

        let mapReplaced = StrategicMergePatch.apply(["spec": ["$patch": "replace", "containers": [["name": "q"]]]], to: pod)
        #expect(mapReplaced["spec"] == ["containers": [["name": "q"]]])
        let mapDeleted = StrategicMergePatch.apply(["spec": ["$patch": "delete"]], to: pod)
        #expect(mapDeleted["spec"] == nil)
    }
}

@Suite struct DeleteRulesTests {
    static let pods = BuiltinResources.pods
    static let now = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func podsOnANodeAreMarkedOthersRemoved() {
        let bound: JSONValue = ["metadata": ["name": "p", "generation": 1], "spec": ["nodeName": "n", "terminationGracePeriodSeconds": 20]]
        guard case .mark(let marked) = DeleteRules.decide(bound, resource: Self.pods, options: DeleteOptions(), now: Self.now) else {
            Issue.record("a bound pod is marked")
            return
        }
        #expect(marked[path: ["metadata", "deletionGracePeriodSeconds"]] == 20)
        #expect(marked[path: ["metadata", "deletionTimestamp"]]?.stringValue == KubeTime(Self.now.addingTimeInterval(20)).description)
        #expect(marked[path: ["metadata", "generation"]] == 2)

        let finished: JSONValue = ["metadata": ["name": "p"], "spec": ["nodeName": "n"], "status": ["phase": "Succeeded"]]
        #expect(DeleteRules.decide(finished, resource: Self.pods, options: DeleteOptions()) == .remove)
        let negative = DeleteRules.decide(bound, resource: Self.pods, options: DeleteOptions(gracePeriodSeconds: -5), now: Self.now)
        if case .mark(let object) = negative { #expect(object[path: ["metadata", "deletionGracePeriodSeconds"]] == 1) }
    }

    @Test func policiesBecomeFinalizers() {
        let cm: JSONValue = ["metadata": ["name": "c", "finalizers": ["x"]]]
        let configMaps = ResourceInfo(ResourceType(group: "", version: "v1", kind: "ConfigMap", plural: "configmaps", namespaced: true))
        guard case .mark(let orphaned) = DeleteRules.decide(cm, resource: configMaps, options: DeleteOptions(orphanDependents: true)) else {
            Issue.record("held by finalizers")
            return
        }
        #expect(orphaned[path: ["metadata", "finalizers"]] == ["x", "orphan"])
        // A later explicit policy swaps the garbage collector's finalizer.
        guard case .mark(let foreground) = DeleteRules.decide(orphaned, resource: configMaps, options: DeleteOptions(propagationPolicy: "Foreground")) else {
            Issue.record("policy change")
            return
        }
        #expect(foreground[path: ["metadata", "finalizers"]] == ["x", "foregroundDeletion"])
        #expect(DeleteRules.decide(foreground, resource: configMaps, options: DeleteOptions()) == .unchanged)
        let released = DeleteRules.setting(finalizers: [], on: foreground)
        #expect(DeleteRules.finishesDeletion(released, old: foreground))
    }
}
