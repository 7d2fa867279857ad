import Foundation
import SteadTestSupport
import KubeModel
import SteadController
import Testing
import Yams

/// `stead manifests`: what installs Stead on a real cluster, and `deploy/` made from it.
@Suite("stead manifests")
struct ManifestsTests {
    static func manifests(_ arguments: [String] = []) throws -> String {
        let result = try runCommand(TestPaths.stead, ["manifests"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    static func documents(_ yaml: String) throws -> [[String: Any]] {
        try Yams.load_all(yaml: yaml).map { document in
            guard let object = document as? [String: Any] else { throw NotAnObject(document: "\(String(describing: document))") }
            return object
        }
    }

    struct NotAnObject: Error { var document: String }

    @Test func printsEveryObjectAStandardInstallNeeds() throws {
        let documents = try Self.documents(try Self.manifests())
        let kinds = documents.compactMap { $0["kind"] as? String }
        #expect(kinds == ["CustomResourceDefinition", "Namespace", "ServiceAccount", "ClusterRole", "ClusterRoleBinding",
                          "Role", "RoleBinding", "Deployment", "Service", "ValidatingWebhookConfiguration"])
        let crd = try #require(documents.first)
        #expect(try JSONValue.parse(JSONSerialization.data(withJSONObject: crd)) == StatefulPodSetCRD.definition())

        let deployment = try #require(documents.first { $0["kind"] as? String == "Deployment" })
        let spec = try #require(deployment["spec"] as? [String: Any])
        #expect(spec["replicas"] as? Int == 2)
        let podSpec = try #require((spec["template"] as? [String: Any])?["spec"] as? [String: Any])
        #expect(podSpec["serviceAccountName"] as? String == "stead")
        let container = try #require((podSpec["containers"] as? [[String: Any]])?.first)
        let arguments = container["args"] as? [String] ?? []
        #expect(Array(arguments.prefix(2)) == ["run", "--leader-elect"])
        #expect(container["image"] as? String == "stead:0.1.0")
        #expect(arguments.contains("--webhook-service") && arguments.contains("stead-system/stead-webhook"))

        // The webhook goes through the Service to the pods' webhook port; the running leader adds the CA.
        let service = try #require(documents.first { $0["kind"] as? String == "Service" })
        let port = try #require(((service["spec"] as? [String: Any])?["ports"] as? [[String: Any]])?.first)
        #expect(port["port"] as? Int == 443 && port["targetPort"] as? String == "webhook")
        let configuration = try #require(documents.last)
        let webhook = try #require((configuration["webhooks"] as? [[String: Any]])?.first)
        let clientConfig = try #require(webhook["clientConfig"] as? [String: Any])
        #expect(clientConfig["caBundle"] == nil)
        #expect((clientConfig["service"] as? [String: Any])?["name"] as? String == "stead-webhook")
        #expect(webhook["failurePolicy"] as? String == "Fail" && webhook["sideEffects"] as? String == "None")
    }

    @Test func rbacHasNoWildcardAndCoversWhatSteadCalls() throws {
        let documents = try Self.documents(try Self.manifests())
        let roles = documents.filter { ["ClusterRole", "Role"].contains($0["kind"] as? String) }
        #expect(roles.count == 2)
        var granted: Set<String> = []
        for role in roles {
            for rule in role["rules"] as? [[String: Any]] ?? [] {
                let groups = rule["apiGroups"] as? [String] ?? []
                let resources = rule["resources"] as? [String] ?? []
                let verbs = rule["verbs"] as? [String] ?? []
                #expect(!groups.isEmpty && !resources.isEmpty && !verbs.isEmpty, "incomplete rule \(rule)")
                for value in groups + resources + verbs + (rule["resourceNames"] as? [String] ?? []) {
                    #expect(!value.contains("*"), "wildcard in \(rule)")
                }
                for group in groups { for resource in resources { for verb in verbs { granted.insert("\(verb) \(resource).\(group)") } } }
                if resources.contains("secrets") {
                    #expect(role["kind"] as? String == "Role", "Secrets only in Stead's own namespace")
                    #expect(verbs == ["create"] || rule["resourceNames"] as? [String] == ["stead-webhook-tls"], "\(rule)")
                }
            }
        }
        let needed = [
            "watch pods.", "create pods.", "delete pods.", "patch pods.", "patch pods/status.", "create pods/binding.",
            "patch pods/resize.", "watch nodes.", "watch persistentvolumeclaims.", "watch persistentvolumes.",
            "patch configmaps.", "create events.", "watch controllerrevisions.apps", "create controllerrevisions.apps",
            "watch statefulpodsets.stead.dev", "patch statefulpodsets/status.stead.dev",
            "update leases.coordination.k8s.io", "create customresourcedefinitions.apiextensions.k8s.io",
        ]
        for permission in needed { #expect(granted.contains(permission), "missing \(permission)") }
        #expect(!granted.contains { $0.hasPrefix("delete nodes") || $0.hasPrefix("create nodes") || $0.hasPrefix("list secrets") })
    }

    @Test func namespaceAndImageOptionsReachEveryObject() throws {
        let documents = try Self.documents(try Self.manifests(["--namespace", "ops", "--image", "registry.example/stead:1.2"]))
        let namespaced = documents.filter { ["ServiceAccount", "Role", "RoleBinding", "Deployment", "Service"].contains($0["kind"] as? String) }
        for object in namespaced {
            #expect((object["metadata"] as? [String: Any])?["namespace"] as? String == "ops", "\(object["kind"] ?? "")")
        }
        let text = try Self.manifests(["--namespace", "ops", "--image", "registry.example/stead:1.2"])
        #expect(text.contains("image: registry.example/stead:1.2"))
        #expect(text.contains("- ops/stead-webhook") && text.contains("namespace: ops\n      path: /validate-statefulpodsets"))
        #expect(!text.contains("stead-system"))
    }

    @Test func deployFolderIsWhatTheCommandWrites() throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try runCommand(TestPaths.stead, ["manifests", "--write-to", folder])
        #expect(result.status == 0, "\(result.stderr)")
        for file in ["stead.yaml", "Dockerfile", "Dockerfile.dockerignore"] {
            let fresh = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            let committed = try String(contentsOf: RepositoryPaths.file("deploy/" + file), encoding: .utf8)
            #expect(fresh == committed, "deploy/\(file) is stale: run `swift run stead manifests --write-to deploy`")
        }
        #expect(try String(contentsOfFile: folder + "/stead.yaml", encoding: .utf8) == (try Self.manifests()))
        let dockerfile = try String(contentsOfFile: folder + "/Dockerfile", encoding: .utf8)
        #expect(dockerfile.contains("swift build -c release --static-swift-stdlib"))
    }
}
