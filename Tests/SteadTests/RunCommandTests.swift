import Foundation
import SteadTestSupport
import KubeClient
import KubeModel
@testable import SteadScheduler
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
        // The algorithm takes microseconds: its buckets must resolve them (1 µs up), not start at 5 ms.
        #expect(metrics.body.contains(#"\#(SchedulerMetricNames.algorithmDuration)_bucket{path="new",le="0.000001"}"#))
        #expect(metrics.body.contains(#"\#(SchedulerMetricNames.algorithmDuration)_bucket{path="sticky",le="0.000008"}"#))
        #expect(metrics.body.contains(#"\#(SchedulerMetricNames.bindingDuration)_bucket{result="bound",le="0.001"}"#))
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

    enum Unsyncable: String, CaseIterable, CustomStringConvertible {
        /// Nothing listens on the server's port.
        case unreachable
        /// The server answers, with a certificate the kubeconfig does not trust.
        case untrusted
        var description: String { rawValue }
    }

    /// Informers that can never list must not keep `stead run` from stopping: SIGTERM ends it within
    /// the bounded shutdown, with or without leader election.
    @Test(arguments: Unsyncable.allCases, [false, true])
    func stopsOnSIGTERMBeforeItsInformersCouldSync(_ server: Unsyncable, leaderElect: Bool) async throws {
        let directory = try TestPaths.temporaryDirectory()
        var apiServer: APIServerProcess?
        let address: String
        switch server {
        case .unreachable:
            address = "https://127.0.0.1:\(try closedPort())"
        case .untrusted:
            let started = try await APIServerProcess.start(dataDirectory: directory + "/data")
            apiServer = started
            address = try #require(try String(contentsOfFile: started.kubeconfig, encoding: .utf8)
                .split(separator: "\n").first { $0.contains("server:") }?
                .split(separator: " ").last.map(String.init))
        }
        defer { apiServer?.child.signal(SIGKILL) }
        let kubeconfig = directory + "/kubeconfig"
        try """
            apiVersion: v1
            kind: Config
            clusters: [{name: c, cluster: {server: "\(address)"}}]
            users: [{name: u, user: {token: some-token}}]
            contexts: [{name: x, context: {cluster: c, user: u, namespace: default}}]
            current-context: x
            """.write(toFile: kubeconfig, atomically: true, encoding: .utf8)
        let election = leaderElect ? ["--leader-elect"] : []
        let run = try ChildProcess(
            TestPaths.stead,
            ["run", "--kubeconfig", kubeconfig, "--metrics-address", "127.0.0.1:0", "--log-level", "warning"] + election)
        defer { run.signal(SIGKILL) }
        // The loops are up and failing: a list (or the lease read) was refused at least once.
        let failure = leaderElect ? "cannot read the leader election lease" : "list/watch failed"
        #expect(await run.waitForLine(containing: failure, timeout: 60) != nil, "\(run.lines)")
        run.signal(SIGTERM)
        // Within the graceful part of the shutdown (10 s), not by its escalation to cancellation.
        #expect(await run.waitForExit(timeout: 8) == 0, "still running after SIGTERM: \(run.lines.suffix(5))")
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

/// A TCP port on 127.0.0.1 that nothing listens on (bound, then closed at once).
func closedPort() throws -> Int {
    let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0
        }
    }
    guard bound else { throw POSIXError(.EADDRNOTAVAIL) }
    return Int(UInt16(bigEndian: address.sin_port))
}
