import Foundation
import KubeClient
import KubeModel
import SteadController
import SteadTestSupport
import Testing
import Yams

extension EndToEnd {
    /// `deploy/stead.yaml` is accepted as written (server-side dry run, then apply), the cluster keeps the
    /// CRD's schema as sent, the ServiceAccount may do exactly what the ClusterRole and Role say and no
    /// more, and `stead run` with that account's token leads and is ready.
    @Suite("install", .serialized)
    struct Install {
        static let account = "system:serviceaccount:\(Installation.namespace):\(Installation.serviceAccount)"

        @Test func theManifestsApplyAndSteadLeadsWithItsServiceAccount() async throws {
            let installation = try await Installation.shared()
            let leader = try await installation.replicas.leader()
            #expect(await waitForStatus(leader.base + "/readyz", 200)?.status == 200)
            let token = try String(contentsOfFile: installation.steadKubeconfig, encoding: .utf8)
            #expect(token.contains("token:") && !token.contains("client-certificate"))
            let deployment = try await installation.kubectl.succeed(
                ["get", "deployment", "stead", "-n", Installation.namespace, "-o", "jsonpath={.spec.replicas}"])
            #expect(deployment == "0", "the suite runs this build's stead run instead of the image")
        }

        /// Nothing of the schema is pruned or refused: what the server stores is what deploy/ says.
        @Test func theClusterKeepsTheCRDSchemaAsSent() async throws {
            let installation = try await Installation.shared()
            let stored = try await installation.admin.get(
                ResourceType(
                    group: "apiextensions.k8s.io", version: "v1", kind: "CustomResourceDefinition",
                    plural: "customresourcedefinitions", namespaced: false),
                name: StatefulPodSetCRD.name)
            let sent = StatefulPodSetCRD.definition()
            for index in 0..<(sent[path: ["spec", "versions"]]?.arrayValue?.count ?? 0) {
                let path = ["spec", "versions", "\(index)", "schema", "openAPIV3Schema"]
                let storedSchema = stored["spec"]?["versions"]?.arrayValue?[index]["schema"]?["openAPIV3Schema"]
                let sentSchema = sent["spec"]?["versions"]?.arrayValue?[index]["schema"]?["openAPIV3Schema"]
                #expect(storedSchema != nil && storedSchema == sentSchema, "\(path) differs on the server")
            }
            let conditions = stored[path: ["status", "conditions"]]?.arrayValue ?? []
            #expect(conditions.contains { $0["type"] == "NonStructuralSchema" } == false)
        }

        /// The schema refuses a set without containers at admission, on the real server as on the embedded
        /// one (minItems; v1.21 has no CEL rules: a selector that misses the labels is the webhook's).
        @Test func aSetWithoutContainersIsRefusedAtAdmission() async throws {
            let installation = try await Installation.shared()
            let set = """
                apiVersion: stead.dev/v1alpha1
                kind: StatefulPodSet
                metadata: {name: empty, namespace: \(Installation.namespace)}
                spec:
                  selector: {matchLabels: {app: empty}}
                  template:
                    metadata: {labels: {app: empty}}
                    spec: {containers: []}
                """
            let result = try await installation.kubectl.run(["apply", "--dry-run=server", "-f", "-"], input: set)
            #expect(result.status != 0)
            #expect(result.stderr.contains("spec.template.spec.containers") && result.stderr.contains("at least 1 items"), "\(result.stderr)")
        }

        /// The leader's admission webhook refuses a set whose selector misses its template's labels, on
        /// create and on update, with what the embedded server answers (`AdmissionWebhookTests`), and
        /// kubectl prints the refusal as it prints an invalid StatefulSet's.
        @Test func aSetWhoseSelectorMissesItsLabelsIsRefusedByTheWebhook() async throws {
            let installation = try await Installation.shared()
            _ = try await installation.replicas.leader()
            func set(selector: String) -> JSONValue {
                [
                    "apiVersion": "stead.dev/v1alpha1", "kind": "StatefulPodSet",
                    "metadata": ["name": "web", "namespace": .string(Installation.namespace)],
                    "spec": [
                        "replicas": 0, "selector": ["matchLabels": ["app": .string(selector)]],
                        "template": [
                            "metadata": ["labels": ["app": "web"]], "spec": ["containers": [["name": "c", "image": "nginx"]]],
                        ],
                    ],
                ]
            }
            let refusal =
                #"admission webhook "validate.statefulpodsets.stead.dev" denied the request: StatefulPodSet.stead.dev "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`"#
            let type = StatefulPodSet.resourceType
            do {
                _ = try await installation.admin.create(type, set(selector: "db"))
                Issue.record("a set whose selector misses its labels was stored")
            } catch let error as KubeAPIError {
                #expect(error.httpCode == 422 && error.reason == .invalid)
                #expect(error.message == refusal)
            }
            let applied = try await installation.kubectl.run(
                ["apply", "-f", "-"], input: String(decoding: try KubeJSON.serialize(set(selector: "db")), as: UTF8.self))
            #expect(applied.status != 0)
            #expect(
                applied.stderr.contains(
                    #"The StatefulPodSet "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`"#),
                "\(applied.stderr)")

            _ = try await installation.admin.create(type, set(selector: "web"))
            do {
                _ = try await installation.admin.patch(
                    type, name: "web", namespace: Installation.namespace,
                    patch: .merge(["spec": ["selector": ["matchLabels": ["app": "db"]]]]))
                Issue.record("an update that breaks the selector was stored")
            } catch let error as KubeAPIError {
                #expect(error.httpCode == 422 && error.message == refusal)
            }
            _ = try await installation.admin.delete(type, name: "web", namespace: Installation.namespace)
        }

        /// Every (resource, verb) the manifests grant is allowed for the ServiceAccount by the cluster's
        /// authorizer; what they do not grant is refused.
        @Test func theAuthorizerAllowsExactlyTheGrants() async throws {
            let installation = try await Installation.shared()
            let manifests = try String(
                contentsOf: E2EConfiguration.repository.appendingPathComponent("deploy/stead.yaml"), encoding: .utf8)
            var checked = 0
            for (scope, rule) in try Self.rules(manifests) {
                for resource in rule.resources {
                    for verb in rule.verbs {
                        // `pods/binding` is asked as `pods --subresource=binding`.
                        let parts = resource.split(separator: "/").map(String.init)
                        let target = rule.group.isEmpty ? parts[0] : "\(parts[0]).\(rule.group)"
                        let named = rule.names.first.map { "\(target)/\($0)" } ?? target
                        let answer = try await canI(
                            installation, verb, named, subresource: parts.count > 1 ? parts[1] : nil, namespace: scope)
                        #expect(answer, "\(verb) \(resource) \(named) in \(scope ?? "the cluster") is not allowed")
                        checked += 1
                    }
                }
            }
            #expect(checked >= 20, "only \(checked) grants found in deploy/stead.yaml")
            for (verb, resource, namespace) in [
                ("get", "secrets", "default"), ("delete", "nodes", nil), ("update", "pods", "default"),
                ("create", "clusterroles.rbac.authorization.k8s.io", nil), ("update", "leases.coordination.k8s.io", "default"),
                ("delete", "statefulpodsets.stead.dev", "default"), ("patch", "nodes", nil),
            ] as [(String, String, String?)] {
                #expect(try await !canI(installation, verb, resource, namespace: namespace), "\(verb) \(resource) is allowed")
            }
        }

        func canI(
            _ installation: Installation, _ verb: String, _ resource: String, subresource: String? = nil,
            namespace: String?
        ) async throws -> Bool {
            let scope = namespace.map { ["-n", $0] } ?? ["--all-namespaces"]
            let sub = subresource.map { ["--subresource", $0] } ?? []
            let result = try await installation.kubectl.run(
                ["auth", "can-i", verb, resource, "--as", Self.account] + sub + scope)
            return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "yes"
        }

        struct Rule {
            var group: String
            var resources: [String]
            var verbs: [String]
            var names: [String]
        }

        /// The rules of the ClusterRole (scope nil) and of the Role (its namespace) in the manifests.
        static func rules(_ manifests: String) throws -> [(String?, Rule)] {
            var rules: [(String?, Rule)] = []
            for document in try Yams.load_all(yaml: manifests) {
                guard let object = document as? [String: Any], let kind = object["kind"] as? String,
                    kind == "ClusterRole" || kind == "Role"
                else { continue }
                let namespace = (object["metadata"] as? [String: Any])?["namespace"] as? String
                for rule in object["rules"] as? [[String: Any]] ?? [] {
                    rules.append((kind == "Role" ? namespace : nil, Rule(
                        group: (rule["apiGroups"] as? [String])?.first ?? "",
                        resources: rule["resources"] as? [String] ?? [], verbs: rule["verbs"] as? [String] ?? [],
                        names: rule["resourceNames"] as? [String] ?? [])))
                }
            }
            return rules
        }
    }
}
