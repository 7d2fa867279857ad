import KubeModel

/// Refuses CustomResourceDefinitions as Kubernetes v1.21 does (422 Invalid, fields named like its
/// apiextensions validation): names, versions, schemas, subresources, printer columns, conversion.
enum CRDValidation {
    static let scopes: [JSONValue] = ["Cluster", "Namespaced"]
    static let approvalAnnotation = "api-approved.kubernetes.io"

    static func validate(_ crd: JSONValue, old: JSONValue?) throws(Status) {
        let spec = crd["spec"] ?? [:]
        var errors = metadataName(crd, spec)
        errors += group(spec) + scope(spec) + names(spec["names"] ?? [:])
        errors += CRDVersionValidation(spec).errors
        errors += conversion(spec["conversion"])
        if spec["preserveUnknownFields"] == true {
            errors.append(.invalid(
                "spec.preserveUnknownFields", .bool(true),
                "cannot set to true, set x-preserve-unknown-fields to true in spec.versions[*].schema instead"))
        }
        errors += approval(crd, old: old)
        if let old { errors += immutable(spec, old: old["spec"] ?? [:]) }
        if !errors.isEmpty {
            throw errors.invalidStatus(
                kind: "CustomResourceDefinition", group: "apiextensions.k8s.io",
                name: crd[path: ["metadata", "name"]]?.stringValue ?? "")
        }
    }

    private static func metadataName(_ crd: JSONValue, _ spec: JSONValue) -> [FieldError] {
        let name = crd[path: ["metadata", "name"]]?.stringValue ?? ""
        var errors: [FieldError] = []
        if !name.isEmpty && !NameValidation.isDNS1123Subdomain(name) {
            errors.append(.invalid("metadata.name", .string(name), NameValidation.dns1123SubdomainRule))
        }
        let plural = spec[path: ["names", "plural"]]?.stringValue ?? ""
        let group = spec["group"]?.stringValue ?? ""
        if name != "\(plural).\(group)" {
            errors.append(.invalid("metadata.name", .string(name), "must be spec.names.plural+\".\"+spec.group"))
        }
        return errors
    }

    private static func group(_ spec: JSONValue) -> [FieldError] {
        let group = spec["group"]?.stringValue ?? ""
        if group.isEmpty { return [.required("spec.group")] }
        if !NameValidation.isDNS1123Subdomain(group) {
            return [.invalid("spec.group", .string(group), NameValidation.dns1123SubdomainRule)]
        }
        if !group.contains(".") { return [.invalid("spec.group", .string(group), "should be a domain with at least one dot")] }
        return []
    }

    private static func scope(_ spec: JSONValue) -> [FieldError] {
        let scope = spec["scope"]?.stringValue ?? ""
        if scope.isEmpty { return [.required("spec.scope")] }
        return scopes.contains(.string(scope)) ? [] : [.notSupported("spec.scope", .string(scope), supported: scopes)]
    }

    // MARK: Names

    /// Kubernetes defaults singular to the lower-cased kind and listKind to kind + "List" first.
    private static func names(_ names: JSONValue) -> [FieldError] {
        let kind = names["kind"]?.stringValue ?? ""
        let singular = CRDSpec.nonEmpty(names["singular"]?.stringValue) ?? kind.lowercased()
        let listKind = CRDSpec.nonEmpty(names["listKind"]?.stringValue) ?? (kind.isEmpty ? "" : kind + "List")
        let fields = [("plural", names["plural"]?.stringValue ?? ""), ("singular", singular), ("kind", kind), ("listKind", listKind)]
        var errors: [FieldError] = fields.filter { $0.1.isEmpty }.map { .required("spec.names.\($0.0)") }
        for (field, value) in fields where !value.isEmpty {
            let mixedCase = field == "kind" || field == "listKind"
            guard !NameValidation.isDNS1035Label(mixedCase ? value.lowercased() : value) else { continue }
            let rule = mixedCase ? "may have mixed case, but should otherwise match: " + NameValidation.dns1035Rule : NameValidation.dns1035Rule
            errors.append(.invalid("spec.names.\(field)", .string(value), rule))
        }
        for key in ["shortNames", "categories"] {
            for (index, value) in CRDSpec.strings(names[key]).enumerated() where !NameValidation.isDNS1035Label(value) {
                errors.append(.invalid("spec.names.\(key)[\(index)]", .string(value), NameValidation.dns1035Rule))
            }
        }
        if !kind.isEmpty && kind == listKind {
            errors.append(.invalid("spec.names.listKind", .string(listKind), "kind and listKind may not be the same"))
        }
        return errors
    }

    // MARK: Conversion, approval, updates

    /// v1 nests the webhook's settings under `webhook`; Kubernetes names them as its internal version does.
    private static func conversion(_ conversion: JSONValue?) -> [FieldError] {
        guard let conversion, conversion.objectValue != nil else { return [] }
        let strategy = conversion["strategy"]?.stringValue ?? ""
        let path = "spec.conversion"
        let config = conversion[path: ["webhook", "clientConfig"]] ?? conversion["webhookClientConfig"] ?? .null
        let reviewVersions = CRDSpec.strings(conversion[path: ["webhook", "conversionReviewVersions"]] ?? conversion["conversionReviewVersions"])
        if strategy.isEmpty { return [.required("\(path).strategy")] }
        guard strategy == "Webhook" else {
            if strategy != "None" { return [.notSupported("\(path).strategy", .string(strategy), supported: ["None", "Webhook"])] }
            var errors: [FieldError] = []
            if config != .null { errors.append(.forbidden("\(path).webhookClientConfig", "should not be set when strategy is not set to Webhook")) }
            if !reviewVersions.isEmpty {
                errors.append(.forbidden("\(path).conversionReviewVersions", "should not be set when strategy is not set to Webhook"))
            }
            return errors
        }
        var errors: [FieldError] = []
        if config == .null {
            errors.append(.required("\(path).webhookClientConfig", "required when strategy is set to Webhook"))
        } else if (config["url"] == nil) == (config["service"] == nil) {
            errors.append(.required("\(path).webhookClientConfig", "exactly one of url or service is required"))
        }
        if reviewVersions.isEmpty {
            errors.append(.required("\(path).conversionReviewVersions"))
        } else if !reviewVersions.contains(where: { $0 == "v1" || $0 == "v1beta1" }) {
            errors.append(.invalid(
                "\(path).conversionReviewVersions", .array(reviewVersions.map(JSONValue.string)), "must include at least one of v1, v1beta1"))
        }
        return errors
    }

    /// Groups under k8s.io and kubernetes.io need a link to the API review that approved them.
    private static func approval(_ crd: JSONValue, old: JSONValue?) -> [FieldError] {
        let group = crd[path: ["spec", "group"]]?.stringValue ?? ""
        let protected = ["k8s.io", "kubernetes.io"].contains { group == $0 || group.hasSuffix(".\($0)") }
        guard protected else { return [] }
        let path = "metadata.annotations[\(approvalAnnotation)]"
        let value = crd[path: ["metadata", "annotations", approvalAnnotation]]?.stringValue ?? ""
        if let old, old[path: ["metadata", "annotations", approvalAnnotation]]?.stringValue ?? "" == value { return [] }
        let link = "see https://github.com/kubernetes/enhancements/pull/1111"
        if value.isEmpty {
            return [.required(path, "protected groups must have approval annotation \"\(approvalAnnotation)\", \(link)")]
        }
        if value.hasPrefix("unapproved") || isURL(value) { return [] }
        return [.invalid(
            path, .string(value),
            "protected groups must have approval annotation \"\(approvalAnnotation)\" with either a URL or a reason starting with \"unapproved\", \(link)")]
    }

    private static func isURL(_ text: String) -> Bool {
        guard let scheme = text.range(of: "://") else { return false }
        return !text[..<scheme.lowerBound].isEmpty && !text[scheme.upperBound...].prefix { $0 != "/" }.isEmpty
    }

    /// What the stored objects' keys and names are made of cannot change.
    private static func immutable(_ spec: JSONValue, old: JSONValue) -> [FieldError] {
        [["scope"], ["names", "kind"], ["group"], ["names", "plural"]].compactMap { path in
            let value = spec[path: path] ?? .null
            guard value != old[path: path] ?? .null else { return nil }
            return .invalid("spec.\(path.joined(separator: "."))", value, "field is immutable")
        }
    }
}
