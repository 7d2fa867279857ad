import KubeModel

/// The pure heart of Stead's updates, after OpenKruise's inplaceupdate: given the template the pod was
/// made from, the template of the update revision and the pod itself, say whether the pod can change
/// in place and with which patches, or which fields force a new pod.
///
/// Templates are compared as JSON, so fields no Swift model knows count as changes too.
public enum InPlaceUpdate {
    public static func decide(
        from old: PodTemplateSpec, to new: PodTemplateSpec, pod: Pod, updateRevision: String,
        capabilities: InPlaceCapabilities = InPlaceCapabilities()
    ) -> InPlaceDecision {
        if old.json == new.json {
            if pod.revisionHash == updateRevision { return .none }
            return .inPlace(InPlacePatchBuilder.plan(diff: TemplateDiff(), pod: pod, revisionHash: updateRevision))
        }
        let diff = TemplateDiffer.diff(old: old.json, new: new.json, pod: pod, capabilities: capabilities)
        if !diff.recreateFields.isEmpty { return .recreate(changedFields: diff.recreateFields) }
        return .inPlace(InPlacePatchBuilder.plan(diff: diff, pod: pod, revisionHash: updateRevision))
    }
}

/// What differs between two templates, sorted into what a live pod accepts and what it does not.
struct TemplateDiff: Sendable, Hashable {
    var recreateFields: [String] = []
    var imageChanges: [ImageChange] = []
    var resourceChanges: [ResourceChange] = []
    /// Per container: the new template's `resources`, for the resize body.
    var resizedContainers: [String: JSONValue] = [:]
    var labelChanges: [String: String?] = [:]
    var annotationChanges: [String: String?] = [:]
    var addedTolerations: [JSONValue] = []
}
