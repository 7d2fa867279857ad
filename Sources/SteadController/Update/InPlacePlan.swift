import KubeModel

/// The answer to "can this pod reach the update revision without being recreated?".
public enum InPlaceDecision: Sendable, Hashable {
    /// The pod already runs the update revision.
    case none
    /// Patch the pod (and resize it) in place.
    case inPlace(InPlacePlan)
    /// The change needs a new pod; the paths of the fields that force it, such as `spec.containers[app].env`.
    case recreate(changedFields: [String])
}

/// Everything the controller sends to update one pod in place.
public struct InPlacePlan: Sendable, Hashable {
    /// The pod's new `controller-revision-hash` label value (the update revision's name).
    public var revisionHash: String
    public var imageChanges: [ImageChange]
    /// CPU/memory changes, applied through the `pods/resize` subresource.
    public var resourceChanges: [ResourceChange]
    /// Template label changes: key -> new value, nil to remove.
    public var labelChanges: [String: String?]
    /// Template annotation changes: key -> new value, nil to remove.
    public var annotationChanges: [String: String?]
    /// Tolerations the new template adds (the only toleration change a live pod accepts).
    public var addedTolerations: [JSONValue]
    /// The strategic merge patch for the pod: metadata (with the pod's resourceVersion as precondition),
    /// images, tolerations.
    public var podPatch: JSONValue
    /// The strategic-merge body for `pods/resize`, or nil when no cpu/memory changes.
    public var resizePatch: JSONValue?

    /// Whether a container restarts (an image change does; a resize may, per the container's resizePolicy).
    public var restartsContainers: Bool { !imageChanges.isEmpty }

    /// One line for an Event: "image app: nginx:1.25 -> nginx:1.26; cpu app: 500m -> 1".
    public var summary: String {
        var parts = imageChanges.map { "image \($0.container): \($0.from ?? "none") -> \($0.to)" }
        parts += resourceChanges.map {
            "\($0.kind).\($0.resource) \($0.container): \($0.from ?? "none") -> \($0.to ?? "none")"
        }
        if !labelChanges.isEmpty { parts.append("labels: " + labelChanges.keys.sorted().joined(separator: ",")) }
        if !annotationChanges.isEmpty {
            parts.append("annotations: " + annotationChanges.keys.sorted().joined(separator: ","))
        }
        if !addedTolerations.isEmpty { parts.append("tolerations: +\(addedTolerations.count)") }
        return parts.isEmpty ? "revision \(revisionHash)" : parts.joined(separator: "; ")
    }
}

public struct ImageChange: Sendable, Hashable {
    public var container: String
    public var isInitContainer: Bool
    public var from: String?
    public var to: String

    public init(container: String, isInitContainer: Bool = false, from: String?, to: String) {
        self.container = container
        self.isInitContainer = isInitContainer
        self.from = from
        self.to = to
    }
}

public struct ResourceChange: Sendable, Hashable {
    public var container: String
    /// `requests` or `limits`.
    public var kind: String
    /// `cpu` or `memory`.
    public var resource: String
    public var from: String?
    public var to: String?

    public init(container: String, kind: String, resource: String, from: String?, to: String?) {
        self.container = container
        self.kind = kind
        self.resource = resource
        self.from = from
        self.to = to
    }
}

/// What the cluster serves: without `pods/resize` (Kubernetes before 1.33, or the feature off),
/// cpu/memory changes need a new pod.
public struct InPlaceCapabilities: Sendable, Hashable {
    public var resizeSubresource: Bool

    public init(resizeSubresource: Bool = true) { self.resizeSubresource = resizeSubresource }
}
