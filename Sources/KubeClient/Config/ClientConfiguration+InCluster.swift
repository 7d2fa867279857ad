import Foundation

extension ClientConfiguration {
    /// Where a pod finds its service-account credentials.
    public static let serviceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount"

    /// The configuration of a process running in a pod: `token`, `ca.crt` and `namespace` from the
    /// service-account folder, the server from `KUBERNETES_SERVICE_HOST` / `KUBERNETES_SERVICE_PORT`.
    /// The token is read from its file on each change, so rotated tokens are picked up.
    public static func inCluster(
        serviceAccountDirectory directory: String = serviceAccountDirectory,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> ClientConfiguration {
        guard let host = environment["KUBERNETES_SERVICE_HOST"], !host.isEmpty,
            let port = environment["KUBERNETES_SERVICE_PORT"], !port.isEmpty
        else {
            throw ConfigurationError(
                .inClusterIncomplete,
                "not running in a cluster: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must both be set")
        }
        let tokenPath = directory + "/token"
        guard FileManager.default.isReadableFile(atPath: tokenPath) else {
            throw ConfigurationError(
                .inClusterIncomplete, "in-cluster service-account token \(tokenPath) is missing or unreadable",
                source: directory)
        }
        let hostPart = host.contains(":") ? "[\(host)]" : host
        guard let url = URL(string: "https://\(hostPart):\(port)") else {
            throw ConfigurationError(.invalidServer, "invalid in-cluster server https://\(hostPart):\(port)")
        }
        var configuration = ClientConfiguration(server: url)
        configuration.bearerTokenFile = tokenPath
        let caPath = directory + "/ca.crt"
        if FileManager.default.fileExists(atPath: caPath) { configuration.certificateAuthority = .file(caPath) }
        if let data = FileManager.default.contents(atPath: directory + "/namespace"),
            let namespace = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines),
            !namespace.isEmpty
        {
            configuration.namespace = namespace
        }
        return configuration
    }

    /// Finds a configuration the way kubectl and client-go do, first match wins:
    /// 1. `kubeconfigPath` when given;
    /// 2. `KUBECONFIG` — only the **first** file of a colon-separated list is read (client-go merges all
    ///    of them; Stead does not);
    /// 3. in-cluster service-account credentials (see ``inCluster(serviceAccountDirectory:environment:)``);
    /// 4. `~/.kube/config`.
    public static func load(
        kubeconfigPath: String? = nil,
        context: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        serviceAccountDirectory: String = serviceAccountDirectory,
        homeDirectory: String? = nil
    ) throws -> ClientConfiguration {
        if let kubeconfigPath, !kubeconfigPath.isEmpty {
            return try fromKubeconfigFile(path: kubeconfigPath, context: context)
        }
        if let list = environment["KUBECONFIG"],
            let first = list.split(separator: ":").map(String.init).first(where: { !$0.isEmpty })
        {
            return try fromKubeconfigFile(path: first, context: context)
        }
        if environment["KUBERNETES_SERVICE_HOST"] != nil,
            FileManager.default.fileExists(atPath: serviceAccountDirectory + "/token")
        {
            return try inCluster(serviceAccountDirectory: serviceAccountDirectory, environment: environment)
        }
        let home = homeDirectory ?? environment["HOME"] ?? NSHomeDirectory()
        let defaultPath = home + "/.kube/config"
        if FileManager.default.fileExists(atPath: defaultPath) {
            return try fromKubeconfigFile(path: defaultPath, context: context)
        }
        throw ConfigurationError(
            .noConfiguration,
            "no configuration found: no kubeconfig path given, KUBECONFIG unset, not in a cluster "
                + "(\(serviceAccountDirectory)/token with KUBERNETES_SERVICE_HOST), and no \(defaultPath)")
    }
}
