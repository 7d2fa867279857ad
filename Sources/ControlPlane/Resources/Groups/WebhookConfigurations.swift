import Foundation
import KubeModel

/// admissionregistration.k8s.io/v1 Validating- and MutatingWebhookConfigurations: v1's defaults
/// (failurePolicy Fail, matchPolicy Equivalent, empty selectors, a 10 s timeout, rules of every scope,
/// Service port 443, reinvocation Never) and what v1 requires of each webhook, so that a configuration
/// the API server would call wrongly is refused at once (422).
struct WebhookConfigurationStrategy: ResourceStrategy {
    var mutating: Bool

    func prepareForCreate(_ object: inout JSONValue, context: AdmissionContext) throws(Status) {
        object = withDefaults(object)
    }

    func prepareForUpdate(_ object: inout JSONValue, old: JSONValue) throws(Status) {
        object = withDefaults(object)
    }

    private func withDefaults(_ object: JSONValue) -> JSONValue {
        guard let webhooks = object["webhooks"]?.arrayValue else { return object }
        var result = object
        result["webhooks"] = .array(webhooks.map(defaulted))
        return result
    }

    private func defaulted(_ webhook: JSONValue) -> JSONValue {
        guard var fields = webhook.objectValue else { return webhook }
        var defaults: JSONObject = [
            "failurePolicy": "Fail", "matchPolicy": "Equivalent", "namespaceSelector": [:], "objectSelector": [:],
            "timeoutSeconds": 10,
        ]
        if mutating { defaults["reinvocationPolicy"] = "Never" }
        for (key, value) in defaults where fields[key] == nil { fields[key] = value }
        if let rules = fields["rules"]?.arrayValue {
            fields["rules"] = .array(rules.map { rule in
                guard var rule = rule.objectValue else { return rule }
                if rule["scope"] == nil { rule["scope"] = "*" }
                return .object(rule)
            })
        }
        if var service = fields["clientConfig"]?["service"]?.objectValue, service["port"] == nil {
            service["port"] = 443
            fields["clientConfig"]?["service"] = .object(service)
        }
        return .object(fields)
    }

    func validate(_ object: JSONValue) -> [FieldError] {
        var errors: [FieldError] = []
        var names: Set<String> = []
        for (index, webhook) in (object["webhooks"]?.arrayValue ?? []).enumerated() {
            let path = "webhooks[\(index)]"
            let name = webhook["name"]?.stringValue ?? ""
            if name.isEmpty {
                errors.append(.required("\(path).name"))
            } else if !NameValidation.isDNS1123Subdomain(name) || name.split(separator: ".").count < 3 {
                errors.append(.invalid("\(path).name", name, "should be a domain with at least three segments separated by dots"))
            } else if !names.insert(name).inserted {
                errors.append(.duplicate("\(path).name", .string(name)))
            }
            errors += Self.clientConfigErrors(webhook["clientConfig"], path: "\(path).clientConfig")
            errors += Self.enumErrors(webhook["sideEffects"], ["None", "NoneOnDryRun"], path: "\(path).sideEffects", required: true)
            errors += Self.enumErrors(webhook["failurePolicy"], ["Fail", "Ignore"], path: "\(path).failurePolicy")
            errors += Self.enumErrors(webhook["matchPolicy"], ["Equivalent", "Exact"], path: "\(path).matchPolicy")
            if mutating {
                errors += Self.enumErrors(webhook["reinvocationPolicy"], ["IfNeeded", "Never"], path: "\(path).reinvocationPolicy")
            }
            if let timeout = webhook["timeoutSeconds"]?.intValue, !(1...30).contains(timeout) {
                errors.append(
                    .invalid("\(path).timeoutSeconds", .int(timeout), "the timeout value must be between 1 and 30 seconds"))
            }
            let versions = webhook["admissionReviewVersions"]?.arrayValue?.compactMap(\.stringValue) ?? []
            if !versions.contains(where: { ["v1", "v1beta1"].contains($0) }) {
                errors.append(.required("\(path).admissionReviewVersions", "must specify one of v1, v1beta1"))
            }
            for (ruleIndex, rule) in (webhook["rules"]?.arrayValue ?? []).enumerated() {
                errors += Self.ruleErrors(rule, path: "\(path).rules[\(ruleIndex)]")
            }
        }
        return errors
    }

    private static func clientConfigErrors(_ config: JSONValue?, path: String) -> [FieldError] {
        let url = config?["url"]?.stringValue
        let service = config?["service"]
        switch (url, service) {
        case (let url?, nil):
            guard let components = URLComponents(string: url), components.host?.isEmpty == false else {
                return [.invalid("\(path).url", url, "host must be specified")]
            }
            if components.scheme != "https" { return [.invalid("\(path).url", url, "'https' is the only allowed URL scheme")] }
            if components.fragment != nil { return [.invalid("\(path).url", url, "fragments are not permitted")] }
            if components.query != nil { return [.invalid("\(path).url", url, "query parameters are not permitted")] }
            return []
        case (nil, let service?):
            var errors: [FieldError] = []
            if (service["name"]?.stringValue ?? "").isEmpty { errors.append(.required("\(path).service.name", "service name is required")) }
            if (service["namespace"]?.stringValue ?? "").isEmpty {
                errors.append(.required("\(path).service.namespace", "service namespace is required"))
            }
            if let port = service["port"]?.intValue, !(1...65535).contains(port) {
                errors.append(.invalid("\(path).service.port", .int(port), "port is not valid: must be between 1 and 65535, inclusive"))
            }
            return errors
        default:
            return [.required(path, "exactly one of url or service is required")]
        }
    }

    private static func enumErrors(_ value: JSONValue?, _ allowed: [String], path: String, required: Bool = false) -> [FieldError] {
        guard let value else { return required ? [.required(path, "must specify one of \(allowed.joined(separator: ", "))")] : [] }
        guard let text = value.stringValue, allowed.contains(text) else {
            return [.notSupported(path, value, supported: allowed.map(JSONValue.string))]
        }
        return []
    }

    private static func ruleErrors(_ rule: JSONValue, path: String) -> [FieldError] {
        var errors: [FieldError] = []
        for field in ["apiGroups", "apiVersions", "operations", "resources"] where (rule[field]?.arrayValue ?? []).isEmpty {
            errors.append(.required("\(path).\(field)"))
        }
        let operations = ["*", "CREATE", "UPDATE", "DELETE", "CONNECT"]
        for (index, operation) in (rule["operations"]?.arrayValue ?? []).enumerated()
        where !operations.contains(operation.stringValue ?? "") {
            errors.append(.notSupported("\(path).operations[\(index)]", operation, supported: operations.map(JSONValue.string)))
        }
        errors += enumErrors(rule["scope"], ["*", "Cluster", "Namespaced"], path: "\(path).scope")
        return errors
    }
}
