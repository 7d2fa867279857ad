import KubeModel
import Testing
@testable import ControlPlane

/// Which writes a webhook is called for, and how its refusal reads, as kube-apiserver's webhook plugin.
@Suite("webhook rules")
struct WebhookRuleTests {
    static func attributes(
        _ resource: ResourceInfo, subresource: String? = nil, _ operation: AdmissionOperation = .create,
        labels: [String: String] = [:]
    ) -> AdmissionAttributes {
        let object: JSONValue = ["metadata": ["name": "x", "labels": .object(labels.mapValues(JSONValue.string))]]
        return AdmissionAttributes(
            resource: resource, subresource: subresource, operation: operation, namespace: "a", name: "x",
            object: object, dryRun: false, user: UserInfo(name: "u", groups: []))
    }

    static func rule(_ resources: [String], operations: [String] = ["CREATE"], groups: [String] = [""], scope: String? = nil)
        -> WebhookRule
    {
        var json: JSONObject = [
            "operations": .array(operations.map(JSONValue.string)), "apiGroups": .array(groups.map(JSONValue.string)),
            "apiVersions": ["v1"], "resources": .array(resources.map(JSONValue.string)),
        ]
        if let scope { json["scope"] = .string(scope) }
        return WebhookRule(.object(json))
    }

    @Test func resourcesSubresourcesAndWildcards() {
        let pods = BuiltinResources.pods
        #expect(Self.rule(["pods"]).matches(Self.attributes(pods)))
        #expect(!Self.rule(["pods"]).matches(Self.attributes(pods, subresource: "status")))
        #expect(Self.rule(["pods/status"]).matches(Self.attributes(pods, subresource: "status")))
        #expect(Self.rule(["pods/*"]).matches(Self.attributes(pods, subresource: "status")))
        #expect(Self.rule(["pods/*"]).matches(Self.attributes(pods)), "a `*` subresource includes none, as in kube-apiserver")
        #expect(Self.rule(["*"]).matches(Self.attributes(pods)))
        #expect(!Self.rule(["*"]).matches(Self.attributes(pods, subresource: "status")))
        #expect(Self.rule(["*/*"]).matches(Self.attributes(pods, subresource: "status")))
        #expect(Self.rule(["*/status"]).matches(Self.attributes(pods, subresource: "status")))
        #expect(!Self.rule(["services"]).matches(Self.attributes(pods)))
    }

    @Test func operationsGroupsAndScope() {
        let pods = BuiltinResources.pods
        #expect(!Self.rule(["pods"]).matches(Self.attributes(pods, .update)))
        #expect(Self.rule(["pods"], operations: ["*"]).matches(Self.attributes(pods, .update)))
        #expect(!Self.rule(["pods"], groups: ["apps"]).matches(Self.attributes(pods)))
        #expect(Self.rule(["pods"], groups: ["*"]).matches(Self.attributes(pods)))
        #expect(!Self.rule(["pods"], scope: "Cluster").matches(Self.attributes(pods)))
        #expect(Self.rule(["namespaces"], scope: "Cluster").matches(Self.attributes(BuiltinResources.namespaces)))
    }

    @Test func selectorsNarrowTheWebhook() {
        let webhook = ValidatingWebhook([
            "name": "check.example.com", "admissionReviewVersions": ["v1"],
            "rules": [["operations": ["CREATE"], "apiGroups": [""], "apiVersions": ["v1"], "resources": ["pods"]]],
            "namespaceSelector": ["matchLabels": ["kubernetes.io/metadata.name": "a"]],
            "objectSelector": ["matchExpressions": [["key": "skip", "operator": "DoesNotExist"]]],
        ])
        let pods = BuiltinResources.pods
        #expect(webhook.applies(to: Self.attributes(pods), namespaceLabels: ["kubernetes.io/metadata.name": "a"]))
        #expect(!webhook.applies(to: Self.attributes(pods), namespaceLabels: ["kubernetes.io/metadata.name": "b"]))
        #expect(!webhook.applies(to: Self.attributes(pods, labels: ["skip": "yes"]), namespaceLabels: ["kubernetes.io/metadata.name": "a"]))
        #expect(webhook.failClosed && webhook.timeoutSeconds == 10 && webhook.speaksV1)
    }

    @Test func aRefusalNamesTheWebhook() {
        let invalid = WebhookAdmission.refusal(by: "v.example.com", .failure(.invalid, "Pod \"x\" is invalid: spec: bad"))
        #expect(invalid.code == 422 && invalid.message == "admission webhook \"v.example.com\" denied the request: Pod \"x\" is invalid: spec: bad")
        let bare = WebhookAdmission.refusal(by: "v.example.com", nil)
        #expect(bare.code == 400 && bare.message == "admission webhook \"v.example.com\" denied the request without explanation")
        var lowCode = Status.failure(.invalid, "no")
        lowCode.code = 200
        #expect(WebhookAdmission.refusal(by: "v.example.com", lowCode).code == 400)
    }
}
