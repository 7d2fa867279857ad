import Foundation
import KubeModel
import SteadTestSupport
import Testing

@testable import Workloads

private let kubectlPath = "/usr/bin/kubectl"
private let kubectlPresent = FileManager.default.isExecutableFile(atPath: kubectlPath)

/// The real kubectl reads the controllers' work: `rollout status` waits for a rollout and exits 0 when
/// it is complete, `rollout history` lists the revisions, `rollout undo` goes back to the previous one.
@Suite(.enabled(if: kubectlPresent, "kubectl is not installed at \(kubectlPath)"), .serialized, .timeLimit(.minutes(3)))
struct DeploymentKubectlTests {
    @Test func rolloutStatusHistoryAndUndo() async throws {
        try await WorkloadCluster.with { cluster in
            let kubeconfig = cluster.api.directory + "/kubectl/kubeconfig"
            try cluster.api.server.writeKubeconfig(to: kubeconfig)
            func kubectl(_ arguments: String...) async throws -> Kubectl.Run {
                let run = try await Kubectl.run(arguments, kubeconfig: kubeconfig)
                #expect(run.status == 0, "kubectl \(arguments.joined(separator: " ")): \(run.error)\(run.output)")
                return run
            }
            let deployments = try await cluster.watchDeployments()
            try await cluster.createDeployment("shop", replicas: 3)
            let first = try await kubectl("rollout", "status", "deployment/shop", "--timeout=20s")
            #expect(first.output.contains("deployment \"shop\" successfully rolled out"), "\(first.output)")

            // Started while the second template rolls out: it follows the rollout and ends when it is done.
            let generation = try await cluster.setImage("shop", "shop:2")
            let second = try await kubectl("rollout", "status", "deployment/shop", "--timeout=20s")
            #expect(second.output.contains("successfully rolled out"), "\(second.output)")
            let done = try await waitForRollout(of: "shop", generation: generation, deployments)
            #expect(done.revision == 2)

            let history = try await kubectl("rollout", "history", "deployment/shop")
            #expect(revisions(in: history.output) == [1, 2], "\(history.output)")
            let detail = try await kubectl("rollout", "history", "deployment/shop", "--revision=1")
            #expect(detail.output.contains("shop:1"), "\(detail.output)")

            // Back to revision 1's template, which comes back as revision 3.
            _ = try await kubectl("rollout", "undo", "deployment/shop")
            _ = try await kubectl("rollout", "status", "deployment/shop", "--timeout=20s")
            let undone = try await kubectl("rollout", "history", "deployment/shop")
            #expect(revisions(in: undone.output) == [2, 3], "\(undone.output)")
            let image = try await kubectl("get", "deployment/shop", "-o", "jsonpath={.spec.template.spec.containers[0].image}")
            #expect(image.output == "shop:1")
        }
    }

    @Test func rolloutStatusFailsOnceTheProgressDeadlineIsExceeded() async throws {
        try await WorkloadCluster.with { cluster in
            let kubeconfig = cluster.api.directory + "/kubectl/kubeconfig"
            try cluster.api.server.writeKubeconfig(to: kubeconfig)
            try await cluster.createDeployment("stall", replicas: 1)
            let done = try await Kubectl.run(["rollout", "status", "deployment/stall", "--timeout=20s"], kubeconfig: kubeconfig)
            #expect(done.status == 0, "\(done.error)")
            // A template NodeSim never makes Ready, with a deadline of 1 s.
            try await cluster.patch(
                "stall",
                ["spec": ["progressDeadlineSeconds": 1, "template": WorkloadCluster.template(app: "stall", image: "stall:fail")]])
            let stuck = try await Kubectl.run(["rollout", "status", "deployment/stall", "--timeout=20s"], kubeconfig: kubeconfig)
            #expect(stuck.status == 1)
            #expect(stuck.error.contains("deployment \"stall\" exceeded its progress deadline"), "\(stuck.error)")
        }
    }

    /// The REVISION column of `kubectl rollout history`.
    private func revisions(in output: String) -> [Int] {
        output.split(separator: "\n").compactMap { line in line.split(separator: " ").first.flatMap { Int($0) } }
    }
}

/// Runs kubectl with its output in files and waits through the termination handler, so no thread of
/// the cooperative pool blocks (the machine may have only two).
enum Kubectl {
    struct Run {
        var status: Int32
        var output: String
        var error: String
    }

    static func run(_ arguments: [String], kubeconfig: String) async throws -> Run {
        let directory = (kubeconfig as NSString).deletingLastPathComponent
        let outPath = directory + "/kubectl-\(UUID().uuidString).out"
        let errPath = directory + "/kubectl-\(UUID().uuidString).err"
        guard FileManager.default.createFile(atPath: outPath, contents: nil),
            FileManager.default.createFile(atPath: errPath, contents: nil)
        else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: directory]) }
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: kubectlPath)
        process.arguments = ["--kubeconfig", kubeconfig, "--request-timeout=20s"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = directory
        environment["KUBECACHEDIR"] = directory + "/cache"
        process.environment = environment
        process.standardOutput = FileHandle(forWritingAtPath: outPath)
        process.standardError = FileHandle(forWritingAtPath: errPath)
        process.standardInput = FileHandle.nullDevice
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { finished in continuation.resume(returning: finished.terminationStatus) }
            do {
                try ChildLaunch.start(process)
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        return Run(
            status: status, output: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            error: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }
}
