import Foundation
import KubeModel
import Testing

@testable import KubeClient

@Suite("Configuration")
struct ConfigurationTests {
    static func tempDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kubeclient-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static let kubeconfigYAML = """
        apiVersion: v1
        kind: Config
        current-context: dev
        clusters:
        - name: dev-cluster
          cluster:
            server: https://10.0.0.1:6443/
            certificate-authority-data: \(Data("CA-PEM".utf8).base64EncodedString())
            tls-server-name: api.internal
        - name: prod-cluster
          cluster:
            server: https://prod.example.com
            certificate-authority: certs/ca.crt
            insecure-skip-tls-verify: false
        users:
        - name: dev-user
          user:
            token: dev-token
        - name: prod-user
          user:
            client-certificate: certs/client.crt
            client-key: /abs/client.key
        - name: file-user
          user:
            tokenFile: token.txt
        contexts:
        - name: dev
          context:
            cluster: dev-cluster
            user: dev-user
            namespace: team-a
        - name: prod
          context:
            cluster: prod-cluster
            user: prod-user
        - name: file
          context:
            cluster: dev-cluster
            user: file-user
        - name: broken
          context:
            cluster: missing-cluster
            user: dev-user
        """

    @Test func currentContextWithInlineData() throws {
        let config = try ClientConfiguration.parseKubeconfig(Data(Self.kubeconfigYAML.utf8))
        let client = try ClientConfiguration.fromKubeconfig(config, baseDirectory: "/home/me/.kube")
        #expect(client.server.absoluteString == "https://10.0.0.1:6443")
        #expect(client.bearerToken == "dev-token")
        #expect(client.namespace == "team-a")
        #expect(client.certificateAuthority == .data(Data("CA-PEM".utf8)))
        #expect(client.tlsServerName == "api.internal")
        #expect(client.qps == 50 && client.burst == 100)
    }

    @Test func relativePathsResolveAgainstTheKubeconfigFolder() throws {
        let config = try ClientConfiguration.parseKubeconfig(Data(Self.kubeconfigYAML.utf8))
        let prod = try ClientConfiguration.fromKubeconfig(config, context: "prod", baseDirectory: "/home/me/.kube")
        #expect(prod.certificateAuthority == .file("/home/me/.kube/certs/ca.crt"))
        #expect(prod.clientCertificate == .file("/home/me/.kube/certs/client.crt"))
        #expect(prod.clientKey == .file("/abs/client.key"))
        #expect(prod.namespace == "default")
        #expect(prod.bearerToken == nil)
        let file = try ClientConfiguration.fromKubeconfig(config, context: "file", baseDirectory: "/etc/kube")
        #expect(file.bearerTokenFile == "/etc/kube/token.txt")
    }

    @Test func missingPiecesGiveClearErrors() throws {
        let config = try ClientConfiguration.parseKubeconfig(Data(Self.kubeconfigYAML.utf8))
        let missingContext = #expect(throws: ConfigurationError.self) {
            try ClientConfiguration.fromKubeconfig(config, context: "nope", source: "/tmp/kc")
        }
        #expect(missingContext?.kind == .contextNotFound)
        #expect(missingContext?.message.contains("nope") == true)
        #expect(missingContext?.message.contains("/tmp/kc") == true)
        let missingCluster = #expect(throws: ConfigurationError.self) {
            try ClientConfiguration.fromKubeconfig(config, context: "broken")
        }
        #expect(missingCluster?.kind == .clusterNotFound)
        #expect(missingCluster?.message.contains("missing-cluster") == true)

        var bad = config
        bad.clusters[0].cluster.certificateAuthorityData = "%%%not-base64"
        let badData = #expect(throws: ConfigurationError.self) {
            try ClientConfiguration.fromKubeconfig(bad, context: "dev")
        }
        #expect(badData?.kind == .invalidBase64)
    }

    @Test func loadOrderExplicitThenKUBECONFIGThenInClusterThenHome() throws {
        let dir = try Self.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let explicit = dir + "/explicit.yaml"
        let fromEnv = dir + "/env.yaml"
        try Data(Self.kubeconfigYAML.utf8).write(to: URL(fileURLWithPath: explicit))
        let single = Kubeconfig.single(name: "env", server: "http://127.0.0.1:1234", token: "env-token")
        try KubeJSON.encode(single).write(to: URL(fileURLWithPath: fromEnv))

        let a = try ClientConfiguration.load(kubeconfigPath: explicit, environment: ["KUBECONFIG": fromEnv])
        #expect(a.bearerToken == "dev-token")
        let b = try ClientConfiguration.load(environment: ["KUBECONFIG": "\(fromEnv):\(explicit)"])
        #expect(b.bearerToken == "env-token")
        #expect(b.server.absoluteString == "http://127.0.0.1:1234")

        // In-cluster, from a fake service-account folder.
        let sa = dir + "/sa"
        try FileManager.default.createDirectory(atPath: sa, withIntermediateDirectories: true)
        try Data("sa-token\n".utf8).write(to: URL(fileURLWithPath: sa + "/token"))
        try Data("CA".utf8).write(to: URL(fileURLWithPath: sa + "/ca.crt"))
        try Data("kube-system\n".utf8).write(to: URL(fileURLWithPath: sa + "/namespace"))
        let env = ["KUBERNETES_SERVICE_HOST": "10.96.0.1", "KUBERNETES_SERVICE_PORT": "443"]
        let c = try ClientConfiguration.load(environment: env, serviceAccountDirectory: sa, homeDirectory: dir)
        #expect(c.server.absoluteString == "https://10.96.0.1:443")
        #expect(c.bearerTokenFile == sa + "/token")
        #expect(c.certificateAuthority == .file(sa + "/ca.crt"))
        #expect(c.namespace == "kube-system")
        #expect(TokenSource(token: nil, path: c.bearerTokenFile).token() == "sa-token")

        // Home fallback.
        try FileManager.default.createDirectory(atPath: dir + "/.kube", withIntermediateDirectories: true)
        try Data(Self.kubeconfigYAML.utf8).write(to: URL(fileURLWithPath: dir + "/.kube/config"))
        let d = try ClientConfiguration.load(context: "prod", environment: [:], serviceAccountDirectory: sa, homeDirectory: dir)
        #expect(d.clientCertificate == .file(dir + "/.kube/certs/client.crt"))

        // Nothing anywhere.
        let empty = try Self.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let none = #expect(throws: ConfigurationError.self) {
            try ClientConfiguration.load(environment: [:], serviceAccountDirectory: empty, homeDirectory: empty)
        }
        #expect(none?.kind == .noConfiguration)
    }

    @Test func inClusterNeedsEnvironmentAndToken() throws {
        let dir = try Self.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let noEnv = #expect(throws: ConfigurationError.self) {
            try ClientConfiguration.inCluster(serviceAccountDirectory: dir, environment: [:])
        }
        #expect(noEnv?.message.contains("KUBERNETES_SERVICE_HOST") == true)
        let noToken = #expect(throws: ConfigurationError.self) {
            try ClientConfiguration.inCluster(
                serviceAccountDirectory: dir,
                environment: ["KUBERNETES_SERVICE_HOST": "h", "KUBERNETES_SERVICE_PORT": "1"])
        }
        #expect(noToken?.message.contains("\(dir)/token") == true)
    }

    @Test func tokenFileIsReReadWhenItChanges() throws {
        let dir = try Self.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/token"
        try Data("first".utf8).write(to: URL(fileURLWithPath: path))
        let source = TokenSource(token: nil, path: path)
        #expect(source.token() == "first")
        try Data("second-token".utf8).write(to: URL(fileURLWithPath: path))
        #expect(source.token() == "second-token")
    }
}
