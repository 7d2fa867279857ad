import Foundation
import KubeClient
import KubeModel

/// Where the API server reaches the webhook: a Service in the cluster, or a URL (a webhook running
/// beside the API server, as in `stead up` or a control plane without a Service network).
public enum WebhookEndpoint: Sendable, Hashable {
    case service(namespace: String, name: String, port: Int)
    case url(String)

    func clientConfig(caBundle: String?) -> JSONValue {
        var config: JSONObject
        switch self {
        case .service(let namespace, let name, let port):
            config = [
                "service": [
                    "namespace": .string(namespace), "name": .string(name), "port": .int(Int64(port)),
                    "path": .string(StatefulPodSetAdmission.path),
                ]
            ]
        case .url(let url):
            config = ["url": .string(url)]
        }
        if let caBundle { config["caBundle"] = .string(caBundle) }
        return .object(config)
    }
}

extension StatefulPodSetAdmission {
    public static let configurationType = ResourceType(
        group: "admissionregistration.k8s.io", version: "v1", kind: "ValidatingWebhookConfiguration",
        plural: "validatingwebhookconfigurations", namespaced: false)

    /// The ValidatingWebhookConfiguration that sends creates and updates of StatefulPodSets to Stead.
    /// `caBundle` is the base64 PEM of the CA that signed the webhook's certificate; the manifests leave
    /// it out and the running webhook fills it in (``register(_:caCertificatePEM:using:)``).
    public static func configuration(_ endpoint: WebhookEndpoint, caBundle: String?) -> JSONValue {
        let sets = StatefulPodSet.resourceType
        let webhook: JSONValue = [
            "name": .string(webhookName),
            "clientConfig": endpoint.clientConfig(caBundle: caBundle),
            "rules": [
                [
                    "apiGroups": [.string(sets.group)], "apiVersions": [.string(sets.version)],
                    "operations": ["CREATE", "UPDATE"], "resources": [.string(sets.plural)], "scope": "Namespaced",
                ]
            ],
            // Fail: a set the webhook could not check is refused rather than stored unchecked; the rule
            // covers StatefulPodSets only, so nothing else ever waits for Stead.
            "failurePolicy": "Fail",
            "matchPolicy": "Equivalent",
            "sideEffects": "None",
            "timeoutSeconds": 5,
            "admissionReviewVersions": ["v1"],
        ]
        return [
            "apiVersion": .string(configurationType.apiVersion), "kind": .string(configurationType.kind),
            "metadata": ["name": .string(configurationName), "labels": ["app.kubernetes.io/name": "stead"]],
            "webhooks": [webhook],
        ]
    }

    /// Creates the configuration, or brings an existing one's webhooks (endpoint and CA included) to what
    /// this webhook serves; other fields of the object are kept.
    public static func register(_ endpoint: WebhookEndpoint, caCertificatePEM: String, using client: KubeClient)
        async throws
    {
        let wanted = configuration(endpoint, caBundle: Data(caCertificatePEM.utf8).base64EncodedString())
        try await client.createOrUpdate(configurationType, wanted) { existing in
            if !servesWanted(existing["webhooks"], wanted["webhooks"]) { existing["webhooks"] = wanted["webhooks"] }
        }
    }

    /// Whether `existing` says everything `wanted` says: the API server adds defaults (selectors, a
    /// Service's port) that must not make every start rewrite the object.
    static func servesWanted(_ existing: JSONValue?, _ wanted: JSONValue?) -> Bool {
        switch (existing, wanted) {
        case (_, nil): return true
        case (.object(let have)?, .object(let want)?):
            return want.allSatisfy { key, value in servesWanted(have[key], value) }
        case (.array(let have)?, .array(let want)?):
            return have.count == want.count && zip(have, want).allSatisfy { servesWanted($0, $1) }
        default: return existing == wanted
        }
    }
}
