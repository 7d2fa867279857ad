import KubeModel

/// How a pod reached an update revision, recorded on the pod by the write that did it (annotation
/// `stead.dev/updated-by`, value `<revision>/<InPlace|SameNode|Rescheduled:<category>>`).
public struct RolloutMarker: Sendable, Hashable {
    public enum Path: Sendable, Hashable {
        case inPlace
        case sameNode
        case rescheduled(category: String)
    }

    public var revision: String
    public var path: Path

    public init(revision: String, path: Path) {
        self.revision = revision
        self.path = path
    }

    public init?(annotation: String) {
        guard let slash = annotation.firstIndex(of: "/") else { return nil }
        let revision = String(annotation[..<slash])
        let path = annotation[annotation.index(after: slash)...]
        guard !revision.isEmpty else { return nil }
        switch path {
        case "InPlace": self.init(revision: revision, path: .inPlace)
        case "SameNode": self.init(revision: revision, path: .sameNode)
        case _ where path.hasPrefix("Rescheduled:") && path.count > "Rescheduled:".count:
            self.init(revision: revision, path: .rescheduled(category: String(path.dropFirst("Rescheduled:".count))))
        default: return nil
        }
    }

    /// The marker a pod carries, if any.
    public init?(of pod: Pod) {
        guard let value = pod.metadata.annotations?[SteadKeys.updatedBy] else { return nil }
        self.init(annotation: value)
    }

    public var annotation: String {
        switch path {
        case .inPlace: "\(revision)/InPlace"
        case .sameNode: "\(revision)/SameNode"
        case .rescheduled(let category): "\(revision)/Rescheduled:\(category)"
        }
    }
}
