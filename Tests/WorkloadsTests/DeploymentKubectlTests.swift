import Foundation
import KubeModel
import SteadTestSupport
import Testing

@testable import Workloads

private let kubectlPath = "/usr/bin/kubectl"
private let kubectlPresent = FileManager.default.isExecutableFile(atPath: kubectlPath)

extension WorkloadClusterTests {
    /// The real kubectl reads the controllers' work: `rollout status` waits for a rollout and exits 0 when
    /// it is complete, `rollout history` lists the revisions, `rollout undo` goes back to the previous one.
    @Suite(.enabled(if: kubectlPresent, "kubectl is not installed at \(kubectlPath)"), .serialized, .timeLimit(.minutes(3)))
    struct DeploymentKubectlTests {
        @Test func rolloutStatusHistoryAndUndo() async throws {
            try await WorkloadCluster.with { cluster in
                let kubeconfig = cluster.api.directory + "/kubectl/kubeconfig"
                try cluster.api.server.writeKubeconfig(to: kubeconfig)
                func kubectl(_ arguments: String...) async throws -> CommandResult {
                    let run = try await Self.kubectl(arguments, cluster: cluster)
                    #expect(run.status == 0, "kubectl \(arguments.joined(separator: " ")): \(run.stderr)\(run.stdout)")
                    return run
                }
                let deployments = try await cluster.watchDeployments()
                try await cluster.createDeployment("shop", replicas: 3)
                let first = try await kubectl("rollout", "status", "deployment/shop", "--timeout=150s")
                #expect(first.stdout.contains("deployment \"shop\" successfully rolled out"), "\(first.stdout)")

                // Started while the second template rolls out: it follows the rollout and ends when it is done.
                let generation = try await cluster.setImage("shop", "shop:2")
                let second = try await kubectl("rollout", "status", "deployment/shop", "--timeout=150s")
                #expect(second.stdout.contains("successfully rolled out"), "\(second.stdout)")
                let done = try await waitForRollout(of: "shop", generation: generation, deployments)
                #expect(done.revision == 2)

                let history = try await kubectl("rollout", "history", "deployment/shop")
                #expect(revisions(in: history.stdout) == [1, 2], "\(history.stdout)")
                let detail = try await kubectl("rollout", "history", "deployment/shop", "--revision=1")
                #expect(detail.stdout.contains("shop:1"), "\(detail.stdout)")

                // Back to revision 1's template, which comes back as revision 3.
                _ = try await kubectl("rollout", "undo", "deployment/shop")
                _ = try await kubectl("rollout", "status", "deployment/shop", "--timeout=150s")
                let undone = try await kubectl("rollout", "history", "deployment/shop")
                #expect(revisions(in: undone.stdout) == [2, 3], "\(undone.stdout)")
                let image = try await kubectl("get", "deployment/shop", "-o", "jsonpath={.spec.template.spec.containers[0].image}")
                #expect(image.stdout == "shop:1")
            }
        }

        @Test func rolloutStatusFailsOnceTheProgressDeadlineIsExceeded() async throws {
            try await WorkloadCluster.with { cluster in
                let kubeconfig = cluster.api.directory + "/kubectl/kubeconfig"
                try cluster.api.server.writeKubeconfig(to: kubeconfig)
                try await cluster.createDeployment("stall", replicas: 1)
                let done = try await Self.kubectl(["rollout", "status", "deployment/stall", "--timeout=150s"], cluster: cluster)
                #expect(done.status == 0, "\(done.stderr)")
                // A template NodeSim never makes Ready, with a deadline of 1 s.
                try await cluster.patch(
                    "stall",
                    ["spec": ["progressDeadlineSeconds": 1, "template": WorkloadCluster.template(app: "stall", image: "stall:fail")]])
                let stuck = try await Self.kubectl(["rollout", "status", "deployment/stall", "--timeout=150s"], cluster: cluster)
                #expect(stuck.status == 1)
                #expect(stuck.stderr.contains("deployment \"stall\" exceeded its progress deadline"), "\(stuck.stderr)")
            }
        }

        /// kubectl against the cluster's kubeconfig (written under `kubectl/`), off the cooperative pool.
        static func kubectl(_ arguments: [String], cluster: WorkloadCluster) async throws -> CommandResult {
            let directory = cluster.api.directory + "/kubectl"
            return try await runLongCommand(
                kubectlPath, ["--kubeconfig", directory + "/kubeconfig", "--request-timeout=60s"] + arguments,
                environment: ["HOME": directory, "KUBECACHEDIR": directory + "/cache"])
        }

        /// The REVISION column of `kubectl rollout history`.
        private func revisions(in output: String) -> [Int] {
            output.split(separator: "\n").compactMap { line in line.split(separator: " ").first.flatMap { Int($0) } }
        }
    }
}
