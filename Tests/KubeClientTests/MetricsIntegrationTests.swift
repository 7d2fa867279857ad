import Foundation
import KubeModel
import MetricsTestKit
import SteadTestSupport
import Testing

@testable import KubeClient

@Suite("Client metrics", .serialized)
struct MetricsIntegrationTests {
    @Test func requestsAreCountedByVerbAndCodeAndTimed() async throws {
        try await withAPIServer { env in
            let metrics = TestMetrics()
            let client = try KubeClient(configuration: env.client.configuration, metricsFactory: metrics)
            _ = try await client.create(configMap("m"))
            _ = try await client.get(ConfigMap.self, name: "m", namespace: "default")
            _ = try await client.get(ConfigMap.self, name: "m", namespace: "default")
            _ = try? await client.get(ConfigMap.self, name: "absent", namespace: "default")
            _ = try await client.list(ConfigMap.self, namespace: "default")
            for try await _ in client.watch(ConfigMap.self, namespace: "default", options: WatchOptions(timeoutSeconds: 1)) {}

            func count(_ verb: String, _ code: String) throws -> Int64 {
                try metrics.expectCounter(
                    ClientMetrics.requestsLabel, [("verb", verb), ("resource", "configmaps"), ("code", code)]
                ).totalValue
            }
            #expect(try count("CREATE", "201") == 1)
            #expect(try count("GET", "200") == 2)
            #expect(try count("GET", "404") == 1)
            #expect(try count("LIST", "200") == 1)
            #expect(try count("WATCH", "200") == 1)
            let getTimer = try metrics.expectTimer(ClientMetrics.durationLabel, [("verb", "GET")])
            #expect(getTimer.values.count == 3)
            #expect(getTimer.values.allSatisfy { $0 > 0 })
            try await client.shutdown()
        }
    }

    @Test(arguments: [
        ("/api/v1/namespaces/a/pods/p/status", "pods/status"),
        ("/api/v1/namespaces/a/pods/p", "pods"),
        ("/api/v1/namespaces/a/pods", "pods"),
        ("/api/v1/pods", "pods"),
        ("/api/v1/namespaces/a", "namespaces"),
        ("/api/v1/namespaces/a/finalize", "namespaces/finalize"),
        ("/api/v1/nodes/n/status", "nodes/status"),
        ("/apis/stead.dev/v1alpha1/namespaces/a/statefulpodsets/s/status", "statefulpodsets/status"),
        ("/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/n", "leases"),
        ("/metrics", ""),
        ("/apis/apps/v1", ""),
    ])
    func requestsAreLabelledWithTheirResource(path: String, resource: String) {
        #expect(ClientMetrics.resource(ofPath: path) == resource)
    }
}
