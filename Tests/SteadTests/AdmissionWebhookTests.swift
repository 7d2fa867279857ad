import ControlPlane
import Foundation
import KubeClient
import KubeModel
import SteadController
import SteadRuntime
import SteadTestSupport
import Testing

/// Stead's admission webhook, served over HTTPS as `stead run --webhook-address` serves it, called by
/// the embedded API server as kube-apiserver calls it: invalid StatefulPodSets are refused on create and
/// update, with kube-apiserver's message; a webhook that cannot be called refuses (Fail) or is skipped
/// (Ignore); the certificate lives in a Secret that every replica shares.
@Suite("admission webhook", .timeLimit(.minutes(4)))
struct AdmissionWebhookTests {
    static let secret = ObjectKey(namespace: "default", name: "stead-webhook-tls")
    static let refusal =
        #"admission webhook "validate.statefulpodsets.stead.dev" denied the request: StatefulPodSet.stead.dev "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`"#

    static func set(selector: String, replicas: Int64 = 1) -> JSONValue {
        [
            "apiVersion": "stead.dev/v1alpha1", "kind": "StatefulPodSet",
            "metadata": ["name": "web", "namespace": "default"],
            "spec": [
                "replicas": .int(replicas), "selector": ["matchLabels": ["app": .string(selector)]],
                "template": ["metadata": ["labels": ["app": "web"]], "spec": ["containers": [["name": "c", "image": "nginx"]]]],
            ],
        ]
    }

    static func refusedWith<T>(_ write: () async throws -> T) async -> KubeAPIError? {
        do {
            _ = try await write()
            return nil
        } catch let error as KubeAPIError {
            return error
        } catch {
            return nil
        }
    }

    @Test func invalidSetsAreRefusedOnCreateAndUpdate() async throws {
        try await withAPIServer(label: "webhook") { api in
            let client = api.client
            try await StatefulPodSetCRD.install(using: client)
            let (webhook, registration) = try await AdmissionWebhookServer.start(
                address: ListenAddress(host: "127.0.0.1", port: 0), service: nil, secret: Self.secret, using: client,
                logger: quietLogger("webhook"))
            do {
                try await StatefulPodSetAdmission.register(
                    registration.endpoint, caCertificatePEM: registration.caCertificatePEM, using: client)
                try await Self.refuseAndAllow(client)
            } catch {
                await webhook.stop()
                throw error
            }
            await webhook.stop()
        }
    }

    private static func refuseAndAllow(_ client: KubeClient) async throws {
            let type = StatefulPodSet.resourceType

            let created = await Self.refusedWith { try await client.create(type, Self.set(selector: "db")) }
            #expect(created?.httpCode == 422 && created?.reason == .invalid)
            #expect(created?.message == Self.refusal)
            #expect(created?.status.details?.causes?.map(\.field) == ["spec.template.metadata.labels"])

            _ = try await client.create(type, Self.set(selector: "web"))
            let patched = await Self.refusedWith {
                try await client.patch(
                    type, name: "web", namespace: "default",
                    patch: .merge(["spec": ["selector": ["matchLabels": ["app": "db"]]]]))
            }
            #expect(patched?.httpCode == 422 && patched?.message == Self.refusal)
            let stored = try await client.get(type, name: "web", namespace: "default")
            #expect(stored[path: ["spec", "selector", "matchLabels", "app"]] == "web")

            // A valid change goes through the webhook and is stored.
            _ = try await client.patch(type, name: "web", namespace: "default", patch: .merge(["spec": ["replicas": 3]]))
            let scaled = try await client.get(type, name: "web", namespace: "default")
            #expect(scaled[path: ["spec", "replicas"]] == 3)
    }

    @Test func aWebhookThatCannotBeCalledRefusesUnlessIgnored() async throws {
        try await withAPIServer(label: "webhook-down") { api in
            let client = api.client
            try await StatefulPodSetCRD.install(using: client)
            let (webhook, registration) = try await AdmissionWebhookServer.start(
                address: ListenAddress(host: "127.0.0.1", port: 0), service: nil, secret: Self.secret, using: client,
                logger: quietLogger("webhook"))
            try await StatefulPodSetAdmission.register(
                registration.endpoint, caCertificatePEM: registration.caCertificatePEM, using: client)
            await webhook.stop()

            let type = StatefulPodSet.resourceType
            let refused = await Self.refusedWith { try await client.create(type, Self.set(selector: "web")) }
            #expect(refused?.httpCode == 500)
            #expect(
                refused?.message.hasPrefix(
                    #"Internal error occurred: failed calling webhook "validate.statefulpodsets.stead.dev": Post "https://127.0.0.1:"#)
                    == true, "\(refused?.message ?? "")")

            let configurations = StatefulPodSetAdmission.configurationType
            var configuration = try await client.get(configurations, name: StatefulPodSetAdmission.configurationName)
            configuration["webhooks"] = .array(
                (configuration["webhooks"]?.arrayValue ?? []).map { webhook in
                    var webhook = webhook
                    webhook["failurePolicy"] = "Ignore"
                    return webhook
                })
            _ = try await client.update(configurations, configuration)
            _ = try await client.create(type, Self.set(selector: "db"))
        }
    }

    /// A second replica uses the certificate the first one made; a webhook moved to another host gets a
    /// new one, written over the old with the Secret's resourceVersion.
    @Test func replicasShareTheCertificateInTheSecret() async throws {
        try await withAPIServer(label: "webhook-secret") { api in
            let first = try await WebhookCertificates.loadOrCreate(secret: Self.secret, names: ["127.0.0.1"], using: api.client)
            let second = try await WebhookCertificates.loadOrCreate(secret: Self.secret, names: ["127.0.0.1"], using: api.client)
            #expect(first.certificatePEM == second.certificatePEM && first.caCertificatePEM == second.caCertificatePEM)
            let moved = try await WebhookCertificates.loadOrCreate(
                secret: Self.secret, names: ["stead-webhook.stead-system.svc"], using: api.client)
            #expect(moved.certificatePEM != first.certificatePEM)
            #expect(try moved.covers(names: ["stead-webhook.stead-system.svc"]))
            let secret = try await api.client.get(
                ResourceType(group: "", version: "v1", kind: "Secret", plural: "secrets", namespaced: true),
                name: Self.secret.name, namespace: Self.secret.namespace)
            #expect(secret["type"] == "kubernetes.io/tls")
            #expect(secret[path: ["data", "tls.crt"]]?.stringValue == Data(moved.certificatePEM.utf8).base64EncodedString())
        }
    }
}
