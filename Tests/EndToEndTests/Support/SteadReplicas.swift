import Foundation
import KubeClient
import KubeModel
import SteadTestSupport

/// The `stead run` processes of the run (this build's binary, the Deployment's arguments, the
/// ServiceAccount's token), leader-elected as the Deployment's replicas are. Scenarios share them; one
/// that kills a replica leaves the others (or starts a new one) for the next.
actor SteadReplicas {
    struct Replica: Sendable {
        let process: ChildProcess
        let identity: String
        /// `http://127.0.0.1:PORT`: /metrics, /healthz, /readyz.
        let base: String

        var isRunning: Bool { process.process.isRunning }
    }

    static let leaseName = "stead"

    private let arguments: [String]
    private let admin: KubeClient
    private var replicas: [Replica] = []
    private var started = 0

    init(arguments: [String], admin: KubeClient) {
        self.arguments = arguments
        self.admin = admin
    }

    var running: [Replica] { replicas.filter(\.isRunning) }

    /// Starts one more replica and waits until it serves its metrics.
    @discardableResult
    func start() async throws -> Replica {
        started += 1
        let identity = "e2e-\(E2EConfiguration.runID)-\(started)"
        let process = try ChildProcess(TestPaths.stead, arguments + ["--leader-elect-identity", identity])
        guard let line = await process.waitForLine(containing: "stead run started", timeout: 60),
            let url = line.split(separator: " ").first(where: { $0.hasPrefix("http://") })
        else {
            process.signal(SIGKILL)
            throw E2EError("stead run did not start:\n" + process.lines.suffix(20).joined(separator: "\n"))
        }
        let replica = Replica(
            process: process, identity: identity,
            base: String(url.trimmingCharacters(in: [","])).replacingOccurrences(of: "/metrics", with: ""))
        replicas.append(replica)
        return replica
    }

    /// The replica holding the Lease once its loops are ready, starting one if none runs.
    func leader(timeout: Duration = .seconds(90)) async throws -> Replica {
        if running.isEmpty { try await start() }
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let holder = try? await admin.get(Lease.self, name: Self.leaseName, namespace: Installation.namespace)
                .spec?.holderIdentity
            if let leader = running.first(where: { $0.identity == holder }),
                await Self.metrics(of: leader)?.contains("stead_scheduler_schedule_attempts_total") == true
            {
                return leader
            }
            try await Task.sleep(for: .milliseconds(250))
        }
        throw E2EError("no running replica of \(running.map(\.identity)) took the lease")
    }

    /// The replica's Prometheus text, or nil when it does not answer.
    static func metrics(of replica: Replica) async -> String? {
        try? await httpGet(replica.base + "/metrics").body
    }

    /// The value of one series (a name, with its labels if it has any) in the replica's /metrics.
    static func metricValue(_ name: String, of replica: Replica) async -> Double? {
        guard let text = await metrics(of: replica) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(name + " ") {
            return Double(line.split(separator: " ").last ?? "")
        }
        return nil
    }

    func output(of replica: Replica) -> [String] { replica.process.lines }
}
