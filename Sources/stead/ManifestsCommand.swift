import ArgumentParser
import Foundation
import SteadRuntime

struct ManifestsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manifests",
        abstract: "Print what installs Stead on a cluster: CRD, namespace, RBAC, Deployment (kubectl apply -f -).",
        discussion: "With --write-to DIR, writes DIR/stead.yaml, DIR/Dockerfile and its .dockerignore instead (that is how deploy/ is made)."
    )

    @Option(help: "Namespace Stead runs in.")
    var namespace: String = "stead-system"

    @Option(help: "Image of the Deployment.")
    var image: String = InstallManifests.defaultImage

    @Option(help: "Write stead.yaml and the Dockerfile into this folder instead of printing.")
    var writeTo: String?

    func validate() throws {
        guard !namespace.isEmpty, !image.isEmpty else { throw ValidationError("--namespace and --image must not be empty") }
    }

    func run() throws {
        let yaml = try YAMLDocuments.render(InstallManifests(namespace: namespace, image: image).documents)
        guard let writeTo else {
            FileHandle.standardOutput.write(Data(yaml.utf8))
            return
        }
        let folder = URL(fileURLWithPath: absolutePath(writeTo))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(yaml.utf8).write(to: folder.appendingPathComponent("stead.yaml"))
        try Data(Dockerfile.text.utf8).write(to: folder.appendingPathComponent("Dockerfile"))
        try Data(Dockerfile.ignore.utf8).write(to: folder.appendingPathComponent("Dockerfile.dockerignore"))
    }
}
