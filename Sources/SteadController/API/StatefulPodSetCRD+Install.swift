import Foundation
import KubeClient
import KubeModel

extension StatefulPodSetCRD {
    static let resourceType = ResourceType(
        group: "apiextensions.k8s.io", version: "v1", kind: "CustomResourceDefinition",
        plural: "customresourcedefinitions", namespaced: false)

    /// Creates the CRD, or brings an existing one to ``definition()`` (keeping its status and any field
    /// this version does not set), then waits until it is Established and StatefulPodSets are served.
    public static func install(using client: KubeClient, timeout: Duration = .seconds(30)) async throws {
        try await createOrUpdate(using: client)
        try await waitUntilServed(using: client, timeout: timeout)
    }

    static func createOrUpdate(using client: KubeClient) async throws {
        let wanted = definition()
        try await client.createOrUpdate(resourceType, wanted) { $0["spec"] = wanted["spec"] }
    }

    static func waitUntilServed(using client: KubeClient, timeout: Duration) async throws {
        let deadline = ContinuousClock.now + timeout
        var lastProblem = "not checked yet"
        while ContinuousClock.now < deadline {
            let crd = try await client.get(resourceType, name: name)
            let conditions = crd[path: ["status", "conditions"]]?.arrayValue ?? []
            let established = conditions.contains {
                $0["type"]?.stringValue == "Established" && $0["status"]?.stringValue == "True"
            }
            if conditions.isEmpty || established {
                do {
                    _ = try await client.list(StatefulPodSet.resourceType, options: ListOptions(limit: 1))
                    return
                } catch let error as KubeAPIError where error.isNotFound {
                    lastProblem = "statefulpodsets are not served yet"
                }
            } else {
                lastProblem = "the CRD is not Established yet"
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw KubeAPIError(httpCode: 504, message: "timed out installing \(name): \(lastProblem)")
    }
}
