import KubeModel

/// What every workload does to the pod template it carries: Kubernetes' defaults for a pod spec, at
/// least one container, and a selector that selects the template's labels.
enum PodTemplateRules {
    /// `SetDefaults_PodSpec` and `SetDefaults_Container` for the fields every printed template shows.
    static func defaults(_ template: JSONValue?) -> JSONValue {
        var template = template ?? [:]
        var metadata = template["metadata"]?.objectValue ?? [:]
        metadata["creationTimestamp"] = metadata["creationTimestamp"] ?? .null
        template["metadata"] = .object(metadata)
        var spec = template["spec"]?.objectValue ?? [:]
        spec["restartPolicy"] = spec["restartPolicy"] ?? "Always"
        spec["dnsPolicy"] = spec["dnsPolicy"] ?? "ClusterFirst"
        spec["terminationGracePeriodSeconds"] = spec["terminationGracePeriodSeconds"] ?? 30
        spec["securityContext"] = spec["securityContext"] ?? [:]
        spec["schedulerName"] = spec["schedulerName"] ?? "default-scheduler"
        for field in ["containers", "initContainers"] {
            guard let containers = spec[field]?.arrayValue else { continue }
            spec[field] = .array(containers.map(containerDefaults))
        }
        template["spec"] = .object(spec)
        return template
    }

    private static func containerDefaults(_ container: JSONValue) -> JSONValue {
        var container = container
        container["terminationMessagePath"] = container["terminationMessagePath"] ?? "/dev/termination-log"
        container["terminationMessagePolicy"] = container["terminationMessagePolicy"] ?? "File"
        container["resources"] = container["resources"] ?? [:]
        if container["imagePullPolicy"] == nil {
            container["imagePullPolicy"] = .string(pullPolicy(image: container["image"]?.stringValue ?? ""))
        }
        if let ports = container["ports"]?.arrayValue {
            container["ports"] = .array(ports.map { port in
                var port = port
                port["protocol"] = port["protocol"] ?? "TCP"
                return port
            })
        }
        return container
    }

    /// Always for `:latest` or an image without a tag, IfNotPresent otherwise.
    static func pullPolicy(image: String) -> String {
        if image.contains("@") { return "IfNotPresent" }
        let lastPart = image.split(separator: "/").last.map(String.init) ?? image
        guard let colon = lastPart.lastIndex(of: ":") else { return "Always" }
        return lastPart[lastPart.index(after: colon)...] == "latest" ? "Always" : "IfNotPresent"
    }

    static func templateErrors(_ template: JSONValue?, field: String, restartPolicies: [String] = ["Always"]) -> [FieldError] {
        var errors: [FieldError] = []
        if (template?[path: ["spec", "containers"]]?.arrayValue ?? []).isEmpty {
            errors.append(.required("\(field).spec.containers"))
        }
        for (index, container) in (template?[path: ["spec", "containers"]]?.arrayValue ?? []).enumerated() {
            if Cells.text(container["name"]) == nil { errors.append(.required("\(field).spec.containers[\(index)].name")) }
            if Cells.text(container["image"]) == nil { errors.append(.required("\(field).spec.containers[\(index)].image")) }
        }
        if let policy = template?[path: ["spec", "restartPolicy"]]?.stringValue, !restartPolicies.contains(policy) {
            errors.append(
                .notSupported("\(field).spec.restartPolicy", .string(policy), supported: restartPolicies.map(JSONValue.string)))
        }
        return errors
    }

    /// A workload's `spec.selector`: required, not empty, and selecting the template's labels.
    static func selectorErrors(_ spec: JSONValue?, kind: String) -> [FieldError] {
        guard let selector = spec?["selector"], selector != .null else { return [.required("spec.selector")] }
        let matchLabels = selector["matchLabels"]?.objectValue ?? [:]
        let expressions = selector["matchExpressions"]?.arrayValue ?? []
        if matchLabels.isEmpty && expressions.isEmpty {
            return [.invalid("spec.selector", selector, "empty selector is invalid for \(kind)")]
        }
        let labels = spec?[path: ["template", "metadata", "labels"]] ?? [:]
        let selects = LabelSelector(selector)?.matches(labels.objectValue?.compactMapValues(\.stringValue) ?? [:]) ?? false
        return selects ? [] : [.invalid("spec.template.metadata.labels", labels, "`selector` does not match template `labels`")]
    }

    static func nonNegative(_ spec: JSONValue?, _ fields: [String]) -> [FieldError] {
        fields.compactMap { field in
            guard let value = spec?[field]?.intValue, value < 0 else { return nil }
            return .invalid("spec.\(field)", .int(value), "must be greater than or equal to 0")
        }
    }

    static func immutable(_ object: JSONValue, old: JSONValue, _ path: [String]) -> [FieldError] {
        let new = object[path: path] ?? .null
        guard new != (old[path: path] ?? .null) else { return [] }
        return [.invalid(path.joined(separator: "."), new, "field is immutable")]
    }
}

/// A workload of apps/v1 (and batch/v1): status starts empty, the spec gets its kind's defaults and a
/// defaulted template, and the selector must select the template.
struct WorkloadStrategy: ResourceStrategy {
    let kind: String
    var restartPolicies: [String]
    var templateImmutable: Bool
    /// Set when only these spec fields may change (StatefulSets).
    var updatableSpecFields: [String]?
    var extraValidation: @Sendable (JSONValue) -> [FieldError]
    let specDefaults: @Sendable (inout JSONObject, _ metadata: JSONValue) -> Void

    init(
        kind: String, restartPolicies: [String] = ["Always"], templateImmutable: Bool = false,
        updatableSpecFields: [String]? = nil, extraValidation: @escaping @Sendable (JSONValue) -> [FieldError] = { _ in [] },
        specDefaults: @escaping @Sendable (inout JSONObject, _ metadata: JSONValue) -> Void
    ) {
        self.kind = kind
        self.restartPolicies = restartPolicies
        self.templateImmutable = templateImmutable
        self.updatableSpecFields = updatableSpecFields
        self.extraValidation = extraValidation
        self.specDefaults = specDefaults
    }

    func prepareForCreate(_ object: inout JSONValue, context: AdmissionContext) throws(Status) {
        object["status"] = [:]
        defaults(&object)
    }

    func prepareForUpdate(_ object: inout JSONValue, old: JSONValue) throws(Status) {
        defaults(&object)
    }

    private func defaults(_ object: inout JSONValue) {
        var spec = object["spec"]?.objectValue ?? [:]
        specDefaults(&spec, object["metadata"] ?? [:])
        if spec["template"] != nil || spec["selector"] != nil {
            spec["template"] = PodTemplateRules.defaults(spec["template"])
        }
        object["spec"] = .object(spec)
    }

    func validate(_ object: JSONValue) -> [FieldError] {
        let spec = object["spec"]
        return PodTemplateRules.selectorErrors(spec, kind: kind.lowercased())
            + PodTemplateRules.templateErrors(spec?["template"], field: "spec.template", restartPolicies: restartPolicies)
            + PodTemplateRules.nonNegative(spec, ["replicas", "minReadySeconds", "revisionHistoryLimit"])
            + extraValidation(object)
    }

    func validateUpdate(_ object: JSONValue, old: JSONValue) -> [FieldError] {
        var errors: [FieldError] = []
        errors += PodTemplateRules.immutable(object, old: old, ["spec", "selector"])
        if templateImmutable { errors += PodTemplateRules.immutable(object, old: old, ["spec", "template"]) }
        if let updatable = updatableSpecFields {
            var newSpec = object["spec"]?.objectValue ?? [:]
            var oldSpec = old["spec"]?.objectValue ?? [:]
            for field in updatable {
                newSpec[field] = nil
                oldSpec[field] = nil
            }
            if newSpec != oldSpec {
                let names = updatable.map { "'\($0)'" }
                errors.append(
                    .forbidden(
                        "spec",
                        "updates to \(kind.lowercased()) spec for fields other than \(names.dropLast().joined(separator: ", ")) and \(names.last ?? "") are forbidden"))
            }
        }
        return errors
    }
}
