import Foundation
import KubeClient
import KubeModel
import SteadScheduler
import Testing

/// `stead run` as a process against `stead apiserver`: metrics, health, readiness, leader election.
@Suite("stead run")
struct RunCommandTests {
    static func startRun(_ server: APIServerProcess, _ extra: [String] = []) async throws -> (ChildProcess, String) {
        let child = try ChildProcess(
            TestPaths.stead,
            ["run", "--kubeconfig", server.kubeconfig, "--metrics-address", "127.0.0.1:0", "--install-crd",
             "--log-level", "warning"] + extra)
        guard let line = await child.waitForLine(containing: "stead run started", timeout: 60),
            let url = line.split(separator: " ").first(where: { $0.hasPrefix("http://") })
        else {
            child.signal(SIGKILL)
            throw RunStartError(output: child.lines)
        }
        return (child, String(url.trimmingCharacters(in: [","])).replacingOccurrences(of: "/metrics", with: ""))
    }

    struct RunStartError: Error, CustomStringConvertible {
        var output: [String]
        var description: String { "stead run did not start:\n" + output.joined(separator: "\n") }
    }

    @Test func servesPrometheusTextWithTheSchedulerMetrics() async throws {
        let server = try await APIServerProcess.start(dataDirectory: try TestPaths.temporaryDirectory())
        defer { server.child.signal(SIGKILL) }
        let (run, base) = try await Self.startRun(server)
        defer { run.signal(SIGKILL) }

        #expect(try await httpGet(base + "/healthz").status == 200)
        let ready = await waitForStatus(base + "/readyz", 200)
        #expect(ready?.status == 200, "readyz: \(ready?.body ?? "no answer")")
        let metrics = try await httpGet(base + "/metrics")
        #expect(metrics.status == 200)
        for name in SchedulerMetricNames.all {
            #expect(metrics.body.contains("# TYPE \(name)"), "missing \(name)")
        }
        #expect(metrics.body.contains(#"stead_scheduler_schedule_attempts_total{result="scheduled"} 0"#))
        for reason in SchedulerMetricNames.fallbackReasons {
            #expect(metrics.body.contains(#"stead_scheduler_sticky_fallbacks_total{reason="\#(reason)"}"#))
        }
        #expect(metrics.body.contains("\(SchedulerMetricNames.algorithmDuration)_bucket"))
        #expect(try await httpGet(base + "/nothing").status == 404)

        run.signal(SIGINT)
        #expect(await run.waitForExit(timeout: 60) == 0, "\(run.lines)")
    }

    @Test func onlyTheLeaseHolderRunsTheLoopsAndAStopHandsOver() async throws {
        let server = try await APIServerProcess.start(dataDirectory: try TestPaths.temporaryDirectory())
        defer { server.child.signal(SIGKILL) }
        let election = ["--leader-elect", "--leader-elect-namespace", "default"]
        var candidates: [(process: ChildProcess, base: String, identity: String)] = []
        for _ in 0..<2 {
            let (process, base) = try await Self.startRun(server, election)
            let identity = process.lines.first { $0.contains("leader election as ") }?
                .components(separatedBy: "leader election as ").last ?? ""
            candidates.append((process, base, identity))
        }
        defer { for candidate in candidates { candidate.process.signal(SIGKILL) } }
        #expect(Set(candidates.map(\.identity)).count == 2 && !candidates.contains { $0.identity.isEmpty })
        // A standby is ready too: readiness needs the lease to be readable, not held.
        for candidate in candidates { #expect(await waitForStatus(candidate.base + "/readyz", 200)?.status == 200) }

        let client = try KubeClient(configuration: try ClientConfiguration.fromKubeconfigFile(path: server.kubeconfig))
        let holder = try #require(await Self.waitForHolder(client) { holder in candidates.contains { $0.identity == holder } })
        let leader = try #require(candidates.first { $0.identity == holder })
        let standby = try #require(candidates.first { $0.identity != holder })
        // Only the leader made a scheduler, so only its /metrics has the scheduler's series.
        #expect(await Self.waitForMetric(leader.base, SchedulerMetricNames.scheduleAttempts))
        #expect(!(try await httpGet(standby.base + "/metrics").body.contains(SchedulerMetricNames.scheduleAttempts)))

        leader.process.signal(SIGINT)
        #expect(await leader.process.waitForExit(timeout: 60) == 0, "\(leader.process.lines)")
        #expect(await Self.waitForHolder(client) { $0 == standby.identity } != nil, "the lease was not handed over")
        #expect(await Self.waitForMetric(standby.base, SchedulerMetricNames.scheduleAttempts))
        try await client.shutdown()
    }

    /// A leader must stop before others may take over: retry < renew deadline < lease duration.
    @Test(arguments: [
        (["--leader-elect-lease-duration", "4s", "--leader-elect-renew-deadline", "4s"], "renew deadline"),
        (["--leader-elect-renew-deadline", "1s", "--leader-elect-retry-period", "1s"], "retry period"),
        (["--leader-elect-retry-period", "0"], "retry period"),
        (["--leader-elect-lease-duration", "soon"], "invalid duration"),
    ])
    func refusesElectionTimingsThatCannotWork(_ flags: [String], _ complaint: String) throws {
        let result = try runCommand(TestPaths.stead, ["run", "--leader-elect"] + flags)
        #expect(result.status != 0)
        #expect(result.stderr.contains(complaint), "\(result.stderr)")
        #expect(result.stderr.contains("--leader-elect") || complaint == "invalid duration", "\(result.stderr)")
    }

    static func waitForMetric(_ base: String, _ name: String, timeout: Double = 60) async -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let body = try? await httpGet(base + "/metrics").body, body.contains(name) { return true }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    static func waitForHolder(_ client: KubeClient, timeout: Double = 60, until accept: (String) -> Bool) async -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let lease = try? await client.get(Lease.self, name: "stead", namespace: "default"),
                let holder = lease.spec?.holderIdentity, accept(holder)
            {
                return holder
            }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return nil
    }
}
