import AsyncHTTPClient
import ControlPlane
import Foundation
import KubeModel
import Testing

/// A stored pod with one container `app` and the given resources (Burstable unless told otherwise).
private func storedPod(
    requests: JSONValue? = ["cpu": "100m", "memory": "64Mi"], limits: JSONValue? = ["cpu": "1", "memory": "256Mi"]
) -> JSONValue {
    var resources: JSONObject = [:]
    if let requests { resources["requests"] = requests }
    if let limits { resources["limits"] = limits }
    return [
        "apiVersion": "v1", "kind": "Pod",
        "metadata": ["name": "web-0", "namespace": "default", "resourceVersion": "7", "generation": 1, "labels": ["app": "web"]],
        "spec": [
            "nodeName": "node-a",
            "containers": [["name": "app", "image": "nginx:1.27", "resources": .object(resources)]],
        ],
        "status": ["phase": "Running"],
    ]
}

/// `pod` with container 0's `resources.<list>.<resource>` set to `value` (nil removes it).
private func with(_ pod: JSONValue, _ list: String, _ resource: String, _ value: JSONValue?) -> JSONValue {
    var pod = pod
    guard var containers = pod[path: ["spec", "containers"]]?.arrayValue else { return pod }
    var resources = containers[0]["resources"] ?? [:]
    var values = resources[list] ?? [:]
    values[resource] = value
    resources[list] = values
    containers[0]["resources"] = resources
    pod["spec"]?["containers"] = .array(containers)
    return pod
}

/// The field of each cause of the 422 that `body` gets, or the failure when it is not a 422.
private func invalidFields(_ body: JSONValue, old: JSONValue = storedPod()) -> [String] {
    do {
        _ = try ResizeRule.resize(body, old: old, name: "web-0")
        return ["accepted"]
    } catch {
        guard error.code == 422, error.statusReason == .invalid else { return ["code \(error.code ?? 0)"] }
        return error.details?.causes?.compactMap(\.field) ?? []
    }
}

@Suite struct ResizeRuleTests {
    @Test func resourcesChangeAndGenerationBumps() throws {
        let old = storedPod()
        var body = with(old, "requests", "cpu", "500m")
        body["status"] = ["phase": "Failed"]
        let stored = try ResizeRule.resize(body, old: old, name: "web-0")
        #expect(stored[path: ["spec", "containers"]]?.arrayValue?.first?[path: ["resources", "requests", "cpu"]] == "500m")
        #expect(stored[path: ["metadata", "generation"]] == 2)
        #expect(stored["status"] == old["status"], "status comes from the stored pod, not from the request")

        let same = try ResizeRule.resize(old, old: old, name: "web-0")
        #expect(same[path: ["metadata", "generation"]] == 1)
    }

    @Test func resizePolicyMayChange() throws {
        var body = storedPod()
        var containers = body[path: ["spec", "containers"]]?.arrayValue ?? []
        containers[0]["resizePolicy"] = [["resourceName": "memory", "restartPolicy": "RestartContainer"]]
        body["spec"]?["containers"] = .array(containers)
        let stored = try ResizeRule.resize(body, old: storedPod(), name: "web-0")
        #expect(stored[path: ["spec", "containers"]]?.arrayValue?.first?["resizePolicy"] == containers[0]["resizePolicy"])
    }

    @Test func otherChangesAreInvalid() {
        var image = storedPod()
        var containers = image[path: ["spec", "containers"]]?.arrayValue ?? []
        containers[0]["image"] = "nginx:1.28"
        image["spec"]?["containers"] = .array(containers)
        #expect(invalidFields(image) == ["spec.containers[0].image"])

        var node = storedPod()
        node["spec"]?["nodeName"] = "node-b"
        #expect(invalidFields(node) == ["spec.nodeName"])

        var labels = storedPod()
        labels["metadata"]?["labels"] = ["app": "other"]
        #expect(invalidFields(labels) == ["metadata.labels"])

        var added = storedPod()
        added["spec"]?["containers"] = .array(containers + [["name": "sidecar", "image": "busybox"]])
        #expect(invalidFields(added) == ["spec.containers"])
    }

    @Test func reorderedContainersAreInvalid() {
        var old = storedPod()
        let app = old[path: ["spec", "containers"]]?.arrayValue?.first ?? [:]
        var sidecar = app
        sidecar["name"] = "sidecar"
        old["spec"]?["containers"] = [app, sidecar]
        var body = old
        body["spec"]?["containers"] = [sidecar, app]
        #expect(invalidFields(body, old: old) == ["spec.containers[0].name", "spec.containers[1].name"])
    }

    @Test func requestAboveLimitIsInvalid() throws {
        #expect(invalidFields(with(storedPod(), "requests", "cpu", "2")) == ["spec.containers[0].resources.requests"])
        do {
            _ = try ResizeRule.resize(with(storedPod(), "requests", "cpu", "2"), old: storedPod(), name: "web-0")
        } catch {
            #expect(error.message?.contains("must be less than or equal to cpu limit of 1") == true)
        }
    }

    @Test func removingOrAddingKindsIsInvalid() {
        #expect(invalidFields(with(storedPod(), "limits", "memory", nil)) == ["spec.containers[0].resources.limits[memory]"])
        #expect(invalidFields(with(storedPod(), "requests", "cpu", .null)) == ["spec.containers[0].resources.requests[cpu]"])
        #expect(invalidFields(with(storedPod(), "requests", "ephemeral-storage", "1Gi"))
            == ["spec.containers[0].resources.requests[ephemeral-storage]"])
        #expect(invalidFields(with(storedPod(), "requests", "cpu", "lots")) == ["spec.containers[0].resources.requests[cpu]"])
    }

    @Test func qosClassMayNotChange() throws {
        let bestEffort = storedPod(requests: nil, limits: nil)
        #expect(invalidFields(with(bestEffort, "requests", "memory", "64Mi"), old: bestEffort) == ["spec"])

        let guaranteed = storedPod(requests: ["cpu": "1", "memory": "256Mi"], limits: ["cpu": "1", "memory": "256Mi"])
        #expect(invalidFields(with(guaranteed, "requests", "cpu", "500m"), old: guaranteed) == ["spec"])
        let both = with(with(guaranteed, "requests", "cpu", "2"), "limits", "cpu", "2")
        #expect(try ResizeRule.resize(both, old: guaranteed, name: "web-0")[path: ["metadata", "generation"]] == 2)

        // Burstable -> Guaranteed by raising requests to the limits.
        let burstable = storedPod()
        let toGuaranteed = with(with(burstable, "requests", "cpu", "1"), "requests", "memory", "256Mi")
        do {
            _ = try ResizeRule.resize(toGuaranteed, old: burstable, name: "web-0")
            Issue.record("a resize to Guaranteed was accepted")
        } catch {
            #expect(error.message == "Pod \"web-0\" is invalid: spec: Invalid value: \"Guaranteed\": Pod QOS Class may not change as a result of resizing")
        }
    }

    @Test func staleResourceVersionConflicts() {
        var body = with(storedPod(), "requests", "cpu", "200m")
        body["metadata"]?["resourceVersion"] = "6"
        #expect(invalidFields(body) == ["code 409"])
    }
}

@Suite struct ResizeSubresourceTests {
    static let podPath = "/api/v1/namespaces/default/pods/web-0"

    static func pod() -> JSONValue {
        var pod = TestServer.pod("web-0", node: "node-a")
        pod["spec"]?["containers"] = [
            ["name": "c", "image": "nginx", "resources": ["requests": ["cpu": "100m"], "limits": ["cpu": "1"]]]
        ]
        return pod
    }

    @Test func patchPutAndGetThroughTheSubresource() async throws {
        try await TestServer.with { s in
            let created = try await s.create(Self.pod(), in: "/api/v1/namespaces/default/pods")
            let patch: JSONValue = ["spec": ["containers": [["name": "c", "resources": ["requests": ["cpu": "300m"]]]]]]
            let patched = try await s.request(
                .PATCH, Self.podPath + "/resize", json: patch, contentType: "application/strategic-merge-patch+json")
            #expect(patched.status == 200)
            let container = patched.json[path: ["spec", "containers"]]?.arrayValue?.first
            #expect(container?[path: ["resources", "requests", "cpu"]] == "300m")
            #expect(container?[path: ["resources", "limits", "cpu"]] == "1")
            #expect(patched.json[path: ["metadata", "generation"]] == 2)
            #expect(patched.json[path: ["metadata", "uid"]] == created[path: ["metadata", "uid"]])

            let got = try await s.request(.GET, Self.podPath + "/resize")
            #expect(got.status == 200)
            #expect(got.json == patched.json)

            var put = got.json
            var containers = put[path: ["spec", "containers"]]?.arrayValue ?? []
            containers[0]["resources"]?["requests"] = ["cpu": "400m"]
            put["spec"]?["containers"] = .array(containers)
            let replaced = try await s.request(.PUT, Self.podPath + "/resize", json: put)
            #expect(replaced.status == 200)
            #expect(replaced.json[path: ["metadata", "generation"]] == 3)
            let stale = try await s.request(.PUT, Self.podPath + "/resize", json: put)
            #expect(stale.status == 409)
        }
    }

    @Test func invalidResizesAre422() async throws {
        try await TestServer.with { s in
            _ = try await s.create(Self.pod(), in: "/api/v1/namespaces/default/pods")
            let image = try await s.request(
                .PATCH, Self.podPath + "/resize", json: ["spec": ["containers": [["name": "c", "image": "nginx:2"]]]],
                contentType: "application/strategic-merge-patch+json")
            #expect(image.status == 422)
            #expect(image.reason == "Invalid")
            #expect(image.json["message"]?.stringValue?.contains("spec.containers[0].image: Forbidden") == true)

            let aboveLimit = try await s.request(
                .PATCH, Self.podPath + "/resize",
                json: [["op": "replace", "path": "/spec/containers/0/resources/requests/cpu", "value": "2"]],
                contentType: "application/json-patch+json")
            #expect(aboveLimit.status == 422)
            #expect(aboveLimit.json["message"]?.stringValue?.contains("must be less than or equal to cpu limit of 1") == true)

            let qos = try await s.request(
                .PATCH, Self.podPath + "/resize",
                json: ["spec": ["containers": [["name": "c", "resources": ["requests": ["cpu": "1"]]]]]],
                contentType: "application/strategic-merge-patch+json")
            #expect(qos.status == 200, "cpu only: still Burstable (no memory limit)")

            let removed = try await s.request(
                .PATCH, Self.podPath + "/resize", json: [["op": "remove", "path": "/spec/containers/0/resources/limits"]],
                contentType: "application/json-patch+json")
            #expect(removed.status == 422)
            #expect(removed.json["message"]?.stringValue?.contains("limits[cpu]: Forbidden: resource limits cannot be removed") == true)

            let unchanged = try await s.request(.GET, Self.podPath)
            #expect(unchanged.json[path: ["spec", "containers"]]?.arrayValue?.first?["image"] == "nginx")
            #expect(unchanged.json[path: ["metadata", "generation"]] == 2)

            let post = try await s.request(.POST, Self.podPath + "/resize", json: Self.pod())
            #expect(post.status == 405)
            let configMap = try await s.request(.GET, "/api/v1/namespaces/default/configmaps/x/resize")
            #expect(configMap.status == 404)
        }
    }

    @Test func discoveryListsTheSubresource() async throws {
        try await TestServer.with { s in
            let list = try await s.request(.GET, "/api/v1")
            let entry = list.json["resources"]?.arrayValue?.first { $0["name"] == "pods/resize" }
            #expect(entry?["verbs"] == ["get", "patch", "update"])
            #expect(entry?["kind"] == "Pod")
        }
    }
}
