import Foundation
import KubeModel
import SteadTestSupport
import Testing

@testable import KubeClient

/// ServiceAccount tokens and RBAC on the embedded server: a token from TokenRequest is its account,
/// limited to what its roles grant; the admin token stays admin; reviews answer what a user may do.
@Suite struct AccessControlTests {
    static let serviceAccounts = ResourceType(
        group: "", version: "v1", kind: "ServiceAccount", plural: "serviceaccounts", namespaced: true)
    static let roles = ResourceType(
        group: "rbac.authorization.k8s.io", version: "v1", kind: "Role", plural: "roles", namespaced: true)
    static let roleBindings = ResourceType(
        group: "rbac.authorization.k8s.io", version: "v1", kind: "RoleBinding", plural: "rolebindings", namespaced: true)
    static let accessReviews = ResourceType(
        group: "authorization.k8s.io", version: "v1", kind: "SelfSubjectAccessReview",
        plural: "selfsubjectaccessreviews", namespaced: false)
    static let rulesReviews = ResourceType(
        group: "authorization.k8s.io", version: "v1", kind: "SelfSubjectRulesReview",
        plural: "selfsubjectrulesreviews", namespaced: false)

    /// A token for `name` in `namespace`, from the account's `token` subresource.
    static func token(_ admin: KubeClient, _ name: String, namespace: String) async throws -> String {
        let request = try await admin.create(
            serviceAccounts, ["apiVersion": "authentication.k8s.io/v1", "kind": "TokenRequest", "spec": [:]],
            namespace: namespace, subresource: "token", name: name)
        return try #require(request[path: ["status", "token"]]?.stringValue)
    }

    static func code(_ call: () async throws -> Void) async -> Int {
        do {
            try await call()
            return 0
        } catch let error as KubeAPIError {
            return error.httpCode
        } catch {
            return -1
        }
    }

    static func canI(_ client: KubeClient, _ verb: String, _ resource: String, namespace: String) async throws -> Bool {
        let review = try await client.create(
            accessReviews,
            [
                "apiVersion": "authorization.k8s.io/v1", "kind": "SelfSubjectAccessReview",
                "spec": ["resourceAttributes": ["verb": .string(verb), "resource": .string(resource), "namespace": .string(namespace)]],
            ])
        return review[path: ["status", "allowed"]]?.boolValue == true
    }

    @Test func aServiceAccountGetsWhatItsRolesGrantAndNothingElse() async throws {
        try await withAPIServer { api in
            let admin = api.client
            for namespace in ["team", "other"] { _ = try await admin.create(Namespace(metadata: ObjectMeta(name: namespace))) }
            _ = try await admin.create(Self.serviceAccounts, ["metadata": ["name": "reader"]], namespace: "team")
            let reader = try api.makeClient(token: try await Self.token(admin, "reader", namespace: "team"))
            do {

                let denied = await #expect(throws: KubeAPIError.self) {
                    _ = try await reader.list(Pod.resourceType, namespace: "team")
                }
                #expect(denied?.httpCode == 403)
                #expect(
                    denied?.message
                        == "pods is forbidden: User \"system:serviceaccount:team:reader\" cannot list resource \"pods\" in API group \"\" in the namespace \"team\"")
                #expect(try await !Self.canI(reader, "list", "pods", namespace: "team"))
                _ = try await reader.getRaw("/api")  // discovery is every authenticated user's

                _ = try await admin.create(
                    Self.roles, ["metadata": ["name": "pod-reader"], "rules": [["apiGroups": [""], "resources": ["pods"], "verbs": ["get", "list", "watch"]]]],
                    namespace: "team")
                _ = try await admin.create(
                    Self.roleBindings,
                    [
                        "metadata": ["name": "reader-reads"],
                        "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "pod-reader"],
                        "subjects": [["kind": "ServiceAccount", "name": "reader", "namespace": "team"]],
                    ],
                    namespace: "team")
                _ = try await reader.list(Pod.resourceType, namespace: "team")
                #expect(try await Self.canI(reader, "list", "pods", namespace: "team"))
                #expect(try await !Self.canI(reader, "delete", "pods", namespace: "team"))
                #expect(await Self.code { _ = try await reader.list(Pod.resourceType, namespace: "other") } == 403)
                let pod: JSONValue = ["metadata": ["name": "p"], "spec": ["containers": [["name": "a", "image": "a:1"]]]]
                #expect(await Self.code { _ = try await reader.create(Pod.resourceType, pod, namespace: "team") } == 403)
                #expect(await Self.code { _ = try await reader.list(Node.resourceType) } == 403)

                let rules = try await reader.create(
                    Self.rulesReviews,
                    ["apiVersion": "authorization.k8s.io/v1", "kind": "SelfSubjectRulesReview", "spec": ["namespace": "team"]])
                let resourceRules = rules[path: ["status", "resourceRules"]]?.arrayValue ?? []
                #expect(resourceRules.contains { $0["resources"] == ["pods"] && $0["verbs"] == ["get", "list", "watch"] })

                // The token names the account by uid: a new account of the same name is not the same user.
                _ = try await admin.delete(Self.serviceAccounts, name: "reader", namespace: "team")
                #expect(await Self.code { _ = try await reader.list(Pod.resourceType, namespace: "team") } == 401)
                _ = try await admin.create(Self.serviceAccounts, ["metadata": ["name": "reader"]], namespace: "team")
                #expect(await Self.code { _ = try await reader.list(Pod.resourceType, namespace: "team") } == 401)
                #expect(try await Self.canI(admin, "delete", "nodes", namespace: ""))
            } catch {
                try await reader.shutdown()
                throw error
            }
            try await reader.shutdown()
        }
    }
}
