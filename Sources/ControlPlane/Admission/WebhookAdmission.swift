import AsyncHTTPClient
import Foundation
import KubeModel
import Logging
import NIOCore
import NIOSSL

/// kube-apiserver's ValidatingAdmissionWebhook plugin: before a create or update is stored, every webhook
/// of every ValidatingWebhookConfiguration whose rules and selectors match gets an AdmissionReview over
/// HTTPS. A refusal reaches the client as `admission webhook "NAME" denied the request: ...` with the
/// webhook's code; a webhook that cannot be called refuses the write (failurePolicy Fail, 500) or is
/// passed over (Ignore).
///
/// Only `clientConfig.url` can be reached: the embedded server has no Service network to resolve a
/// `service` reference with, so such a webhook counts as one that cannot be called.
struct WebhookAdmission: Sendable {
    let store: ObjectStore
    let logger: Logger

    /// Larger than any AdmissionReview answer: the object is not sent back.
    static let maxResponseBytes = 4 << 20

    /// The webhooks that apply to the write, in the configurations' name order.
    func webhooks(for attributes: AdmissionAttributes) -> [ValidatingWebhook] {
        let candidates = configuredWebhooks(for: attributes)
        guard !candidates.isEmpty else { return [] }
        let namespaceLabels = labelsOfNamespace(attributes)
        return candidates.filter { $0.applies(to: attributes, namespaceLabels: namespaceLabels) }
    }

    /// Whether some webhook's rules name this kind of write, whatever the object: before the object of an
    /// update is known, this says whether it must be worked out ahead of its write.
    func hasRules(for attributes: AdmissionAttributes) -> Bool {
        configuredWebhooks(for: attributes).contains { webhook in webhook.rules.contains { $0.matches(attributes) } }
    }

    private func configuredWebhooks(for attributes: AdmissionAttributes) -> [ValidatingWebhook] {
        // Webhook configurations are never sent to webhooks: a broken webhook could not be removed.
        guard attributes.resource.type.group != "admissionregistration.k8s.io" else { return [] }
        return store.validatingWebhooks
    }

    /// A namespaced object's namespace labels; a Namespace's own; nil for other cluster-scoped objects,
    /// which every namespaceSelector lets through.
    private func labelsOfNamespace(_ attributes: AdmissionAttributes) -> [String: String]? {
        if attributes.resource.type == BuiltinResources.namespaces.type {
            return (attributes.object ?? attributes.oldObject).map(ObjectFilter.labels(of:))
        }
        guard let namespace = attributes.namespace else { return nil }
        let stored = store.get(BuiltinResources.namespaces, ObjectKey(namespace: nil, name: namespace))
        return stored.map { ObjectFilter.labels(of: $0.object) } ?? [:]
    }

    /// Calls the webhooks that apply; throws the first refusal, or the failure to call one that fails closed.
    func validate(_ attributes: AdmissionAttributes) async throws(Status) {
        for webhook in webhooks(for: attributes) {
            let review = Self.review(attributes)
            switch await call(webhook, review) {
            case .success(let answer):
                guard answer.allowed else { throw Self.refusal(by: webhook.name, answer.status) }
            case .failure(let failure):
                let message = "failed calling webhook \"\(webhook.name)\": \(failure.reason)"
                guard webhook.failClosed else {
                    logger.warning("admission webhook skipped (failurePolicy Ignore)", metadata: ["reason": "\(message)"])
                    continue
                }
                throw Status.failure(.internalError, "Internal error occurred: \(message)")
            }
        }
    }

    static func review(_ attributes: AdmissionAttributes) -> AdmissionReview {
        let type = attributes.resource.type
        let options: JSONValue = [
            "apiVersion": "meta.k8s.io/v1", "kind": attributes.operation == .create ? "CreateOptions" : "UpdateOptions",
        ]
        return AdmissionReview(
            request: AdmissionRequest(
                uid: UUID().uuidString.lowercased(),
                kind: GroupVersionKind(group: type.group, version: type.version, kind: type.kind),
                resource: GroupVersionResource(group: type.group, version: type.version, resource: type.plural),
                subResource: attributes.subresource, name: attributes.name, namespace: attributes.namespace,
                operation: attributes.operation,
                userInfo: AdmissionUserInfo(
                    username: attributes.user.name, uid: attributes.user.uid.isEmpty ? nil : attributes.user.uid,
                    groups: attributes.user.groups),
                object: attributes.object, oldObject: attributes.oldObject, dryRun: attributes.dryRun, options: options))
    }

    /// kube-apiserver's refusal: at least 400, status Failure, the webhook named before its message.
    static func refusal(by webhook: String, _ status: Status?) -> Status {
        var result = status ?? Status(code: 400, reason: .badRequest, message: "")
        if status == nil { result.reason = nil }
        if (result.code ?? 0) < 400 { result.code = 400 }
        result.status = "Failure"
        let deniedBy = "admission webhook \"\(webhook)\" denied the request"
        if let message = result.message, !message.isEmpty {
            result.message = "\(deniedBy): \(message)"
        } else if let reason = result.reason, !reason.isEmpty {
            result.message = "\(deniedBy): \(reason)"
        } else {
            result.message = "\(deniedBy) without explanation"
        }
        result.apiVersion = "v1"
        result.kind = "Status"
        return result
    }

    struct CallFailure: Error {
        var reason: String
    }

    private func call(_ webhook: ValidatingWebhook, _ review: AdmissionReview) async -> Result<AdmissionResponse, CallFailure> {
        guard webhook.speaksV1 else {
            return .failure(CallFailure(reason: "admissionReviewVersions does not include v1, the only version this server sends"))
        }
        guard case .url(let url) = webhook.endpoint else {
            return .failure(
                CallFailure(reason: "a service reference cannot be reached from the embedded API server (it has no Service network): use clientConfig.url"))
        }
        let client: HTTPClient
        do {
            var tls = TLSConfiguration.makeClientConfiguration()
            if let pem = webhook.caBundlePEM {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(pem.utf8)))
            }
            var configuration = HTTPClient.Configuration(tlsConfiguration: tls)
            // A webhook that refuses connections fails the call at once, as in kube-apiserver, instead of
            // being dialled again until the timeout.
            configuration.connectionPool.retryConnectionEstablishment = false
            client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        } catch {
            return .failure(CallFailure(reason: "caBundle: \(error)"))
        }
        let result = await post(review, to: url, timeout: webhook.timeoutSeconds, using: client)
        try? await client.shutdown()
        return result
    }

    private func post(_ review: AdmissionReview, to url: String, timeout: Int, using client: HTTPClient) async
        -> Result<AdmissionResponse, CallFailure>
    {
        do {
            var request = HTTPClientRequest(url: url)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.headers.add(name: "Accept", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: try KubeJSON.encode(review)))
            let response = try await client.execute(request, timeout: .seconds(Int64(timeout)))
            let body = try await response.body.collect(upTo: Self.maxResponseBytes)
            guard response.status == .ok else {
                return .failure(CallFailure(reason: "Post \"\(url)\": the webhook answered \(response.status.code)"))
            }
            guard let answer = try KubeJSON.decode(AdmissionReview.self, from: Data(buffer: body)).response else {
                return .failure(CallFailure(reason: "the webhook's AdmissionReview has no response"))
            }
            guard answer.uid == review.request?.uid else {
                return .failure(CallFailure(reason: "expected response.uid=\"\(review.request?.uid ?? "")\", got \"\(answer.uid)\""))
            }
            return .success(answer)
        } catch {
            return .failure(CallFailure(reason: "Post \"\(url)\": \(error)"))
        }
    }
}
