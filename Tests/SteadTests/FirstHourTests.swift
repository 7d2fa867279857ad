import Foundation
import SteadTestSupport
import Testing

/// What a new user meets after `stead up`, as issue 22 lists it, driven through one `stead up` with
/// kubectl and the stead CLI as the user runs them: the printed next steps, a second instance, explain,
/// invalid sets, the Events of an update, a rollback, logs and exec. A taken port is in
/// `StartupFailureTests`.
@Suite(
    "the first hour with stead up", .enabled(if: TestPaths.kubectl != nil, "kubectl is not installed"),
    .timeLimit(.minutes(3)))
struct FirstHourTests {
    @Test func everyMessageANewUserMeetsIsRightAndSaysWhatToDoNext() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let up = try await SteadUpProcess.start(dataDirectory: directory)
        defer { up.child.signal(SIGKILL) }

        try await thePrintedNextStepsWorkAsPrinted(up)
        try aSecondInstanceIsRefusedOnceAndClearly(directory: directory)
        try await explainDescribesTheFields(up)
        try await invalidSetsAreRefusedAtAdmission(up)
        try await anUpdateNamesEachPodAndARollbackBringsTheOldTemplateBack(up)
        try await logsAndExecAnswerAsAKubeletWould(up)
    }

    /// Every `$ ` command of the README's walkthrough, in order, from the repository root, as a user
    /// pastes it (the `export` is the one line left out: the test sets KUBECONFIG itself).
    @Test func theREADMEWalkthroughRunsAsPrinted() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let up = try await SteadUpProcess.start(dataDirectory: directory)
        defer { up.child.signal(SIGKILL) }
        let commands = try Self.walkthroughCommands()
        #expect(commands.contains { $0.hasPrefix("stead rollback") }, "the walkthrough shows no rollback")
        let steadFolder = URL(fileURLWithPath: TestPaths.stead).deletingLastPathComponent().path
        for command in commands where !command.hasPrefix("export ") {
            // Off the cooperative pool: `kubectl rollout status` blocks until the rollout is done.
            let result = try await runLongCommand(
                "/bin/sh", ["-c", "cd '\(RepositoryPaths.root.path)' && \(command)"],
                environment: [
                    "KUBECONFIG": up.kubeconfig,
                    "PATH": steadFolder + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
                ])
            #expect(result.status == 0, "\(command): \(result.stderr)")
            if command.hasPrefix("kubectl apply") {
                let ready = try await runLongCommand(
                    TestPaths.kubectl ?? "kubectl",
                    ["--kubeconfig", up.kubeconfig, "wait", "sps/web", "-n", "web", "--for=jsonpath={.status.readyReplicas}=3",
                     "--timeout=60s"])
                #expect(ready.status == 0, "\(ready.stderr)")
            }
        }
    }

    /// The commands of the console blocks of the README's "A kubectl walkthrough", continuation lines joined.
    static func walkthroughCommands() throws -> [String] {
        let readme = try String(contentsOf: RepositoryPaths.file("README.md"), encoding: .utf8)
        guard let start = readme.range(of: "## A kubectl walkthrough"),
            let end = readme.range(of: "\n## ", range: start.upperBound..<readme.endIndex)
        else { return [] }
        var commands: [String] = []
        var pending: String?
        for line in readme[start.upperBound..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false) {
            let text = String(line)
            if let continued = pending {
                pending = nil
                let joined = continued + " " + text.trimmingCharacters(in: .whitespaces)
                if joined.hasSuffix("\\") { pending = String(joined.dropLast()) } else { commands.append(joined) }
            } else if text.hasPrefix("$ ") {
                let command = String(text.dropFirst(2))
                if command.hasSuffix("\\") { pending = String(command.dropLast()) } else { commands.append(command) }
            }
        }
        return commands
    }

    /// The three lines under the ready line, run as printed from the repository root.
    private func thePrintedNextStepsWorkAsPrinted(_ up: SteadUpProcess) async throws {
        let steps = up.child.lines.drop { !$0.contains("stead up ready at") }.dropFirst().prefix(3)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        try #require(steps.count == 3, "\(up.child.lines)")
        #expect(steps[steps.startIndex] == "export KUBECONFIG=\(up.kubeconfig)")
        let apply = try #require(steps.dropFirst().first).split(separator: " ").map(String.init)
        #expect(apply == ["kubectl", "apply", "-f", "examples/web.yaml"])
        let applied = try await up.kubectl(["apply", "-f", RepositoryPaths.file(apply[3]).path])
        #expect(applied.status == 0, "\(applied.stderr)")

        let watch = try #require(steps.last).split(separator: " ").map(String.init)
        #expect(watch.first == "kubectl" && watch.contains("-w"), "\(watch)")
        let watching = try ChildProcess(TestPaths.kubectl ?? "kubectl", ["--kubeconfig", up.kubeconfig] + watch.dropFirst())
        defer { watching.signal(SIGKILL) }
        let running = await watching.waitForLine(containing: "Running", timeout: 60)
        #expect(running?.hasPrefix("web-") == true, "\(watching.lines)")
    }

    private func aSecondInstanceIsRefusedOnceAndClearly(directory: String) throws {
        let second = try runCommand(TestPaths.stead, ["up", "--data-dir", directory, "--port", "0", "--nodes", "1"])
        #expect(second.status == 1)
        let message = "the data directory \(directory) is in use by another API server; stop it or choose another --data-dir"
        #expect(second.stderr.components(separatedBy: message).count == 2, "said other than once: \(second.stderr)")
    }

    private func explainDescribesTheFields(_ up: SteadUpProcess) async throws {
        let explain = try await up.kubectl(["explain", "statefulpodset.spec.updateStrategy.rollingUpdate"])
        #expect(explain.status == 0, "\(explain.stderr)")
        #expect(explain.stdout.contains("Pods with an ordinal below it keep the current revision"), "\(explain.stdout)")
        #expect(!explain.stdout.contains("<no description>"), "\(explain.stdout)")
    }

    private func invalidSetsAreRefusedAtAdmission(_ up: SteadUpProcess) async throws {
        let empty = try await up.kubectl(["apply", "-f", "-"], input: Self.set("empty", selector: "empty", containers: "[]"))
        #expect(empty.status != 0)
        #expect(empty.stderr.contains("spec.template.spec.containers") && empty.stderr.contains("at least 1 items"), "\(empty.stderr)")

        // v1.21 has no CEL rules for a CRD: Stead's admission webhook refuses a selector that misses the
        // template's labels, on create and on an update, as kube-apiserver refuses such a StatefulSet.
        let refusal = #"The StatefulPodSet "mismatch" is invalid: spec.template.metadata.labels: Invalid value: {"app":"mismatch"}: `selector` does not match template `labels`"#
        let mismatch = try await up.kubectl(
            ["apply", "-f", "-"], input: Self.set("mismatch", selector: "other", containers: "[{name: c, image: nginx}]"))
        #expect(mismatch.status != 0)
        #expect(mismatch.stderr.contains(refusal), "\(mismatch.stderr)")
        let valid = try await up.kubectl(
            ["apply", "-f", "-"], input: Self.set("mismatch", selector: "mismatch", containers: "[{name: c, image: nginx}]"))
        #expect(valid.status == 0, "\(valid.stderr)")
        let patch = try await up.kubectl(
            ["patch", "sps/mismatch", "-n", "web", "--type=merge", "-p", #"{"spec":{"selector":{"matchLabels":{"app":"other"}}}}"#])
        #expect(patch.status != 0)
        #expect(patch.stderr.contains(refusal), "\(patch.stderr)")
        let stored = try await up.kubectl(["get", "sps/mismatch", "-n", "web", "-o", "jsonpath={.spec.selector.matchLabels.app}"])
        #expect(stored.stdout == "mismatch")
        _ = try await up.kubectl(["delete", "sps/mismatch", "-n", "web", "--wait=false"])
    }

    private func anUpdateNamesEachPodAndARollbackBringsTheOldTemplateBack(_ up: SteadUpProcess) async throws {
        let first = try await up.kubectl(["get", "sps/web", "-n", "web", "-o", "jsonpath={.status.updateRevision}"]).stdout
        let patched = try await up.kubectl([
            "patch", "sps", "web", "-n", "web", "--type=json",
            "-p", #"[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"nginx:1.28"}]"#,
        ])
        #expect(patched.status == 0, "\(patched.stderr)")
        // This rollout's in-place count goes 0 -> 3; then every pod runs the new revision.
        let inPlace = try await up.kubectl(["wait", "sps/web", "-n", "web", "--for=jsonpath={.status.updatedInPlace}=3", "--timeout=60s"])
        #expect(inPlace.status == 0, "\(inPlace.stderr)")
        let second = try await up.kubectl(["get", "sps/web", "-n", "web", "-o", "jsonpath={.status.updateRevision}"]).stdout
        #expect(second != first)
        try await waitForRollout(up, to: second)
        let described = try await up.kubectl(["describe", "sps", "web", "-n", "web"]).stdout
        for ordinal in 0..<3 {
            #expect(described.contains("pod web-\(ordinal) updated in place: image nginx: nginx:1.27 -> nginx:1.28"), "\(described)")
        }

        let rollback = try runCommand(TestPaths.stead, ["rollback", "web", "-n", "web", "--kubeconfig", up.kubeconfig])
        #expect(rollback.status == 0, "\(rollback.stderr)")
        #expect(rollback.stdout.hasPrefix("statefulpodset web rolled back to revision 1 (\(first))"), "\(rollback.stdout)")
        try await waitForRollout(up, to: first)
        let status = try runCommand(TestPaths.stead, ["status", "web", "-n", "web", "--kubeconfig", up.kubeconfig])
        #expect(status.stdout.components(separatedBy: "in place (image nginx: nginx:1.28 -> nginx:1.27)").count == 4, "\(status.stdout)")
    }

    /// Waits through a watch (`kubectl wait`) until every pod runs `revision` and is ready.
    private func waitForRollout(_ up: SteadUpProcess, to revision: String) async throws {
        for condition in ["{.status.currentRevision}=\(revision)", "{.status.readyReplicas}=3"] {
            let done = try await up.kubectl(["wait", "sps/web", "-n", "web", "--for=jsonpath=\(condition)", "--timeout=60s"])
            #expect(done.status == 0, "\(condition): \(done.stderr)")
        }
    }

    private func logsAndExecAnswerAsAKubeletWould(_ up: SteadUpProcess) async throws {
        let logs = try await up.kubectl(["logs", "web-0", "-n", "web"])
        #expect(logs.status == 0, "\(logs.stderr)")
        #expect(logs.stdout.contains("container nginx (nginx:1.27) started on simulated node"), "\(logs.stdout)")
        #expect(logs.stdout.hasSuffix("a simulated container writes no output\n"))
        let exec = try await up.kubectl(["exec", "web-0", "-n", "web", "--", "sh"])
        #expect(exec.status != 0)
        #expect(exec.stderr.contains("runs on a simulated node"), "\(exec.stderr)")
    }

    static func set(_ name: String, selector: String, containers: String) -> String {
        """
        apiVersion: stead.dev/v1alpha1
        kind: StatefulPodSet
        metadata: {name: \(name), namespace: web}
        spec:
          selector: {matchLabels: {app: \(selector)}}
          template:
            metadata: {labels: {app: \(name)}}
            spec: {containers: \(containers)}
        """
    }
}
