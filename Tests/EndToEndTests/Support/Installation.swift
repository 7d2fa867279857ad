import Foundation
import KubeClient
import KubeModel
import Logging
import SteadController
import SteadTestSupport
import Yams

/// Stead installed on the real cluster as a user installs it, once per test run: `deploy/stead.yaml`
/// through `kubectl apply` (a server-side dry run first, once its namespace exists). The manifests' Deployment is scaled to zero:
/// the suite runs this build's `stead run` itself, with the Deployment's arguments and **the token of
/// its ServiceAccount**, so that every call Stead makes is checked by the cluster's RBAC authorizer.
struct Installation: Sendable {
    static let namespace = "stead-system"
    static let serviceAccount = "stead"

    let admin: KubeClient
    let kubectl: Kubectl
    /// A kubeconfig holding the ServiceAccount's token, as `stead run` in a pod would use it.
    let steadKubeconfig: String
    /// The Deployment's `stead run` arguments.
    let runArguments: [String]
    let replicas: SteadReplicas
    let directory: String

    /// The run's one installation; the first caller installs, the others wait for it.
    static func shared() async throws -> Installation { try await InstallationOnce.shared.value() }

    fileprivate static func install() async throws -> Installation {
        guard let adminKubeconfig = E2EConfiguration.kubeconfig, let executable = E2EConfiguration.kubectl else {
            throw E2EError("STEAD_E2E_KUBECONFIG and kubectl are needed")
        }
        let directory = try TestPaths.temporaryDirectory()
        var logger = Logger(label: "e2e.admin")
        logger.logLevel = .warning
        let admin = try KubeClient(
            configuration: try ClientConfiguration.fromKubeconfigFile(path: adminKubeconfig), logger: logger)
        do {
            return try await install(admin: admin, adminKubeconfig: adminKubeconfig, executable: executable, directory: directory)
        } catch {
            // A client must be shut down before it goes: the failure is reported, not a crash.
            try? await admin.shutdown()
            throw error
        }
    }

    private static func install(
        admin: KubeClient, adminKubeconfig: String, executable: String, directory: String
    ) async throws -> Installation {
        let kubectl = Kubectl(executable: executable, kubeconfig: adminKubeconfig)

        let manifests = try String(
            contentsOf: E2EConfiguration.repository.appendingPathComponent("deploy/stead.yaml"), encoding: .utf8)
        // A server-side dry run cannot create the namespace its other objects go to: it must exist first.
        _ = try await kubectl.run(["create", "namespace", namespace])
        // An earlier run's leader registered the webhook at its URL: applied over that, the manifests'
        // Service reference would give the configuration both, which the API server refuses.
        try await kubectl.succeed(
            ["delete", "validatingwebhookconfiguration", StatefulPodSetAdmission.configurationName, "--ignore-not-found"])
        try await kubectl.apply(manifests)
        try await kubectl.succeed(
            ["wait", "--for=condition=Established", "crd/\(StatefulPodSetCRD.name)", "--timeout=60s"])
        try await kubectl.succeed(["scale", "deployment/stead", "-n", namespace, "--replicas=0"])

        let steadKubeconfig = directory + "/stead.kubeconfig"
        try await writeServiceAccountKubeconfig(admin: admin, adminKubeconfig: adminKubeconfig, to: steadKubeconfig)
        // This control plane has no Service network (no kube-proxy): kube-apiserver calls the leader's
        // webhook at its URL instead of through the manifests' Service.
        let arguments = try deploymentArguments(manifests)
            .replacingOption("--metrics-address", with: "127.0.0.1:0")
            .replacingOption("--webhook-address", with: "127.0.0.1:0")
            .removingOption("--webhook-service") + ["--kubeconfig", steadKubeconfig]
        let installation = Installation(
            admin: admin, kubectl: kubectl, steadKubeconfig: steadKubeconfig, runArguments: arguments,
            replicas: SteadReplicas(arguments: arguments, admin: admin), directory: directory)
        // Until a leader registers its webhook, the manifests' configuration (failurePolicy Fail) refuses
        // every StatefulPodSet write.
        _ = try await installation.replicas.leader()
        return installation
    }

    /// The container arguments of the Deployment in the install manifests.
    static func deploymentArguments(_ manifests: String) throws -> [String] {
        for document in try Yams.load_all(yaml: manifests) {
            guard let object = document as? [String: Any], object["kind"] as? String == "Deployment",
                let spec = object["spec"] as? [String: Any], let template = spec["template"] as? [String: Any],
                let podSpec = template["spec"] as? [String: Any],
                let container = (podSpec["containers"] as? [[String: Any]])?.first,
                let arguments = container["args"] as? [String]
            else { continue }
            return arguments
        }
        throw E2EError("deploy/stead.yaml has no Deployment with container arguments")
    }

    /// A token for the ServiceAccount from the TokenRequest API, beside the admin kubeconfig's server and CA.
    static func writeServiceAccountKubeconfig(admin: KubeClient, adminKubeconfig: String, to path: String) async throws {
        let request: JSONValue = [
            "apiVersion": "authentication.k8s.io/v1", "kind": "TokenRequest",
            "spec": ["expirationSeconds": 7200],
        ]
        let serviceAccounts = ResourceType(
            group: "", version: "v1", kind: "ServiceAccount", plural: "serviceaccounts", namespaced: true)
        let answer = try await admin.create(
            serviceAccounts, request, namespace: namespace, subresource: "token", name: serviceAccount)
        guard let token = answer[path: ["status", "token"]]?.stringValue else {
            throw E2EError("TokenRequest answered without a token: \(answer)")
        }
        let config = try ClientConfiguration.parseKubeconfig(Data(contentsOf: URL(fileURLWithPath: adminKubeconfig)))
        let contextName = config.currentContext ?? config.contexts.first?.name
        guard let context = config.contexts.first(where: { $0.name == contextName })?.context,
            let cluster = config.clusters.first(where: { $0.name == context.cluster })?.cluster
        else { throw E2EError("the admin kubeconfig has no current context") }
        var single = Kubeconfig.single(
            name: "stead", server: cluster.server, token: token,
            certificateAuthorityData: cluster.certificateAuthorityData)
        single.clusters[0].cluster.certificateAuthority = cluster.certificateAuthority
        single.contexts[0].context.namespace = namespace
        try YAMLEncoder().encode(single).write(toFile: path, atomically: true, encoding: .utf8)
    }
}

/// Installs once, whatever the number of tests asking.
private actor InstallationOnce {
    static let shared = InstallationOnce()
    private var task: Task<Installation, any Error>?

    func value() async throws -> Installation {
        if let task { return try await task.value }
        let task = Task { try await Installation.install() }
        self.task = task
        return try await task.value
    }
}

extension [String] {
    /// The arguments without `option` and its value.
    func removingOption(_ option: String) -> [String] {
        guard let index = firstIndex(of: option), index + 1 < count else { return self }
        var arguments = self
        arguments.removeSubrange(index...(index + 1))
        return arguments
    }

    /// The arguments with `option`'s value replaced (or the option added with it).
    func replacingOption(_ option: String, with value: String) -> [String] {
        guard let index = firstIndex(of: option), index + 1 < count else { return self + [option, value] }
        var arguments = self
        arguments[index + 1] = value
        return arguments
    }
}
