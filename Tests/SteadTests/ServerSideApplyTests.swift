import ControlPlane
import Foundation
import KubeClient
import KubeModel
import SteadController
import SteadTestSupport
import Testing

/// `kubectl apply --server-side` against the embedded server; the e2e suite runs the same steps
/// against a real Kubernetes (`ApplyChecks`) and expects the same answers.
@Suite("server-side apply", .enabled(if: TestPaths.kubectl != nil, "kubectl is not installed"), .timeLimit(.minutes(4)))
struct ServerSideApplyTests {
    @Test func kubectlApplyServerSideAnswersAsOnKubernetes() async throws {
        try await withAPIServer(label: "apply") { api in
            try await StatefulPodSetCRD.install(using: api.client)
            let kubeconfig = api.directory + "/kubeconfig"
            try api.server.writeKubeconfig(to: kubeconfig)
            let seen = try await ApplyChecks.run(
                kubectl: try #require(TestPaths.kubectl), kubeconfig: kubeconfig, namespace: "applied")
            let expected = ApplyChecks.expected(namespace: "applied")
            #expect(seen.count == expected.count)
            for (saw, wanted) in zip(seen, expected) { #expect(saw == wanted) }
        }
    }

    /// An apply names its manager; `force` belongs to apply only.
    @Test func applyNeedsAFieldManagerAndForceNeedsAnApply() async throws {
        try await withAPIServer(label: "apply-options") { api in
            let config = #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"default"},"data":{"a":"1"}}"#
            do {
                _ = try await api.client.patch(ConfigMap.resourceType, name: "c", namespace: "default", patch: .apply(yaml: config), fieldManager: "")
                Issue.record("an apply without a manager was accepted")
            } catch let error as KubeAPIError {
                #expect(error.httpCode == 422)
                #expect(error.message.contains("fieldManager: Required value: is required for apply patch"))
            }
            _ = try await api.client.patch(ConfigMap.resourceType, name: "c", namespace: "default", patch: .apply(yaml: config), fieldManager: "me")
            let stored = try await api.client.get(ConfigMap.resourceType, name: "c", namespace: "default")
            let entries = stored[path: ["metadata", "managedFields"]]?.arrayValue ?? []
            #expect(entries.count == 1 && entries.first?["manager"] == "me" && entries.first?["operation"] == "Apply")
        }
    }
}
