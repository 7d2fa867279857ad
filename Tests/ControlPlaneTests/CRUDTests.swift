import AsyncHTTPClient
import ControlPlane
import Foundation
import KubeModel
import Testing

@Suite struct CRUDTests {
    @Test func createGetUpdateDelete() async throws {
        try await TestServer.with { s in
            let created = try await s.create(TestServer.configMap("one"), in: "/api/v1/namespaces/default/configmaps")
            #expect(created[path: ["metadata", "uid"]]?.stringValue?.count == 36)
            #expect(created[path: ["metadata", "creationTimestamp"]]?.stringValue != nil)
            #expect(created[path: ["metadata", "generation"]] == 1)
            #expect(created[path: ["metadata", "namespace"]] == "default")
            #expect(created.rvNumber > 0)

            let got = try await s.request(.GET, "/api/v1/namespaces/default/configmaps/one")
            #expect(got.status == 200)
            #expect(got.json == created)

            var changed = created
            changed["data"] = ["k": "v2"]
            let updated = try await s.request(.PUT, "/api/v1/namespaces/default/configmaps/one", json: changed)
            #expect(updated.status == 200)
            #expect(updated.json.rvNumber > created.rvNumber)
            #expect(updated.json[path: ["data", "k"]] == "v2")
            #expect(updated.json[path: ["metadata", "uid"]] == created[path: ["metadata", "uid"]])
            #expect(updated.json[path: ["metadata", "generation"]] == 2)

            let stale = try await s.request(.PUT, "/api/v1/namespaces/default/configmaps/one", json: changed)
            #expect(stale.status == 409)
            #expect(stale.reason == "Conflict")

            var unconditional = changed
            unconditional["metadata"]?["resourceVersion"] = nil
            unconditional["data"] = ["k": "v3"]
            let forced = try await s.request(.PUT, "/api/v1/namespaces/default/configmaps/one", json: unconditional)
            #expect(forced.status == 200)

            let duplicate = try await s.request(.POST, "/api/v1/namespaces/default/configmaps", json: TestServer.configMap("one"))
            #expect(duplicate.status == 409)
            #expect(duplicate.reason == "AlreadyExists")

            let deleted = try await s.request(.DELETE, "/api/v1/namespaces/default/configmaps/one")
            #expect(deleted.status == 200)
            #expect(deleted.json[path: ["metadata", "name"]] == "one")
            let gone = try await s.request(.GET, "/api/v1/namespaces/default/configmaps/one")
            #expect(gone.status == 404)
            #expect(gone.reason == "NotFound")
            let again = try await s.request(.DELETE, "/api/v1/namespaces/default/configmaps/one")
            #expect(again.status == 404)
        }
    }

    @Test func unauthorizedWithoutToken() async throws {
        try await TestServer.with { s in
            let none = try await s.request(.GET, "/api/v1/namespaces", authorized: false)
            #expect(none.status == 401)
            #expect(none.reason == "Unauthorized")
            let wrong = try await s.request(.GET, "/api/v1/namespaces", token: "nope")
            #expect(wrong.status == 401)
            let health = try await s.request(.GET, "/healthz", authorized: false)
            #expect(health.status == 200)
            let ready = try await s.request(.GET, "/readyz", authorized: false)
            #expect(ready.status == 200)
            let ok = try await s.request(.GET, "/api/v1/namespaces")
            #expect(ok.status == 200)
        }
    }

    @Test func initialNamespacesAndClusterScopedResources() async throws {
        try await TestServer.with { s in
            let list = try await s.request(.GET, "/api/v1/namespaces")
            let names = Set((list.json["items"]?.arrayValue ?? []).compactMap { $0[path: ["metadata", "name"]]?.stringValue })
            #expect(names.isSuperset(of: ["default", "kube-system", "kube-public", "kube-node-lease"]))
            let node: JSONValue = ["apiVersion": "v1", "kind": "Node", "metadata": ["name": "n1"], "status": ["capacity": ["cpu": "4"]]]
            let created = try await s.create(node, in: "/api/v1/nodes")
            #expect(created[path: ["metadata", "namespace"]] == nil)
            #expect(created[path: ["status", "capacity", "cpu"]] == "4")
            let missingNamespace = try await s.request(.POST, "/api/v1/namespaces/nope/pods", json: TestServer.pod("p", namespace: "nope"))
            #expect(missingNamespace.status == 404)
            #expect(missingNamespace.reason == "NotFound")
            let lease: JSONValue = ["apiVersion": "coordination.k8s.io/v1", "kind": "Lease", "metadata": ["name": "n1"], "spec": ["holderIdentity": "n1"]]
            _ = try await s.create(lease, in: "/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases")
            let revision: JSONValue = ["apiVersion": "apps/v1", "kind": "ControllerRevision", "metadata": ["name": "r1"], "revision": 1]
            _ = try await s.create(revision, in: "/apis/apps/v1/namespaces/default/controllerrevisions")
            let leases = try await s.request(.GET, "/apis/coordination.k8s.io/v1/leases")
            #expect(leases.json["items"]?.arrayValue?.count == 1)
            #expect(leases.json["kind"] == "LeaseList")
        }
    }

    @Test func generateNameAndNamespaceFill() async throws {
        try await TestServer.with { s in
            let object: JSONValue = ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["generateName": "cm-"]]
            let created = try await s.create(object, in: "/api/v1/namespaces/kube-system/configmaps")
            let name = created[path: ["metadata", "name"]]?.stringValue ?? ""
            #expect(name.hasPrefix("cm-") && name.count == 8)
            #expect(created[path: ["metadata", "namespace"]] == "kube-system")
        }
    }

    @Test func generationBumpsOnlyOnSpecChange() async throws {
        try await TestServer.with { s in
            let pod = try await s.create(TestServer.pod("p1"), in: "/api/v1/namespaces/default/pods")
            #expect(pod[path: ["metadata", "generation"]] == 1)
            var labelled = pod
            labelled["metadata"]?["labels"] = ["a": "b"]
            let r1 = try await s.request(.PUT, "/api/v1/namespaces/default/pods/p1", json: labelled)
            #expect(r1.status == 200)
            #expect(r1.json[path: ["metadata", "generation"]] == 1)
            var respecced = r1.json
            respecced["spec"]?["activeDeadlineSeconds"] = 30
            let r2 = try await s.request(.PUT, "/api/v1/namespaces/default/pods/p1", json: respecced)
            #expect(r2.json[path: ["metadata", "generation"]] == 2)
        }
    }

    @Test func statusSubresourceLeavesSpecAlone() async throws {
        try await TestServer.with { s in
            let pod = try await s.create(TestServer.pod("p1"), in: "/api/v1/namespaces/default/pods")
            var body = pod
            body["spec"]?["nodeName"] = "sneaky"
            body["metadata"]?["labels"] = ["sneaky": "yes"]
            body["status"] = ["phase": "Running", "podIP": "10.0.0.1"]
            let reply = try await s.request(.PUT, "/api/v1/namespaces/default/pods/p1/status", json: body)
            #expect(reply.status == 200)
            #expect(reply.json[path: ["status", "phase"]] == "Running")
            #expect(reply.json[path: ["spec", "nodeName"]] == nil)
            #expect(reply.json[path: ["metadata", "labels", "sneaky"]] == nil)
            #expect(reply.json[path: ["metadata", "generation"]] == 1)
            // A main-resource update keeps the status.
            var update = reply.json
            update["status"] = ["phase": "Failed"]
            update["metadata"]?["labels"] = ["x": "y"]
            let main = try await s.request(.PUT, "/api/v1/namespaces/default/pods/p1", json: update)
            #expect(main.json[path: ["status", "phase"]] == "Running")
            #expect(main.json[path: ["metadata", "labels", "x"]] == "y")
            // Stale resourceVersion on status: 409.
            let stale = try await s.request(.PUT, "/api/v1/namespaces/default/pods/p1/status", json: body)
            #expect(stale.status == 409)
            // Status patch.
            let patched = try await s.request(
                .PATCH, "/api/v1/namespaces/default/pods/p1/status", json: ["status": ["phase": "Succeeded"]],
                contentType: "application/merge-patch+json")
            #expect(patched.status == 200)
            #expect(patched.json[path: ["status", "phase"]] == "Succeeded")
            #expect(patched.json[path: ["status", "podIP"]] == "10.0.0.1")
        }
    }

    @Test func binding() async throws {
        try await TestServer.with { s in
            _ = try await s.create(TestServer.pod("p1"), in: "/api/v1/namespaces/default/pods")
            let binding: JSONValue = ["apiVersion": "v1", "kind": "Binding", "metadata": ["name": "p1"], "target": ["kind": "Node", "name": "n1"]]
            let first = try await s.request(.POST, "/api/v1/namespaces/default/pods/p1/binding", json: binding)
            #expect(first.status == 201)
            let pod = try await s.request(.GET, "/api/v1/namespaces/default/pods/p1")
            #expect(pod.json[path: ["spec", "nodeName"]] == "n1")
            let conditions = pod.json[path: ["status", "conditions"]]?.arrayValue ?? []
            #expect(conditions.contains { $0["type"] == "PodScheduled" && $0["status"] == "True" })
            let second = try await s.request(.POST, "/api/v1/namespaces/default/pods/p1/binding", json: binding)
            #expect(second.status == 409)
            var other = binding
            other["metadata"] = ["name": "nope"]
            let missing = try await s.request(.POST, "/api/v1/namespaces/default/pods/nope/binding", json: other)
            #expect(missing.status == 404)
        }
    }

    @Test func deletePreconditionsAndFinalizers() async throws {
        try await TestServer.with { s in
            let cm = try await s.create(TestServer.configMap("c"), in: "/api/v1/namespaces/default/configmaps")
            let wrongUID: JSONValue = ["kind": "DeleteOptions", "apiVersion": "v1", "preconditions": ["uid": "other"]]
            let r1 = try await s.request(.DELETE, "/api/v1/namespaces/default/configmaps/c", json: wrongUID)
            #expect(r1.status == 409)
            let wrongRV: JSONValue = ["preconditions": ["resourceVersion": "1"], "propagationPolicy": "Background"]
            let r2 = try await s.request(.DELETE, "/api/v1/namespaces/default/configmaps/c", json: wrongRV)
            #expect(r2.status == 409)
            let right: JSONValue = ["preconditions": .object(["uid": cm[path: ["metadata", "uid"]] ?? .null, "resourceVersion": .string(cm.resourceVersion)]), "gracePeriodSeconds": 0]
            let r3 = try await s.request(.DELETE, "/api/v1/namespaces/default/configmaps/c", json: right)
            #expect(r3.status == 200)

            var held = TestServer.configMap("held")
            held["metadata"]?["finalizers"] = ["example.com/hold"]
            _ = try await s.create(held, in: "/api/v1/namespaces/default/configmaps")
            let marked = try await s.request(.DELETE, "/api/v1/namespaces/default/configmaps/held?propagationPolicy=Foreground")
            #expect(marked.status == 200)  // Kubernetes answers 202 only for orphanDependents=false
            #expect(marked.json[path: ["metadata", "deletionTimestamp"]] != nil)
            let release = try await s.request(
                .PATCH, "/api/v1/namespaces/default/configmaps/held", json: ["metadata": ["finalizers": nil]],
                contentType: "application/merge-patch+json")
            #expect(release.status == 200)
            let gone = try await s.request(.GET, "/api/v1/namespaces/default/configmaps/held")
            #expect(gone.status == 404)
        }
    }

    @Test func dryRunDoesNotStore() async throws {
        try await TestServer.with { s in
            let reply = try await s.request(.POST, "/api/v1/namespaces/default/configmaps?dryRun=All", json: TestServer.configMap("dry"))
            #expect(reply.status == 201)
            let get = try await s.request(.GET, "/api/v1/namespaces/default/configmaps/dry")
            #expect(get.status == 404)
            let bad = try await s.request(.POST, "/api/v1/namespaces/default/configmaps?dryRun=Some", json: TestServer.configMap("dry"))
            #expect(bad.status == 400)
        }
    }
}
