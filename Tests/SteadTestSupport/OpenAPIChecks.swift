import KubeModel

/// Compares what two servers' OpenAPI documents and `kubectl explain` say about the built-in kinds:
/// the names, types and required-ness of fields, not the descriptions (Kubernetes' texts are not Stead's to copy).
public enum OpenAPIChecks {
    /// Fields Kubernetes removed after v1.21 (the real control plane of the e2e suite), as
    /// `definition.property`: a real v1.21 has them, a current server does not.
    public static let removedSinceV121: Set<String> = [
        "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta.clusterName",  // removed in v1.25
        "io.k8s.api.core.v1.ServiceSpec.topologyKeys",  // removed in v1.22
    ]

    /// Fields whose `required` Kubernetes changed after v1.21, as `definition.property`: Stead's schemas
    /// say what Kubernetes 1.36's published OpenAPI says of each (checked once against it), v1.21 the
    /// opposite.
    public static let requiredChangedSinceV121: Set<String> = [
        "io.k8s.api.apps.v1.StatefulSetSpec.serviceName", "io.k8s.api.authentication.v1.TokenRequest.spec",
        "io.k8s.api.authentication.v1.TokenRequestSpec.audiences",
        "io.k8s.api.authentication.v1.TokenRequestStatus.expirationTimestamp",
        "io.k8s.api.authentication.v1.TokenRequestStatus.token", "io.k8s.api.authentication.v1.TokenReviewSpec.token",
        "io.k8s.api.batch.v1.CronJob.spec", "io.k8s.api.core.v1.ContainerImage.names", "io.k8s.api.core.v1.HostAlias.ip",
        "io.k8s.api.core.v1.PodIP.ip", "io.k8s.api.discovery.v1.EndpointSlice.endpoints",
        "io.k8s.api.networking.v1.HTTPIngressPath.pathType", "io.k8s.api.networking.v1.NetworkPolicySpec.podSelector",
        "io.k8s.api.policy.v1.PodDisruptionBudgetStatus.currentHealthy",
        "io.k8s.api.policy.v1.PodDisruptionBudgetStatus.desiredHealthy",
        "io.k8s.api.policy.v1.PodDisruptionBudgetStatus.disruptionsAllowed",
        "io.k8s.api.policy.v1.PodDisruptionBudgetStatus.expectedPods", "io.k8s.api.rbac.v1.RoleRef.apiGroup",
        "io.k8s.api.scheduling.v1.PriorityClass.value",
    ]

    /// What `real` (a Swagger 2.0 document) says of the kinds `ours` also has, property by property,
    /// where `ours` says otherwise. Definitions are matched by `x-kubernetes-group-version-kind`, then
    /// followed through references in both documents together, so a type Kubernetes renamed since
    /// (core/v1 `Handler`, now `LifecycleHandler`) is compared by what it holds.
    public static func differences(
        real: JSONValue, ours: JSONValue, removed: Set<String> = removedSinceV121,
        requiredChanged: Set<String> = requiredChangedSinceV121
    ) -> [String] {
        let realDefinitions = real["definitions"]?.objectValue ?? [:]
        let ourDefinitions = ours["definitions"]?.objectValue ?? [:]
        var ourNameByKind: [String: String] = [:]
        for (name, definition) in ourDefinitions {
            for kind in kinds(definition) where !everyGroupVersion.contains(kind.kind) { ourNameByKind[kind.key] = name }
        }
        var pending: [(String, String)] = []
        for (name, definition) in realDefinitions.sorted(by: { $0.key < $1.key }) {
            guard let match = kinds(definition).lazy.compactMap({ ourNameByKind[$0.key] }).first else { continue }
            pending.append((name, match))
        }
        var compared = Set<String>()
        var differences: [String] = []
        while let (realName, ourName) = pending.popLast() {
            guard compared.insert("\(realName)=\(ourName)").inserted else { continue }
            guard let realSchema = realDefinitions[realName] else { continue }
            guard let ourSchema = ourDefinitions[ourName] else {
                differences.append("\(ourName): no such definition (for \(realName))")
                continue
            }
            let realProperties = realSchema["properties"]?.objectValue ?? [:]
            if realProperties.isEmpty {
                if shape(realSchema) != shape(ourSchema) {
                    differences.append("\(realName): \(shape(realSchema)), ours \(shape(ourSchema))")
                }
                continue
            }
            let realRequired = Set(realSchema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
            let ourRequired = Set(ourSchema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
            for (property, realProperty) in realProperties.sorted(by: { $0.key < $1.key }) {
                guard !removed.contains("\(realName).\(property)") else { continue }
                if realRequired.contains(property) != ourRequired.contains(property),
                    !requiredChanged.contains("\(realName).\(property)")
                {
                    differences.append("\(realName).\(property): required \(realRequired.contains(property)), ours \(ourRequired.contains(property))")
                }
                guard let ourProperty = ourSchema["properties"]?[property] else {
                    differences.append("\(realName).\(property): missing (\(shape(realProperty)))")
                    continue
                }
                if shape(realProperty) != shape(ourProperty) {
                    differences.append("\(realName).\(property): \(shape(realProperty)), ours \(shape(ourProperty))")
                } else if let pair = referencedPair(realProperty, ourProperty) {
                    pending.append(pair)
                }
            }
        }
        return differences.sorted()
    }

    /// The fields `kubectl explain` lists, by name, with the type it prints (`<[]Object>` -> `[]Object`).
    public static func explainedFields(_ output: String) -> [String: String] {
        var fields: [String: String] = [:]
        var inFields = false
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("FIELDS:") {
                inFields = true
                continue
            }
            guard inFields, let tab = line.firstIndex(of: "\t") else { continue }
            let name = line[..<tab].trimmingCharacters(in: .whitespaces)
            let rest = line[line.index(after: tab)...]
            guard !name.isEmpty, let open = rest.firstIndex(of: "<"),
                let close = rest.firstIndex(of: ">")
            else { continue }
            fields[name] = String(rest[rest.index(after: open)..<close])
        }
        return fields
    }

    /// Kinds whose definitions carry the group versions of all groups (DeleteOptions, Status, ...).
    private static let everyGroupVersion: Set<String> = ["DeleteOptions", "Status", "WatchEvent"]

    private static func kinds(_ definition: JSONValue) -> [(key: String, kind: String)] {
        (definition["x-kubernetes-group-version-kind"]?.arrayValue ?? []).compactMap { entry in
            guard let kind = entry["kind"]?.stringValue, !everyGroupVersion.contains(kind) else { return nil }
            let key = "\(entry["group"]?.stringValue ?? "")/\(entry["version"]?.stringValue ?? "")/\(kind)"
            return (key, kind)
        }
    }

    /// What a property is, with references named by their shape only ("object"): the referenced
    /// definitions are compared in their turn.
    static func shape(_ schema: JSONValue) -> String {
        if schema["$ref"] != nil { return "ref" }
        switch schema["type"]?.stringValue {
        case "array": return "[]" + shape(schema["items"] ?? [:])
        case "object" where schema["additionalProperties"]?.objectValue != nil:
            return "map[string]" + shape(schema["additionalProperties"] ?? [:])
        default:
            let format = schema["format"]?.stringValue.map { "/" + $0 } ?? ""
            return (schema["type"]?.stringValue ?? "any") + format
        }
    }

    /// The definitions two matching properties refer to, through arrays and maps.
    private static func referencedPair(_ real: JSONValue, _ ours: JSONValue) -> (String, String)? {
        if let realReference = real["$ref"]?.stringValue, let ourReference = ours["$ref"]?.stringValue {
            return (definitionName(realReference), definitionName(ourReference))
        }
        for key in ["items", "additionalProperties"] {
            if let realInner = real[key], realInner.objectValue != nil, let ourInner = ours[key] {
                return referencedPair(realInner, ourInner)
            }
        }
        return nil
    }

    private static func definitionName(_ reference: String) -> String {
        String(reference.split(separator: "/").last ?? "")
    }
}
