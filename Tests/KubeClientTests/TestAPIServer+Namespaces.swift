import ControlPlane
import Foundation
import KubeModel
import Logging
import SteadTestSupport

@testable import KubeClient

extension TestAPIServer {
    func makeNamespace(_ name: String) async throws {
        _ = try await client.create(Namespace.resourceType, ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(name)]])
    }
}

func configMap(_ name: String, namespace: String = "default", labels: [String: String]? = nil, data: [String: String]? = nil)
    -> ConfigMap
{
    ConfigMap(metadata: ObjectMeta(name: name, namespace: namespace, labels: labels), data: data)
}
