import Foundation
import SteadTestSupport
import Testing

/// Where the end-to-end suite runs: the cluster whose admin kubeconfig is in `STEAD_E2E_KUBECONFIG`
/// (kind, k3d, a staging cluster, or CI's `../shared/k8s`). Without it every e2e test is skipped.
enum E2EConfiguration {
    static let environment = ProcessInfo.processInfo.environment

    static let kubeconfig: String? = environment["STEAD_E2E_KUBECONFIG"].flatMap { $0.isEmpty ? nil : $0 }

    static var isEnabled: Bool { kubeconfig != nil }

    /// `STEAD_E2E_KUBECTL`, else the machine's kubectl.
    static let kubectl: String? = environment["STEAD_E2E_KUBECTL"] ?? TestPaths.kubectl

    /// `STEAD_E2E_K8S_DIR`: the folder of `../shared/k8s`'s `up` and `down`, to start a second control
    /// plane of the test's own (CI sets it).
    static let controlPlaneScripts: String? = environment["STEAD_E2E_K8S_DIR"].flatMap {
        FileManager.default.isExecutableFile(atPath: $0 + "/up") ? $0 : nil
    }

    /// Names of this run's objects carry it, so that nothing an earlier run left behind is mistaken for
    /// this run's.
    static let runID = String(UUID().uuidString.prefix(6)).lowercased()

    /// The repository, for `deploy/` and `examples/`.
    static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
}

extension Trait where Self == ConditionTrait {
    /// Runs only against a real cluster (`STEAD_E2E_KUBECONFIG`).
    static var realCluster: Self {
        .enabled(if: E2EConfiguration.isEnabled, "set STEAD_E2E_KUBECONFIG to a cluster's admin kubeconfig")
    }
}

struct E2EError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
