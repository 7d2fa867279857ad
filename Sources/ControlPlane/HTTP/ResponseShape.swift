import KubeModel

/// What a read answers, negotiated from its Accept header as kube-apiserver negotiates the meta.k8s.io
/// transformations: the objects as stored, a Table (`kubectl get`), or their metadata only
/// (client-go's metadata informers: `as=PartialObjectMetadata` for one object or a watch,
/// `as=PartialObjectMetadataList` for a list).
enum ResponseShape: Equatable, Sendable {
    case object
    case table
    /// PartialObjectMetadata in `meta.k8s.io/<version>` (v1 or v1beta1).
    case metadata(version: String)

    /// The first offer of `accept` this read can answer; 406 when it names only transformations that
    /// do not fit (a list asked for as one object, or the reverse).
    static func negotiate(_ accept: String?, list: Bool) throws(Status) -> ResponseShape {
        guard let accept, !accept.isEmpty else { return .object }
        var refusal: String?
        for offer in MediaRange.offers(accept) {
            let parameters = offer.parameters
            guard let transformation = parameters["as"] else { return .object }
            guard parameters["g"] == "meta.k8s.io", let version = parameters["v"], ["v1", "v1beta1"].contains(version)
            else { continue }
            switch transformation {
            case "Table":
                return .table
            case "PartialObjectMetadata" where !list, "PartialObjectMetadataList" where list:
                return .metadata(version: version)
            case "PartialObjectMetadata":
                refusal = "you requested PartialObjectMetadata, but the requested object is a list"
            case "PartialObjectMetadataList":
                refusal = "you requested PartialObjectMetadataList, but the requested object is not a list"
            default:
                continue
            }
        }
        throw Status.failure(.notAcceptable, refusal ?? "only the following media types are accepted: application/json")
    }

    /// `object` reduced to its metadata.
    static func partial(_ object: JSONValue, version: String) -> JSONValue {
        [
            "kind": "PartialObjectMetadata", "apiVersion": .string("meta.k8s.io/\(version)"),
            "metadata": object["metadata"] ?? [:],
        ]
    }

    /// A list of `items` reduced to their metadata, with the list's own metadata.
    static func partialList(
        _ items: [JSONValue], version: String, resourceVersion: Int64, continueToken: String?, remaining: Int64?
    ) -> JSONValue {
        var metadata: JSONObject = ["resourceVersion": .string(String(resourceVersion))]
        if let continueToken { metadata["continue"] = .string(continueToken) }
        if let remaining { metadata["remainingItemCount"] = .int(remaining) }
        return [
            "kind": "PartialObjectMetadataList", "apiVersion": .string("meta.k8s.io/\(version)"),
            "metadata": .object(metadata), "items": .array(items.map { partial($0, version: version) }),
        ]
    }
}
