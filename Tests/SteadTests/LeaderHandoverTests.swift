import ControlPlane
import Foundation
import KubeClient
import KubeModel
import SteadAPI
import SteadController
import SteadRuntime
import SteadTestSupport
import Testing

/// Issue 8, leader election, judged from the API server's audit log: with two `stead run --leader-elect`
/// replicas only the leader writes; a SIGKILLed leader is replaced as soon as its lease expires and the
/// rollout completes in place; a leader frozen with SIGSTOP and resumed after another took over sends
/// no write from then on. The fault points come from a seeded generator: the seed is printed, and
/// STEAD_FAULT_SEED=<seed> replays it.
@Suite("Leader hand-over between stead run replicas", .serialized)
struct LeaderHandoverTests {
    static let oldImage = "nginx:1.27"
    static let killImage = "nginx:1.28"
    static let freezeImage = "nginx:1.29"

    @Test func onlyTheLeaderWritesAKilledLeaderIsReplacedAndAFrozenOneWritesNothingAfterTheTakeOver() async throws {
        var random = SplitMix64(seed: SplitMix64.faultSeed())
        print("leader hand-over: seed \(random.seed) (STEAD_FAULT_SEED=\(random.seed) replays it)")
        try await HandoverCluster.with { cluster in
            let first = try await cluster.startReplica("replica-a")
            let second = try await cluster.startReplica("replica-b")
            let leader = try await cluster.waitForHolder(among: [first, second])
            let standby = leader == first ? second : first
            try await cluster.createSet(image: Self.oldImage)
            let initial = try await cluster.waitForRollout(image: Self.oldImage)

            // A SIGKILL mid-rollout: the standby takes over once the lease expires and finishes the rollout.
            try await cluster.setImage(Self.killImage)
            let killProgress = try await cluster.waitForMidRollout(image: Self.killImage)
            try await Task.sleep(for: .seconds(random.uniform(0...1)))
            leader.process.signal(SIGKILL)
            _ = await leader.process.waitForExit(timeout: 30)
            print("  SIGKILL \(leader.identity) with \(killProgress) pods on \(Self.killImage)")
            let beforeKill = cluster.audit()
            Self.expectOnlyLeaderWrote(beforeKill, leader: leader, standby: standby)
            #expect(try await cluster.waitForHolder(among: [standby]) == standby)
            let afterKill = try await cluster.waitForRollout(image: Self.killImage)
            #expect(afterKill == initial, "pods moved or were replaced: \(initial) -> \(afterKill)")
            Self.expectPromptTakeOver(cluster.audit(), dead: leader, next: standby)

            // A SIGSTOP mid-rollout, resumed once another replica has taken over and written.
            let third = try await cluster.startReplica("replica-c")
            let frozenUpdate = Date()
            try await cluster.setImage(Self.freezeImage)
            let freezeProgress = try await cluster.waitForMidRollout(image: Self.freezeImage)
            try await Task.sleep(for: .seconds(random.uniform(0...1)))
            standby.process.signal(SIGSTOP)
            let stoppedAt = Date()
            let takeOverWrite = try await cluster.waitForWrite(by: third, after: stoppedAt)
            standby.process.signal(SIGCONT)
            let resumedAt = Date()
            print("  SIGSTOP \(standby.identity) with \(freezeProgress) pods on \(Self.freezeImage), SIGCONT after "
                + "\(third.identity) wrote \(takeOverWrite.summary)")
            let noticed = await standby.process.waitForLine(containing: "lost the lease", timeout: 60)
            #expect(noticed != nil, "\(standby.identity) never noticed it lost the lease: \(standby.process.lines.suffix(20))")
            let afterFreeze = try await cluster.waitForRollout(image: Self.freezeImage)
            #expect(afterFreeze == initial, "pods moved or were replaced: \(initial) -> \(afterFreeze)")
            let fenced = standby.process.lines.filter { $0.contains("not sent") }
            print("  \(standby.identity) had \(fenced.count) write(s) refused by its fence after SIGCONT"
                + fenced.prefix(3).map { "\n    " + $0.prefix(300) }.joined())
            Self.expectNoWriteAfterTakeOver(
                cluster.audit(), frozen: standby, next: third,
                times: FreezeTimes(update: frozenUpdate, stopped: stoppedAt, resumed: resumedAt))
        }
    }

    // MARK: Checks on the audit log

    /// Until the kill, the replicas' writes other than the Lease (and the CRD each installs at start)
    /// all came from the leader.
    static func expectOnlyLeaderWrote(_ audit: [AuditEvent], leader: Replica, standby: Replica) {
        let loopWrites = audit.filter { $0.isWrite && $0.isLoopWrite }
        let byStandby = loopWrites.filter { $0.userAgent == standby.userAgent }
        #expect(byStandby.isEmpty, "the standby wrote: \(byStandby.prefix(10).map(\.summary))")
        let writers = Set(loopWrites.compactMap(\.userAgent).filter { $0.hasPrefix(Replica.userAgentPrefix) })
        #expect(writers == [leader.userAgent], "writers before the kill: \(writers.sorted())")
        let standbyLease = audit.filter { $0.isWrite && $0.userAgent == standby.userAgent && $0.resource == "leases" }
        #expect(standbyLease.allSatisfy { $0.responseStatus?.code != 200 }, "the standby renewed the lease while the leader lived")
    }

    /// The next leader took the lease over once it had expired as it observed it (a lease duration
    /// after it read the last renewal), and at its first try after that: it read the lease at most once
    /// (the read of the acquisition itself) once the lease had surely expired. "Surely" allows half a
    /// retry period for a read's trip to the server.
    static func expectPromptTakeOver(_ audit: [AuditEvent], dead: Replica, next: Replica) {
        let leaseEvents = audit.filter { $0.resource == "leases" && $0.objectRef?.name == "stead" }
        let nextReads = leaseEvents.filter { $0.userAgent == next.userAgent && $0.verb == "get" }
        guard
            let lastRenewal = leaseEvents.last(where: { $0.userAgent == dead.userAgent && $0.verb == "update" && $0.succeeded }),
            let acquired = leaseEvents.first(where: {
                $0.userAgent == next.userAgent && $0.verb == "update" && $0.succeeded
                    && $0.requestReceivedTimestamp > lastRenewal.requestReceivedTimestamp
            }),
            // The first read that may have seen the last renewal, and the first that surely did.
            let mayHaveSeen = nextReads.first(where: { $0.requestReceivedTimestamp > lastRenewal.requestReceivedTimestamp }),
            let surelySaw = nextReads.first(where: { $0.requestReceivedTimestamp > lastRenewal.stageTimestamp })
        else {
            Issue.record("no hand-over in the audit log")
            return
        }
        let lease = ReplicaTiming.leaseDuration
        let expired = surelySaw.requestReceivedTimestamp.addingTimeInterval(lease + ReplicaTiming.retryPeriod / 2)
        let readsAfterExpiry = nextReads.filter {
            $0.requestReceivedTimestamp > expired && $0.requestReceivedTimestamp < acquired.requestReceivedTimestamp
        }
        let gap = acquired.requestReceivedTimestamp.timeIntervalSince(lastRenewal.requestReceivedTimestamp)
        let report = "last renewal by \(dead.identity) \(lastRenewal.at), \(next.identity) read it \(surelySaw.at), "
            + "acquired \(acquired.at): \(seconds(gap)) after the last renewal (lease \(lease) s, "
            + "retry \(ReplicaTiming.retryPeriod) s); reads after expiry before acquiring: \(readsAfterExpiry.count)"
        print("  take-over: " + report)
        #expect(readsAfterExpiry.count <= 1, "\(report)")
        // The standby's clock starts just before its read is sent: a tenth of a second for that trip.
        #expect(acquired.requestReceivedTimestamp >= mayHaveSeen.requestReceivedTimestamp.addingTimeInterval(lease - 0.1),
            "acquired before the lease expired: \(report)")
    }

    struct FreezeTimes {
        var update: Date
        var stopped: Date
        var resumed: Date
    }

    /// The server took no write from the frozen leader once the next leader had started writing. A
    /// request already on its way when the process froze may reach the server, but only to be refused:
    /// a renewal with a stale resourceVersion (409), or a write cut off by the fence before its body.
    static func expectNoWriteAfterTakeOver(_ audit: [AuditEvent], frozen: Replica, next: Replica, times: FreezeTimes) {
        let frozenWrites = audit.filter { $0.isWrite && $0.userAgent == frozen.userAgent }
        let nextWrites = audit.filter { $0.isWrite && $0.isLoopWrite && $0.userAgent == next.userAgent }
        guard let nextFirst = nextWrites.first else {
            Issue.record("\(next.identity) never wrote")
            return
        }
        let before = frozenWrites.filter { $0.isLoopWrite && $0.requestReceivedTimestamp >= times.update
            && $0.requestReceivedTimestamp < times.stopped }
        let attempts = frozenWrites.filter { $0.requestReceivedTimestamp > nextFirst.requestReceivedTimestamp }
        let late = attempts.filter(\.succeeded)
        let acquired = audit.first {
            $0.resource == "leases" && $0.verb == "update" && $0.succeeded && $0.userAgent == next.userAgent
        }
        let intervals = """
            \(frozen.identity) wrote \(before.count) time(s) in the rollout before SIGSTOP \
            [\(before.first?.at ?? "-") ... \(before.last?.at ?? "-")]; SIGSTOP \(KubeTime(times.stopped, microseconds: true)); \
            \(next.identity) acquired \(acquired?.at ?? "-"), first wrote \(nextFirst.summary); \
            SIGCONT \(KubeTime(times.resumed, microseconds: true)); \(frozen.identity)'s write requests after that: \
            \(attempts.isEmpty ? "none" : attempts.map(\.summary).joined(separator: ", "))
            """
        print("  fence: " + intervals)
        #expect(!before.isEmpty, "the frozen replica was not the one writing: \(intervals)")
        #expect(late.isEmpty, "writes the server took from the frozen leader after the take-over: \(intervals)")
    }
}

/// The short election settings every replica runs with.
enum ReplicaTiming {
    static let leaseDuration = 6.0
    static let retryPeriod = 1.0
    /// Four seconds to renew: a loaded machine (the whole suite running) must not lose the lease on its own.
    static let arguments = [
        "--leader-elect", "--leader-elect-namespace", "default", "--leader-elect-lease-duration", "6s",
        "--leader-elect-renew-deadline", "4s", "--leader-elect-retry-period", "1s",
    ]
}

/// One `stead run --leader-elect` process and the name it campaigns (and sends requests) under.
struct Replica: Equatable {
    static let userAgentPrefix = "stead/"
    let process: ChildProcess
    let identity: String

    var userAgent: String { "stead/0.1 (\(identity))" }

    static func == (lhs: Replica, rhs: Replica) -> Bool { lhs.identity == rhs.identity }
}

extension AuditEvent {
    var isWrite: Bool { ["create", "update", "patch", "delete", "deletecollection"].contains(verb) }
    var resource: String? { objectRef?.resource }
    var succeeded: Bool { (200..<300).contains(responseStatus?.code ?? 0) }
    /// A write of Stead's loops: anything but the election Lease and the CRD installed at start.
    var isLoopWrite: Bool { resource != "leases" && resource != "customresourcedefinitions" }
    var at: String { KubeTime(requestReceivedTimestamp, microseconds: true).description }

    var summary: String {
        let target = [resource.map { $0 + (objectRef?.subresource.map { "/" + $0 } ?? "") }, objectRef?.name]
            .compactMap { $0 }.joined(separator: " ")
        return "\(verb) \(target) at \(at) -> \(responseStatus?.code ?? 0)"
    }
}

private func seconds(_ interval: TimeInterval) -> String { String(format: "%.2f s", interval) }

/// `stead apiserver` with an audit log, `stead nodesim`, the `stead run` replicas, and a client.
final class HandoverCluster: @unchecked Sendable {
    static let namespace = "default"
    static let set = "handover"
    static let replicas = 3

    let server: APIServerProcess
    let auditPath: String
    let client: KubeClient
    private(set) var replicas: [Replica] = []

    private init(server: APIServerProcess, auditPath: String, client: KubeClient) {
        self.server = server
        self.auditPath = auditPath
        self.client = client
    }

    /// Runs `body` against a fresh cluster, stopped and removed afterwards whatever happens.
    static func with(_ body: (HandoverCluster) async throws -> Void) async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let auditPath = directory + "/audit.log"
        let server = try await APIServerProcess.start(dataDirectory: directory, arguments: ["--audit-log-path", auditPath])
        defer { server.child.signal(SIGKILL) }
        let nodeSim = try await startNodeSim(kubeconfig: server.kubeconfig)
        defer { nodeSim.signal(SIGKILL) }
        let client = try KubeClient(configuration: try ClientConfiguration.fromKubeconfigFile(path: server.kubeconfig))
        let cluster = HandoverCluster(server: server, auditPath: auditPath, client: client)
        defer { for replica in cluster.replicas { replica.process.signal(SIGCONT); replica.process.signal(SIGKILL) } }
        do {
            try await body(cluster)
        } catch {
            for replica in cluster.replicas {
                print("\(replica.identity), last lines:\n" + replica.process.lines.suffix(20).joined(separator: "\n"))
            }
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    /// Containers restart in half a second; with a grace period and minReadySeconds a rollout of three
    /// pods takes several seconds, long enough to fault it in the middle.
    private static func startNodeSim(kubeconfig: String) async throws -> ChildProcess {
        try await NodeSimProcess.start(
            kubeconfig: kubeconfig, arguments: ["--nodes", "\(replicas)", "--zones", "1", "--restart-latency", "500ms"])
    }

    func startReplica(_ identity: String) async throws -> Replica {
        let (process, _) = try await RunCommandTests.startRun(
            server, ReplicaTiming.arguments + ["--leader-elect-identity", identity])
        let replica = Replica(process: process, identity: identity)
        replicas.append(replica)
        return replica
    }

    func audit() -> [AuditEvent] { AuditLog.read(path: auditPath) }

    /// Waits (a hang guard) until one of `candidates` holds the lease.
    func waitForHolder(among candidates: [Replica]) async throws -> Replica {
        let holder = await RunCommandTests.waitForHolder(client, timeout: 120) { holder in
            candidates.contains { $0.identity == holder }
        }
        return try #require(candidates.first { $0.identity == holder }, "none of \(candidates.map(\.identity)) took the lease")
    }

    /// Waits (a hang guard) for a write of the loops by `replica` received after `instant`.
    func waitForWrite(by replica: Replica, after instant: Date) async throws -> AuditEvent {
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline {
            if let write = audit().first(where: {
                $0.isWrite && $0.isLoopWrite && $0.userAgent == replica.userAgent && $0.requestReceivedTimestamp > instant
            }) {
                return write
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw HandoverTimeout(what: "a write by \(replica.identity)")
    }

    // MARK: The set

    func createSet(image: String) async throws {
        let container: JSONValue = [
            "name": "app", "image": .string(image), "resources": ["requests": ["cpu": "100m", "memory": "64Mi"]],
        ]
        let spec = StatefulPodSetSpec(
            replicas: Int32(Self.replicas), selector: LabelSelector(matchLabels: ["app": Self.set]),
            template: PodTemplateSpec(json: ["metadata": ["labels": ["app": .string(Self.set)]], "spec": ["containers": [container]]]),
            minReadySeconds: 1,
            updateStrategy: UpdateStrategy(
                rollingUpdate: RollingUpdateStrategy(
                    maxUnavailable: .int(1), inPlaceGracePeriodSeconds: 1, podUpdatePolicy: .inPlaceIfPossible)))
        _ = try await client.create(
            StatefulPodSet(metadata: ObjectMeta(name: Self.set, namespace: Self.namespace), spec: spec),
            namespace: Self.namespace)
    }

    func setImage(_ image: String) async throws {
        _ = try await client.patch(
            StatefulPodSet.self, name: Self.set, namespace: Self.namespace,
            patch: .json([["op": "replace", "path": "/spec/template/spec/containers/0/image", "value": .string(image)]]))
    }

    /// Waits (a hang guard) until some but not all pods run `image`; returns "n/replicas".
    func waitForMidRollout(image: String) async throws -> String {
        let deadline = ContinuousClock.now + .seconds(120)
        var images: [String] = []
        while ContinuousClock.now < deadline {
            let pods = (try? await client.listAll(Pod.self, namespace: Self.namespace).items) ?? []
            images = pods.map { "\($0.name) \($0.spec?.containers.first?.image ?? "none")" }
            let updated = pods.filter { $0.spec?.containers.first?.image == image }.count
            if updated > 0 && updated < Self.replicas { return "\(updated)/\(Self.replicas)" }
            if updated == Self.replicas { throw HandoverTimeout(what: "a fault point: the rollout to \(image) was over first") }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw HandoverTimeout(what: "the rollout to \(image) to be under way; pods: \(images)")
    }

    /// Waits (a hang guard) until the set has rolled out: every pod Ready, running `image`, labelled with
    /// the update revision. Returns each pod's UID and node by name.
    func waitForRollout(image: String) async throws -> [String: String] {
        let deadline = ContinuousClock.now + .seconds(180)
        var last = "nothing read"
        while ContinuousClock.now < deadline {
            if let set = try? await client.get(StatefulPodSet.self, name: Self.set, namespace: Self.namespace),
                let pods = try? await client.listAll(Pod.self, namespace: Self.namespace).items
            {
                last = "status \(String(describing: set.status)); pods \(pods.map { "\($0.name) \($0.spec?.containers.first?.image ?? "")" })"
                if let placed = Self.rolledOut(set, pods, image: image) { return placed }
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw HandoverTimeout(what: "the rollout to \(image); last: \(last)")
    }

    private static func rolledOut(_ set: StatefulPodSet, _ pods: [Pod], image: String) -> [String: String]? {
        guard let status = set.status, status.observedGeneration == set.metadata.generation,
            status.updatedReplicas == Int32(replicas), status.readyReplicas == Int32(replicas),
            let revision = status.updateRevision, pods.count == replicas
        else { return nil }
        let done = pods.allSatisfy { pod in
            pod.spec?.containers.first?.image == image && pod.status?.containerStatuses?.first?.image == image
                && pod.metadata.labels?[SteadKeys.revisionHash] == revision
                && pod.status?.conditions?.contains { $0.type == "Ready" && $0.status == "True" } == true
        }
        guard done else { return nil }
        return Dictionary(uniqueKeysWithValues: pods.map { ($0.name, "\($0.metadata.uid ?? "")@\($0.spec?.nodeName ?? "")") })
    }
}

struct HandoverTimeout: Error, CustomStringConvertible {
    var what: String
    var description: String { "timed out waiting for \(what)" }
}
