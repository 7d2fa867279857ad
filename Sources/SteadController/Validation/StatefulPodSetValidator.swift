import KubeModel

/// Checks a StatefulPodSet as the API server would if it knew the type. Pure: the same set gives the
/// same errors, in a stable order. An empty result means the set is valid.
public enum StatefulPodSetValidator {
    /// The longest set name: `<name>-<10-char hash>` must fit the 63-character label value.
    public static let maxNameLength = 52

    public static func validate(_ set: StatefulPodSet) -> [FieldError] {
        var errors: [FieldError] = []
        if let problem = NameRules.dns1123LabelProblem(set.name, maxLength: maxNameLength) {
            errors.append(FieldError("metadata.name", problem))
        }
        errors += validateSpec(set.spec)
        return errors
    }

    static func validateSpec(_ spec: StatefulPodSetSpec) -> [FieldError] {
        var errors: [FieldError] = []
        let replicas = Int(spec.replicas ?? StatefulPodSet.defaultReplicas)
        if replicas < 0 { errors.append(FieldError("spec.replicas", "must be greater than or equal to 0")) }
        errors += nonNegative(spec.minReadySeconds, "spec.minReadySeconds")
        errors += nonNegative(spec.revisionHistoryLimit, "spec.revisionHistoryLimit")
        if let serviceName = spec.serviceName, !serviceName.isEmpty,
            let problem = NameRules.dns1123LabelProblem(serviceName)
        {
            errors.append(FieldError("spec.serviceName", problem))
        }
        errors += enumValue(spec.podManagementPolicy, "spec.podManagementPolicy")
        if let retention = spec.persistentVolumeClaimRetentionPolicy {
            errors += enumValue(retention.whenDeleted, "spec.persistentVolumeClaimRetentionPolicy.whenDeleted")
            errors += enumValue(retention.whenScaled, "spec.persistentVolumeClaimRetentionPolicy.whenScaled")
        }
        errors += validateSelector(spec)
        errors += TemplateValidator.validate(spec.template, path: "spec.template")
        errors += validateClaimTemplates(spec.volumeClaimTemplates ?? [])
        errors += validateUpdateStrategy(spec.updateStrategy, replicas: replicas)
        if let placement = spec.placement {
            errors += nonNegative(placement.nodeLossTimeoutSeconds, "spec.placement.nodeLossTimeoutSeconds")
            errors += enumValue(placement.stickiness, "spec.placement.stickiness")
        }
        return errors
    }

    static func validateSelector(_ spec: StatefulPodSetSpec) -> [FieldError] {
        guard let selector = spec.selector, !selector.isEmpty else {
            return [FieldError("spec.selector", "Required value: a non-empty selector is required")]
        }
        var errors: [FieldError] = []
        for (index, requirement) in (selector.matchExpressions ?? []).enumerated() {
            let path = "spec.selector.matchExpressions[\(index)]"
            if !LabelSelectorRequirement.knownOperators.contains(requirement.operator) {
                errors.append(
                    FieldError(
                        "\(path).operator",
                        "Unsupported value: \"\(requirement.operator)\": supported values: "
                            + LabelSelectorRequirement.knownOperators.map { "\"\($0)\"" }.joined(separator: ", ")))
            }
            let needsValues = requirement.operator == "In" || requirement.operator == "NotIn"
            if needsValues, (requirement.values ?? []).isEmpty {
                errors.append(FieldError("\(path).values", "must be specified when `operator` is 'In' or 'NotIn'"))
            }
        }
        if errors.isEmpty, !selector.matches(spec.template.labels) {
            errors.append(
                FieldError(
                    "spec.template.metadata.labels",
                    "Invalid value: \(describe(spec.template.labels)): `selector` does not match template `labels`"))
        }
        return errors
    }

    static func validateUpdateStrategy(_ strategy: UpdateStrategy?, replicas: Int) -> [FieldError] {
        guard let strategy else { return [] }
        var errors = enumValue(strategy.type, "spec.updateStrategy.type")
        guard let rolling = strategy.rollingUpdate else { return errors }
        let path = "spec.updateStrategy.rollingUpdate"
        if let type = strategy.type, type != .rollingUpdate {
            errors.append(FieldError(path, "may not be set when spec.updateStrategy.type is '\(type.rawValue)'"))
        }
        if let partition = rolling.partition {
            if partition < 0 {
                errors.append(FieldError("\(path).partition", "must be greater than or equal to 0"))
            } else if Int(partition) > max(replicas, 0) {
                errors.append(
                    FieldError("\(path).partition", "must be less than or equal to spec.replicas (\(replicas))"))
            }
        }
        if let maxUnavailable = rolling.maxUnavailable {
            errors += validateMaxUnavailable(maxUnavailable, path: "\(path).maxUnavailable")
        }
        errors += nonNegative(rolling.inPlaceGracePeriodSeconds, "\(path).inPlaceGracePeriodSeconds")
        errors += enumValue(rolling.podUpdatePolicy, "\(path).podUpdatePolicy")
        return errors
    }

    static func validateMaxUnavailable(_ value: IntOrString, path: String) -> [FieldError] {
        switch value {
        case .int(let number):
            return number > 0 ? [] : [FieldError(path, "must be greater than 0")]
        case .string(let text):
            guard let percent = IntOrString.percentage(text) else {
                return [FieldError(path, "Invalid value: \"\(text)\": must be an integer or a percentage (e.g. '25%')")]
            }
            if percent <= 0 { return [FieldError(path, "must be greater than 0")] }
            if percent > 100 { return [FieldError(path, "must not be greater than 100%")] }
            return []
        }
    }

    static func validateClaimTemplates(_ claims: [PersistentVolumeClaimTemplate]) -> [FieldError] {
        var errors: [FieldError] = []
        var seen: Set<String> = []
        for (index, claim) in claims.enumerated() {
            let path = "spec.volumeClaimTemplates[\(index)]"
            if let problem = NameRules.dns1123LabelProblem(claim.name) {
                errors.append(FieldError("\(path).metadata.name", problem))
            } else if !seen.insert(claim.name).inserted {
                errors.append(FieldError("\(path).metadata.name", "Duplicate value: \"\(claim.name)\""))
            }
            for key in ["requests", "limits"] {
                errors += QuantityChecks.check(
                    claim.json[path: ["spec", "resources", key]], path: "\(path).spec.resources.\(key)")
            }
        }
        return errors
    }

    static func nonNegative(_ value: Int32?, _ path: String) -> [FieldError] {
        guard let value, value < 0 else { return [] }
        return [FieldError(path, "must be greater than or equal to 0")]
    }

    static func enumValue<Value: OpenEnum>(_ value: Value?, _ path: String) -> [FieldError] {
        guard let value, !value.isKnown else { return [] }
        let supported = Value.allowedRawValues.map { "\"\($0)\"" }.joined(separator: ", ")
        return [FieldError(path, "Unsupported value: \"\(value.rawValue)\": supported values: \(supported)")]
    }

    static func describe(_ labels: [String: String]) -> String {
        "{" + labels.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\"\($0.value)\"" }.joined(separator: ",") + "}"
    }
}
