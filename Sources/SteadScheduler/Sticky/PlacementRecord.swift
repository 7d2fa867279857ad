import Foundation
import KubeModel

/// Where an identity's pod last ran, kept so that its next incarnation can go back there.
/// Persisted as JSON, one entry of a placement ConfigMap (``PlacementConfigMap``).
struct PlacementRecord: Sendable, Hashable {
    var identity: ObjectKey
    var node: String
    /// The controller owner's UID: a pod with the same name but another owner is a different identity.
    var ownerUID: String?
    var podUID: String?
    var updatedAt: KubeTime

    init(identity: ObjectKey, node: String, ownerUID: String?, podUID: String?, updatedAt: KubeTime) {
        self.identity = identity
        self.node = node
        self.ownerUID = ownerUID
        self.podUID = podUID
        self.updatedAt = updatedAt
    }

    /// The record of `pod` running on `node`.
    init(pod: Pod, node: String, at time: KubeTime) {
        self.init(
            identity: pod.objectKey, node: node, ownerUID: pod.metadata.controllerReference?.uid,
            podUID: pod.metadata.uid, updatedAt: time)
    }

    /// ConfigMap data key: `<namespace>_<name>`. ConfigMap keys allow `[-._a-zA-Z0-9]`, and `_` appears
    /// in neither namespaces nor pod names, so the key is unambiguous.
    var configMapKey: String { "\(identity.namespace ?? "")_\(identity.name)" }

    /// Compact JSON, keys sorted.
    func jsonString() throws -> String {
        String(decoding: try KubeJSON.encode(self), as: UTF8.self)
    }

    init(jsonString: String) throws {
        self = try KubeJSON.decode(PlacementRecord.self, from: Data(jsonString.utf8))
    }
}

extension PlacementRecord: Codable {
    private enum CodingKeys: String, CodingKey {
        case namespace, name, node, ownerUID, podUID, updatedAt
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        identity = ObjectKey(
            namespace: try container.decodeIfPresent(String.self, forKey: .namespace),
            name: try container.decode(String.self, forKey: .name))
        node = try container.decode(String.self, forKey: .node)
        ownerUID = try container.decodeIfPresent(String.self, forKey: .ownerUID)
        podUID = try container.decodeIfPresent(String.self, forKey: .podUID)
        updatedAt = try container.decode(KubeTime.self, forKey: .updatedAt)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(identity.namespace, forKey: .namespace)
        try container.encode(identity.name, forKey: .name)
        try container.encode(node, forKey: .node)
        try container.encodeIfPresent(ownerUID, forKey: .ownerUID)
        try container.encodeIfPresent(podUID, forKey: .podUID)
        try container.encode(updatedAt, forKey: .updatedAt)
    }
}
