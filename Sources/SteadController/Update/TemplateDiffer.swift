import KubeModel

/// Walks two pod templates as JSON and sorts every difference.
enum TemplateDiffer {
    static let resizableResources: Set<String> = ["cpu", "memory"]

    static func diff(old: JSONValue, new: JSONValue, pod: Pod, capabilities: InPlaceCapabilities) -> TemplateDiff {
        var diff = TemplateDiff()
        for key in unionKeys(old, new) where key != "metadata" && key != "spec" && old[key] != new[key] {
            diff.recreateFields.append(key)
        }
        diffMetadata(old["metadata"], new["metadata"], into: &diff)
        diffSpec(old["spec"], new["spec"], pod: pod, capabilities: capabilities, into: &diff)
        return diff
    }

    static func diffMetadata(_ old: JSONValue?, _ new: JSONValue?, into diff: inout TemplateDiff) {
        let old = old ?? .object([:])
        let new = new ?? .object([:])
        for key in unionKeys(old, new) where old[key] != new[key] {
            switch key {
            case "labels": diff.labelChanges = mapChanges(old[key], new[key])
            case "annotations": diff.annotationChanges = mapChanges(old[key], new[key])
            default: diff.recreateFields.append("metadata.\(key)")
            }
        }
    }

    static func diffSpec(
        _ old: JSONValue?, _ new: JSONValue?, pod: Pod, capabilities: InPlaceCapabilities,
        into diff: inout TemplateDiff
    ) {
        let old = old ?? .object([:])
        let new = new ?? .object([:])
        for key in unionKeys(old, new) where old[key] != new[key] {
            switch key {
            case "containers":
                ContainerDiffer.diff(
                    field: key, old: old[key], new: new[key], pod: pod,
                    allowResize: capabilities.resizeSubresource, into: &diff)
            case "initContainers":
                ContainerDiffer.diff(field: key, old: old[key], new: new[key], pod: pod, allowResize: false, into: &diff)
            case "tolerations":
                let before = old[key]?.arrayValue ?? []
                let after = new[key]?.arrayValue ?? []
                if before.allSatisfy({ after.contains($0) }) {
                    diff.addedTolerations = after.filter { !before.contains($0) }
                } else {
                    diff.recreateFields.append("spec.tolerations")
                }
            default:
                diff.recreateFields.append("spec.\(key)")
            }
        }
        if diff.recreateFields.isEmpty, !diff.resourceChanges.isEmpty,
            QualityOfService.of(old) != QualityOfService.of(new)
        {
            diff.recreateFields += Array(Set(diff.resourceChanges.map { "spec.containers[\($0.container)].resources" }))
                .sorted()
        }
    }

    /// key -> new value (nil: removed) for each key whose string value differs.
    static func mapChanges(_ old: JSONValue?, _ new: JSONValue?) -> [String: String?] {
        let before = PodTemplateSpec.stringMap(old)
        let after = PodTemplateSpec.stringMap(new)
        var changes: [String: String?] = [:]
        for key in Set(before.keys).union(after.keys) where before[key] != after[key] {
            changes[key] = .some(after[key])
        }
        return changes
    }

    static func unionKeys(_ old: JSONValue?, _ new: JSONValue?) -> [String] {
        Set(old?.objectValue?.keys.map { $0 } ?? []).union(new?.objectValue?.keys.map { $0 } ?? []).sorted()
    }
}
