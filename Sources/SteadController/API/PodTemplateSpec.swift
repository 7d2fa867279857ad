import KubeModel

/// The pod template exactly as the user wrote it: every field, known to `PodSpec` or not, survives a
/// round trip, is hashed into the revision and is compared by the in-place diff. Typed views decode on
/// demand.
public struct PodTemplateSpec: Codable, Sendable, Hashable {
    public var json: JSONValue

    public init(json: JSONValue) { self.json = json }

    public init(metadata: ObjectMeta? = nil, spec: PodSpec) {
        var object: JSONObject = [:]
        if let metadata, let value = try? KubeJSON.encodeToValue(metadata) { object["metadata"] = value }
        object["spec"] = (try? KubeJSON.encodeToValue(spec)) ?? .object([:])
        self.json = .object(object)
    }

    public init(from decoder: any Decoder) throws {
        json = try JSONValue(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try json.encode(to: encoder)
    }

    public var labels: [String: String] { Self.stringMap(json[path: ["metadata", "labels"]]) }

    public var annotations: [String: String] { Self.stringMap(json[path: ["metadata", "annotations"]]) }

    public var specJSON: JSONValue? { json["spec"] }

    public var schedulerName: String? { json[path: ["spec", "schedulerName"]]?.stringValue }

    /// The typed pod spec; throws when the template does not decode (for example, an invalid quantity).
    public func decodedSpec() throws -> PodSpec {
        try KubeJSON.decode(PodSpec.self, from: json["spec"] ?? .object([:]))
    }

    static func stringMap(_ value: JSONValue?) -> [String: String] {
        guard let object = value?.objectValue else { return [:] }
        return object.compactMapValues(\.stringValue)
    }
}

/// One entry of `volumeClaimTemplates`, kept as written.
public struct PersistentVolumeClaimTemplate: Codable, Sendable, Hashable {
    public var json: JSONValue

    public init(json: JSONValue) { self.json = json }

    public init(_ claim: PersistentVolumeClaim) throws {
        json = try KubeJSON.encodeToValue(claim)
    }

    public init(from decoder: any Decoder) throws {
        json = try JSONValue(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try json.encode(to: encoder)
    }

    public var name: String { json[path: ["metadata", "name"]]?.stringValue ?? "" }

    /// The typed claim, unknown fields kept.
    public func decoded() throws -> PersistentVolumeClaim {
        try KubeJSON.decode(PersistentVolumeClaim.self, from: json)
    }
}
