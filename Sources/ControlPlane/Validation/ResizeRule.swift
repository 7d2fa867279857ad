import KubeModel

/// `pods/{name}/resize` (Kubernetes 1.33+): the way to change the cpu and memory of a pod's containers
/// after it was created. Pure.
public enum ResizeRule {
    /// The resources a resize may change.
    public static let resizableResources: Set<String> = ["cpu", "memory"]

    static let onlyResize =
        "only spec.containers[*].resources and spec.containers[*].resizePolicy may change through pods/resize"

    /// The pod to store for a PUT or PATCH of `pods/resize` whose resulting object is `body`: `old` with each
    /// container's `resources` and `resizePolicy` from `body`, its generation bumped when they change.
    /// `status` and server-managed metadata in `body` are ignored. A stale resourceVersion is 409 Conflict;
    /// any other change, a removed request or limit, a change of a resource other than cpu and memory, a
    /// request above its limit or a change of the pod's QoS class is 422 Invalid.
    public static func resize(_ body: JSONValue, old: JSONValue, name: String) throws(Status) -> JSONValue {
        let pod = try ObjectRules.checkTypeMeta(body, resource: BuiltinResources.pods)
        let metadata = pod["metadata"]?.objectValue ?? [:]
        if let bodyName = metadata["name"]?.stringValue, !bodyName.isEmpty, bodyName != name {
            throw Status.failure(
                .badRequest, "the name of the object (\(bodyName)) does not match the name on the URL (\(name))")
        }
        try ObjectRules.checkResourceVersion(metadata, old: old, resource: BuiltinResources.pods, name: name)

        var problems = metadataChanges(pod, old: old) + specChanges(pod["spec"], old: old["spec"])
        if problems.isEmpty { problems = resourceProblems(pod["spec"], old: old["spec"]) }
        let resized = applying(pod["spec"], to: old)
        if problems.isEmpty { problems = qosProblems(resized, old: old) }
        guard problems.isEmpty else { throw problems.invalidStatus(kind: "Pod", group: "", name: name) }
        return ObjectRules.withGeneration(resized, old: old)
    }

    /// The text of a quantity given as a JSON string or number.
    static func quantityText(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): text
        case .int(let number): String(number)
        case .double(let number): String(number)
        default: nil
        }
    }

    // MARK: What may not change

    private static func metadataChanges(_ pod: JSONValue, old: JSONValue) -> [FieldError] {
        ["labels", "annotations", "finalizers", "ownerReferences"].compactMap { key in
            let path = ["metadata", key]
            guard nonEmpty(pod[path: path]) != nonEmpty(old[path: path]) else { return nil }
            return .forbidden("metadata.\(key)", onlyResize)
        }
    }

    private static func specChanges(_ spec: JSONValue?, old: JSONValue?) -> [FieldError] {
        let new = spec?.objectValue ?? [:]
        let current = old?.objectValue ?? [:]
        var problems = Set(new.keys).union(current.keys).subtracting(["containers"]).sorted().compactMap { key in
            new[key] == current[key] ? nil : FieldError.forbidden("spec.\(key)", onlyResize)
        }
        let newContainers = new["containers"]?.arrayValue ?? []
        let oldContainers = current["containers"]?.arrayValue ?? []
        guard newContainers.count == oldContainers.count else {
            return problems + [.forbidden("spec.containers", "containers may not be added or removed on resize")]
        }
        for (index, (container, before)) in zip(newContainers, oldContainers).enumerated() {
            let path = "spec.containers[\(index)]"
            guard container["name"] == before["name"] else {
                problems.append(.forbidden("\(path).name", "containers may not be renamed or reordered on resize"))
                continue
            }
            let keys = Set((container.objectValue ?? [:]).keys).union((before.objectValue ?? [:]).keys)
            for key in keys.subtracting(["resources", "resizePolicy"]).sorted() where container[key] != before[key] {
                problems.append(.forbidden("\(path).\(key)", onlyResize))
            }
        }
        return problems
    }

    // MARK: Resources

    private static func resourceProblems(_ spec: JSONValue?, old: JSONValue?) -> [FieldError] {
        let containers = spec?["containers"]?.arrayValue ?? []
        let oldContainers = old?["containers"]?.arrayValue ?? []
        var problems: [FieldError] = []
        for (index, (container, before)) in zip(containers, oldContainers).enumerated() {
            problems += containerResourceProblems(
                container["resources"], old: before["resources"], path: "spec.containers[\(index)].resources")
        }
        return problems
    }

    private static func containerResourceProblems(_ resources: JSONValue?, old: JSONValue?, path: String) -> [FieldError] {
        let new = resources?.objectValue ?? [:]
        let current = old?.objectValue ?? [:]
        var problems = Set(new.keys).union(current.keys).subtracting(["requests", "limits"]).sorted().compactMap { key in
            new[key] == current[key] ? nil : FieldError.forbidden("\(path).\(key)", "only cpu and memory resources are mutable")
        }
        var parsed: [String: [String: Quantity]] = [:]
        for list in ["requests", "limits"] {
            let values = new[list]?.objectValue ?? [:]
            let before = current[list]?.objectValue ?? [:]
            for resource in Set(values.keys).union(before.keys).sorted() {
                let field = "\(path).\(list)[\(resource)]"
                let value = values[resource].flatMap { $0 == .null ? nil : $0 }
                guard resizableResources.contains(resource) else {
                    if value != before[resource] { problems.append(.forbidden(field, "only cpu and memory resources are mutable")) }
                    continue
                }
                guard let value else {
                    problems.append(.forbidden(field, "resource \(list) cannot be removed"))
                    continue
                }
                switch quantity(value) {
                case .success(let quantity): parsed[list, default: [:]][resource] = quantity
                case .failure(let problem): problems.append(problem.at(field))
                }
            }
        }
        for resource in resizableResources.sorted() {
            guard let request = parsed["requests"]?[resource], let limit = parsed["limits"]?[resource], request > limit
            else { continue }
            problems.append(.invalid("\(path).requests", request.description, "must be less than or equal to \(resource) limit of \(limit)"))
        }
        return problems
    }

    private static func quantity(_ value: JSONValue) -> Result<Quantity, FieldError> {
        let text = quantityText(value) ?? "\(value)"
        guard quantityText(value) != nil, let quantity = try? Quantity(parsing: text) else {
            return .failure(.invalid("", text, "must be a quantity such as 500m, 2 or 512Mi"))
        }
        guard quantity.nanoValue >= 0 else { return .failure(.invalid("", text, "must be greater than or equal to 0")) }
        return .success(quantity)
    }

    private static func qosProblems(_ resized: JSONValue, old: JSONValue) -> [FieldError] {
        let before = PodQOSClass.stored(old)
        let after = PodQOSClass.of(spec: resized["spec"])
        guard before != after else { return [] }
        return [.invalid("spec", after.rawValue, "Pod QOS Class may not change as a result of resizing")]
    }

    // MARK: Result

    /// `old` with each container's resources and resize policy taken from `spec` (matched by position;
    /// callers have checked that names and order are the same).
    private static func applying(_ spec: JSONValue?, to old: JSONValue) -> JSONValue {
        guard var containers = old[path: ["spec", "containers"]]?.arrayValue else { return old }
        let requested = spec?["containers"]?.arrayValue ?? []
        for index in containers.indices where index < requested.count {
            containers[index]["resources"] = requested[index]["resources"]
            containers[index]["resizePolicy"] = requested[index]["resizePolicy"]
        }
        var pod = old
        var podSpec = old["spec"] ?? [:]
        podSpec["containers"] = .array(containers)
        pod["spec"] = podSpec
        return pod
    }

    private static func nonEmpty(_ value: JSONValue?) -> JSONValue? {
        switch value {
        case nil, .null?: nil
        case .object(let object)? where object.isEmpty: nil
        case .array(let array)? where array.isEmpty: nil
        default: value
        }
    }
}
