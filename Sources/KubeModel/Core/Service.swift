public struct Service: KubeResource, Hashable {
    public static let resourceType = ResourceType(
        group: "", version: "v1", kind: "Service", plural: "services", namespaced: true)
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var spec: ServiceSpec?
    public var status: JSONValue?
    public var unknownFields: UnknownFields?

    public init(metadata: ObjectMeta, spec: ServiceSpec? = nil) {
        self.apiVersion = Self.resourceType.apiVersion
        self.kind = Self.resourceType.kind
        self.metadata = metadata
        self.spec = spec
    }
}

public struct ServiceSpec: Codable, Sendable, Hashable {
    public var selector: [String: String]?
    public var ports: [ServicePort]?
    public var clusterIP: String?
    public var type: String?

    public init(selector: [String: String]? = nil, ports: [ServicePort]? = nil, clusterIP: String? = nil) {
        self.selector = selector
        self.ports = ports
        self.clusterIP = clusterIP
    }
}

public struct ServicePort: Codable, Sendable, Hashable {
    public var name: String?
    public var port: Int32
    public var targetPort: IntOrString?
    public var `protocol`: String?

    public init(port: Int32, name: String? = nil, targetPort: IntOrString? = nil) {
        self.port = port
        self.name = name
        self.targetPort = targetPort
    }
}

/// A field that holds either a number or a string, such as a port or `maxUnavailable: 25%`.
public enum IntOrString: Codable, Sendable, Hashable {
    case int(Int)
    case string(String)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .int(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        }
    }
}
