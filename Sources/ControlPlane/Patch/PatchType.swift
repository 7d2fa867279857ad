import KubeModel

/// The patch formats the server accepts, chosen by the request's Content-Type.
public enum PatchType: String, Sendable, CaseIterable {
    case merge = "application/merge-patch+json"
    case json = "application/json-patch+json"
    /// Strategic merge for the common lists of built-in types (see `StrategicMergePatch`).
    case strategicMerge = "application/strategic-merge-patch+json"

    /// Reads the Content-Type header (parameters such as charset are ignored); nil when unsupported.
    public init?(contentType: String?) {
        guard let contentType else { return nil }
        let base = contentType.split(separator: ";").first.map { String($0).trimmingSpaces().lowercased() } ?? ""
        self.init(rawValue: base)
    }

    static let applyPatch = "application/apply-patch+yaml"

    /// Server-side apply's Content-Type.
    static func isApply(contentType: String?) -> Bool {
        contentType?.split(separator: ";").first.map { String($0).trimmingSpaces().lowercased() } == applyPatch
    }

    /// 415 for a PATCH whose Content-Type is not one of ours.
    public static func unsupported(_ contentType: String?) -> Status {
        let accepted = (allCases.map(\.rawValue) + [applyPatch]).joined(separator: ", ")
        return Status.failure(
            .unsupportedMediaType,
            "the body of the request was in an unknown format - accepted media types include: \(accepted)")
    }

    public func apply(_ patch: JSONValue, to target: JSONValue) throws(Status) -> JSONValue {
        switch self {
        case .merge:
            guard case .object = patch else {
                throw Status.failure(.badRequest, "a merge patch must be a JSON object")
            }
            return MergePatch.apply(patch, to: target)
        case .strategicMerge:
            guard case .object = patch else {
                throw Status.failure(.badRequest, "a strategic merge patch must be a JSON object")
            }
            try StrategicMergePatch.checkDirectives(patch)
            return StrategicMergePatch.apply(patch, to: target)
        case .json:
            return try JSONPatch.apply(patch, to: target)
        }
    }
}
