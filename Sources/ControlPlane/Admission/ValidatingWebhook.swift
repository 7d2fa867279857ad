import Foundation
import KubeModel

/// One webhook of a ValidatingWebhookConfiguration, with kube-apiserver's defaults
/// (failurePolicy Fail, timeoutSeconds 10, empty selectors matching everything).
struct ValidatingWebhook: Sendable {
    enum Endpoint: Sendable, Equatable {
        case url(String)
        case service(namespace: String, name: String, port: Int, path: String)
    }

    var name: String
    var endpoint: Endpoint?
    /// PEM of the CAs that may sign the webhook's certificate; nil trusts the system's roots.
    var caBundlePEM: String?
    var rules: [WebhookRule]
    var failClosed: Bool
    var timeoutSeconds: Int
    var namespaceSelector: LabelSelector?
    var objectSelector: LabelSelector?
    var speaksV1: Bool

    init(_ json: JSONValue) {
        name = json["name"]?.stringValue ?? ""
        let client = json["clientConfig"]
        if let url = client?["url"]?.stringValue {
            endpoint = .url(url)
        } else if let service = client?["service"] {
            endpoint = .service(
                namespace: service["namespace"]?.stringValue ?? "", name: service["name"]?.stringValue ?? "",
                port: service["port"]?.intValue.map(Int.init) ?? 443, path: service["path"]?.stringValue ?? "/")
        }
        caBundlePEM = client?["caBundle"]?.stringValue.flatMap { Data(base64Encoded: $0) }.flatMap { String(data: $0, encoding: .utf8) }
        rules = json["rules"]?.arrayValue?.map(WebhookRule.init) ?? []
        failClosed = json["failurePolicy"]?.stringValue != "Ignore"
        timeoutSeconds = json["timeoutSeconds"]?.intValue.map(Int.init) ?? 10
        namespaceSelector = json["namespaceSelector"].flatMap { try? KubeJSON.decode(LabelSelector.self, from: $0) }
        objectSelector = json["objectSelector"].flatMap { try? KubeJSON.decode(LabelSelector.self, from: $0) }
        speaksV1 = json["admissionReviewVersions"]?.arrayValue?.contains("v1") ?? false
    }

    /// Whether this webhook is called for the write: a rule matches, and both selectors match (the
    /// namespace's labels, or a Namespace's own; the object's labels, new or old).
    func applies(to attributes: AdmissionAttributes, namespaceLabels: [String: String]?) -> Bool {
        guard rules.contains(where: { $0.matches(attributes) }) else { return false }
        if let namespaceSelector, let namespaceLabels, !namespaceSelector.matches(namespaceLabels) { return false }
        if let objectSelector {
            let candidates = [attributes.object, attributes.oldObject].compactMap { $0 }.map(ObjectFilter.labels(of:))
            guard candidates.contains(where: objectSelector.matches) else { return false }
        }
        return true
    }
}
