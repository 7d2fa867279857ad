import ControlPlane
import Foundation
import KubeClient
import KubeModel

/// The admission webhook's serving certificate, kept in a `kubernetes.io/tls` Secret (with `ca.crt`):
/// every replica serves the same certificate, so one `caBundle` in the webhook configuration fits all.
/// The first replica to find none (or one that does not name the webhook's address) makes it; a replica
/// that loses that race uses the winner's.
package enum WebhookCertificates {
    static let secretType = ResourceType(group: "", version: "v1", kind: "Secret", plural: "secrets", namespaced: true)

    package static func loadOrCreate(secret: ObjectKey, names: [String], using client: KubeClient) async throws
        -> ServingCertificates
    {
        for _ in 0..<5 {
            let existing = try await fetch(secret, using: client)
            if let current = existing.flatMap(certificates), (try? current.covers(names: names)) == true {
                return current
            }
            let made = try ServingCertificates.make(names: names, commonName: "stead-webhook")
            do {
                if var existing {
                    // The stored resourceVersion makes this a compare-and-swap; labels and the rest stay.
                    existing["data"] = data(made)
                    _ = try await client.update(secretType, existing)
                } else {
                    _ = try await client.create(secretType, object(made, secret: secret))
                }
                return made
            } catch let error as KubeAPIError where error.isConflict || error.isAlreadyExists {
                continue
            }
        }
        throw KubeAPIError(httpCode: 409, message: "the Secret \(secret) kept changing while the webhook certificate was being written")
    }

    private static func fetch(_ secret: ObjectKey, using client: KubeClient) async throws -> JSONValue? {
        do {
            return try await client.get(secretType, name: secret.name, namespace: secret.namespace)
        } catch let error as KubeAPIError where error.isNotFound {
            return nil
        }
    }

    static func certificates(in secret: JSONValue) -> ServingCertificates? {
        func text(_ key: String) -> String? {
            secret["data"]?[key]?.stringValue.flatMap { Data(base64Encoded: $0) }.flatMap { String(data: $0, encoding: .utf8) }
        }
        guard let ca = text("ca.crt"), let certificate = text("tls.crt"), let key = text("tls.key") else { return nil }
        return ServingCertificates(caCertificatePEM: ca, certificatePEM: certificate, privateKeyPEM: key)
    }

    private static func data(_ certificates: ServingCertificates) -> JSONValue {
        func base64(_ text: String) -> JSONValue { .string(Data(text.utf8).base64EncodedString()) }
        return [
            "ca.crt": base64(certificates.caCertificatePEM), "tls.crt": base64(certificates.certificatePEM),
            "tls.key": base64(certificates.privateKeyPEM),
        ]
    }

    private static func object(_ certificates: ServingCertificates, secret: ObjectKey) -> JSONValue {
        [
            "apiVersion": "v1", "kind": "Secret", "type": "kubernetes.io/tls",
            "metadata": [
                "name": .string(secret.name), "namespace": .string(secret.namespace ?? "default"),
                "labels": ["app.kubernetes.io/name": "stead"],
            ],
            "data": data(certificates),
        ]
    }
}
