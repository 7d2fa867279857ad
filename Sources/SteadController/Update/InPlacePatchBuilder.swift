import KubeModel
import SteadAPI

/// Turns a template diff into the patch bodies for one pod.
enum InPlacePatchBuilder {
    static func plan(diff: TemplateDiff, pod: Pod, revisionHash: String) -> InPlacePlan {
        var labels: JSONObject = [SteadKeys.revisionHash: .string(revisionHash)]
        for (key, value) in diff.labelChanges { labels[key] = value.map(JSONValue.string) ?? .null }
        var metadata: JSONObject = ["labels": .object(labels)]
        if let resourceVersion = pod.metadata.resourceVersion { metadata["resourceVersion"] = .string(resourceVersion) }
        if !diff.annotationChanges.isEmpty {
            var annotations: JSONObject = [:]
            for (key, value) in diff.annotationChanges { annotations[key] = value.map(JSONValue.string) ?? .null }
            metadata["annotations"] = .object(annotations)
        }

        var spec: JSONObject = [:]
        let containers = diff.imageChanges.filter { !$0.isInitContainer }
            .map { JSONValue.object(["name": .string($0.container), "image": .string($0.to)]) }
        let initContainers = diff.imageChanges.filter(\.isInitContainer)
            .map { JSONValue.object(["name": .string($0.container), "image": .string($0.to)]) }
        if !containers.isEmpty { spec["containers"] = .array(containers) }
        if !initContainers.isEmpty { spec["initContainers"] = .array(initContainers) }
        if !diff.addedTolerations.isEmpty {
            let current = (try? KubeJSON.encodeToValue(pod.spec?.tolerations ?? []))?.arrayValue ?? []
            let added = diff.addedTolerations.filter { !current.contains($0) }
            if !added.isEmpty { spec["tolerations"] = .array(current + added) }
        }

        var patch: JSONObject = ["metadata": .object(metadata)]
        if !spec.isEmpty { patch["spec"] = .object(spec) }

        var resizePatch: JSONValue?
        if !diff.resizedContainers.isEmpty {
            let resized = diff.resizedContainers.keys.sorted().map { name in
                JSONValue.object(["name": .string(name), "resources": diff.resizedContainers[name]!])
            }
            resizePatch = .object(["spec": .object(["containers": .array(resized)])])
        }

        return InPlacePlan(
            revisionHash: revisionHash,
            imageChanges: diff.imageChanges,
            resourceChanges: diff.resourceChanges,
            labelChanges: diff.labelChanges,
            annotationChanges: diff.annotationChanges,
            addedTolerations: diff.addedTolerations,
            podPatch: .object(patch),
            resizePatch: resizePatch)
    }
}
