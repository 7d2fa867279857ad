import Foundation
import KubeClient
import KubeModel
import Logging

/// `stead up` runs Stead's scheduler and controller as the ServiceAccount that `deploy/` installs, with
/// its roles (``AccessRules``): what runs on the embedded cluster is granted exactly what a real one
/// grants, and a call the rules miss fails here first.
enum ComponentAccess {
    static let tokenLifetime: Int64 = 365 * 24 * 3600

    /// Makes (or brings up to date) the namespace, account, ClusterRole and binding, then a client that
    /// acts with a token of the account.
    static func client(admin: KubeClient, configuration: ClientConfiguration, logger: Logger) async throws -> KubeClient {
        let manifests = InstallManifests()
        for document in [manifests.namespaceObject, manifests.serviceAccount, manifests.clusterRole, manifests.clusterRoleBinding] {
            try await createOrReplace(document, using: admin)
        }
        let accounts = ResourceType(group: "", version: "v1", kind: "ServiceAccount", plural: "serviceaccounts", namespaced: true)
        let request = try await admin.create(
            accounts,
            ["apiVersion": "authentication.k8s.io/v1", "kind": "TokenRequest", "spec": ["expirationSeconds": .int(tokenLifetime)]],
            namespace: manifests.namespace, subresource: "token", name: manifests.name)
        guard let token = request[path: ["status", "token"]]?.stringValue else {
            throw KubeAPIError(httpCode: 500, message: "the TokenRequest for \(manifests.namespace)/\(manifests.name) answered no token")
        }
        var configuration = configuration
        configuration.bearerToken = token
        return try KubeClient(configuration: configuration, logger: logger)
    }

    /// Creates `document`, or replaces what an earlier run made of it (all but its metadata).
    static func createOrReplace(_ document: JSONValue, using client: KubeClient) async throws {
        try await client.createOrUpdate(try resourceType(of: document), document) { existing in
            var wanted = document
            wanted["metadata"] = existing["metadata"]
            wanted["status"] = existing["status"]
            existing = wanted
        }
    }

    private static func resourceType(of document: JSONValue) throws -> ResourceType {
        switch (document["apiVersion"]?.stringValue, document["kind"]?.stringValue) {
        case ("v1", "Namespace"?): return Namespace.resourceType
        case ("v1", "ServiceAccount"?):
            return ResourceType(group: "", version: "v1", kind: "ServiceAccount", plural: "serviceaccounts", namespaced: true)
        case ("rbac.authorization.k8s.io/v1", "ClusterRole"?):
            return ResourceType(group: "rbac.authorization.k8s.io", version: "v1", kind: "ClusterRole", plural: "clusterroles", namespaced: false)
        case ("rbac.authorization.k8s.io/v1", "ClusterRoleBinding"?):
            return ResourceType(
                group: "rbac.authorization.k8s.io", version: "v1", kind: "ClusterRoleBinding", plural: "clusterrolebindings", namespaced: false)
        default:
            throw KubeAPIError(httpCode: 400, message: "no resource known for \(document["kind"]?.stringValue ?? "?")")
        }
    }
}
