import KubeModel

/// Compares two container lists by name: images change in place, cpu/memory through resize, anything
/// else forces a new pod.
enum ContainerDiffer {
    static func diff(
        field: String, old: JSONValue?, new: JSONValue?, pod: Pod, allowResize: Bool, into diff: inout TemplateDiff
    ) {
        let before = named(old)
        let after = named(new)
        let beforeNames = before.map(\.name)
        let afterNames = after.map(\.name)
        if beforeNames != afterNames {
            let removed = beforeNames.filter { !afterNames.contains($0) }
            let added = afterNames.filter { !beforeNames.contains($0) }
            if removed.isEmpty, added.isEmpty {
                diff.recreateFields.append("spec.\(field)")
            } else {
                diff.recreateFields += (removed + added).map { "spec.\(field)[\($0)]" }
            }
            return
        }
        let podNames = Set(
            (field == "initContainers" ? pod.spec?.initContainers ?? [] : pod.spec?.containers ?? []).map(\.name))
        for ((name, oldContainer), (_, newContainer)) in zip(before, after) where oldContainer != newContainer {
            let path = "spec.\(field)[\(name)]"
            if !podNames.contains(name) {
                diff.recreateFields.append(path)
                continue
            }
            for key in TemplateDiffer.unionKeys(oldContainer, newContainer) where oldContainer[key] != newContainer[key] {
                switch key {
                case "image":
                    if let image = newContainer["image"]?.stringValue {
                        diff.imageChanges.append(
                            ImageChange(
                                container: name, isInitContainer: field == "initContainers",
                                from: oldContainer["image"]?.stringValue, to: image))
                    } else {
                        diff.recreateFields.append("\(path).image")
                    }
                case "resources":
                    diffResources(
                        container: name, path: "\(path).resources", old: oldContainer[key], new: newContainer[key],
                        allowResize: allowResize, into: &diff)
                default:
                    diff.recreateFields.append("\(path).\(key)")
                }
            }
        }
    }

    static func diffResources(
        container: String, path: String, old: JSONValue?, new: JSONValue?, allowResize: Bool,
        into diff: inout TemplateDiff
    ) {
        var changes: [ResourceChange] = []
        var recreate: [String] = []
        for key in TemplateDiffer.unionKeys(old, new) where old?[key] != new?[key] {
            guard key == "requests" || key == "limits" else {
                recreate.append("\(path).\(key)")
                continue
            }
            for resource in TemplateDiffer.unionKeys(old?[key], new?[key]) {
                let from = old?[key]?[resource]
                let to = new?[key]?[resource]
                if sameQuantity(from, to) { continue }
                let resizable = allowResize && TemplateDiffer.resizableResources.contains(resource)
                    && from != nil && to != nil
                if resizable {
                    changes.append(
                        ResourceChange(
                            container: container, kind: key, resource: resource, from: text(from), to: text(to)))
                } else {
                    recreate.append("\(path).\(key).\(resource)")
                }
            }
        }
        diff.recreateFields += recreate
        if recreate.isEmpty, !changes.isEmpty {
            diff.resourceChanges += changes
            diff.resizedContainers[container] = new ?? .object([:])
        }
    }

    /// Equal when both parse to the same quantity ("1" and "1000m"), or are the same JSON.
    static func sameQuantity(_ lhs: JSONValue?, _ rhs: JSONValue?) -> Bool {
        if lhs == rhs { return true }
        guard let left = text(lhs), let right = text(rhs),
            let a = try? Quantity(parsing: left), let b = try? Quantity(parsing: right)
        else { return false }
        return a == b
    }

    static func text(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        default: return nil
        }
    }

    /// (name, container) pairs in list order; containers without a name are named by position.
    static func named(_ list: JSONValue?) -> [(name: String, container: JSONValue)] {
        (list?.arrayValue ?? []).enumerated().map { index, container in
            (container["name"]?.stringValue ?? "#\(index)", container)
        }
    }
}
