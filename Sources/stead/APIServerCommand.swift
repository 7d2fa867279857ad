import ArgumentParser
import ControlPlane
import Foundation
import Logging
import ServiceLifecycle
import SteadRuntime

struct APIServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apiserver",
        abstract: "Run the embedded Kubernetes-compatible API server (SQLite on disk) for kubectl and Stead."
    )

    @Option(help: "Folder for the SQLite database, the token and the kubeconfig.")
    var dataDir: String = ".stead"

    @Option(help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free one).")
    var port: Int = 6443

    @Option(help: "Where to write the kubeconfig (default: DATA_DIR/kubeconfig).")
    var kubeconfig: String?

    @Option(help: "Append an audit.k8s.io/v1 Event (level Metadata) per request to this file, as JSON lines.")
    var auditLogPath: String?

    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        logging.bootstrap()
        let logger = Logger(label: "stead.apiserver")
        var options = APIServerOptions(dataDirectory: dataDir)
        options.host = host
        options.port = port
        options.auditLogPath = auditLogPath.map(absolutePath)
        let kubeconfigPath = absolutePath(kubeconfig ?? "\(dataDir)/kubeconfig")
        let server = try await StartupFailure.cleaningUp(
            dataDirectory: dataDir, remedy: { _ in "Choose another port: stead apiserver --port \(port + 1), or --port 0 for a free one." }
        ) {
            let server = try EmbeddedAPIServer(options: options, logger: logger)
            try await server.start()
            do {
                try server.writeKubeconfig(to: kubeconfigPath)
            } catch {
                await server.stop()
                throw error
            }
            return server
        }
        say("""
            stead apiserver ready at \(server.baseURL), data in \(absolutePath(dataDir))
              export KUBECONFIG=\(kubeconfigPath)
              kubectl get namespaces
            """)

        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: server)],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        try await group.run()
    }
}
