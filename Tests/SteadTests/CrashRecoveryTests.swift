import Foundation
import KubeClient
import KubeModel
import SteadAPI
import SteadController
import SteadTestSupport
import Testing

/// Issue 8: `stead run` and `stead apiserver` killed with SIGKILL in the middle of a rolling update, each
/// a separate process started again at once. Every update completes, and over the whole watch timeline
/// no ordinal is lost or doubled, no pod leaves its node, and no pod is updated twice. Kill points come
/// from a seeded generator: the seed is printed, and STEAD_FAULT_SEED=<seed> replays it.
@Suite("crash recovery", .serialized)
struct CrashRecoveryTests {
    static let runKills = 20
    /// How long each `stead run` lives before its SIGKILL, counted from its start line: about a third of
    /// one pod's update (readiness gate, 1 s grace period, 2 s container restart), so kills fall before,
    /// during and after its informers sync and its writes.
    static let runLifetime = 0.05...1.2
    static let apiServerKills = 3

    @Test(arguments: [CrashScenario.inPlace, .sameNodeRecreate])
    func rolloutSurvivesKillsOfSteadRun(_ scenario: CrashScenario) async throws {
        var random = SplitMix64(seed: SplitMix64.faultSeed())
        try await CrashCluster.with { cluster in
            let rollout = try await RecordedRollout.start(scenario, in: cluster)
            var kills: [KillRecord] = []
            for index in 1...Self.runKills {
                try await Task.sleep(for: .seconds(random.uniform(Self.runLifetime)))
                await cluster.killRun()
                kills.append(await rollout.record(kill: index))
                try await Task.sleep(for: .seconds(random.uniform(0...0.3)))
                try await cluster.startRun()
            }
            try await rollout.finish(kills: kills, seed: random.seed, what: "SIGKILLs of stead run")
        }
    }

    @Test(arguments: [CrashScenario.inPlace, .sameNodeRecreate])
    func rolloutSurvivesAPIServerRestarts(_ scenario: CrashScenario) async throws {
        var random = SplitMix64(seed: SplitMix64.faultSeed())
        try await CrashCluster.with { cluster in
            let rollout = try await RecordedRollout.start(scenario, in: cluster)
            var kills: [KillRecord] = []
            for index in 1...Self.apiServerKills {
                try await Task.sleep(for: .seconds(random.uniform(1.0...5.0)))
                let progress = await rollout.record(kill: index)
                try await cluster.restartAPIServer(pause: .seconds(random.uniform(0...0.3)))
                kills.append(progress)
            }
            try await rollout.finish(kills: kills, seed: random.seed, what: "SIGKILLs of stead apiserver")
            #expect(cluster.run.process.isRunning, "stead run exited: \(cluster.run.lines.suffix(20))")
            #expect(cluster.nodeSim.process.isRunning, "stead nodesim exited: \(cluster.nodeSim.lines.suffix(20))")
        }
    }

    /// The checks catch what they look for, on made-up timelines (no processes).
    @Test func invariantsReportEveryKindOfBreach() {
        let old = (0..<2).map { TimelineFixture.event(.added, uid: "old-\($0)", ordinal: $0) }
        let initial = Dictionary(uniqueKeysWithValues: old.map { ($0.ordinal, $0) })
        let doubled = RolloutInvariants(
            replicas: 2, initial: initial,
            events: old + [TimelineFixture.event(.added, uid: "new-0", ordinal: 0, node: "sim-9")])
        #expect(doubled.occupancy().count == 2, "a second pod for ordinal 0, three pods for two replicas")
        #expect(doubled.nodesKept().count == 1)
        #expect(doubled.availability(maxUnavailable: 1).isEmpty)
        #expect(doubled.eachPodUpdatedInPlaceOnce(to: "b").count == 3, "a new UID, and two pods never updated")

        let twice = RolloutInvariants(
            replicas: 2, initial: initial,
            events: old + [
                TimelineFixture.event(.modified, uid: "old-0", ordinal: 0, image: "b"),
                TimelineFixture.event(.modified, uid: "old-0", ordinal: 0, image: "c"),
                TimelineFixture.event(.modified, uid: "old-1", ordinal: 1, image: "b"),
            ])
        #expect(twice.occupancy().isEmpty && twice.nodesKept().isEmpty)
        #expect(twice.eachPodUpdatedInPlaceOnce(to: "b").count == 1, "crash-0 written twice")

        let recreatedTwice = RolloutInvariants(
            replicas: 2, initial: initial,
            events: old + [
                TimelineFixture.event(.deleted, uid: "old-0", ordinal: 0),
                TimelineFixture.event(.added, uid: "new-0", ordinal: 0),
                TimelineFixture.event(.deleted, uid: "new-0", ordinal: 0),
                TimelineFixture.event(.added, uid: "newer-0", ordinal: 0),
            ])
        #expect(recreatedTwice.eachOrdinalRecreatedOnce().count == 2, "ordinal 0 recreated twice, ordinal 1 never")
        let twoDown = RolloutInvariants(
            replicas: 2, initial: initial,
            events: old + [
                TimelineFixture.event(.deleted, uid: "old-0", ordinal: 0),
                TimelineFixture.event(.deleted, uid: "old-1", ordinal: 1),
            ])
        #expect(twoDown.availability(maxUnavailable: 1).count == 1, "ordinals 0 and 1 down together")
        #expect(recreatedTwice.finalState([old[1]], revision: "r2").count == 2, "ordinal 0 missing, crash-1 on r1")

        var oneUncounted = StatefulPodSetStatus(replicas: 2)
        oneUncounted.updatedInPlace = 1
        #expect(twoDown.statusCounts(oneUncounted, scenario: .inPlace).count == 1, "one of two pods not counted")
        oneUncounted.updatedInPlace = 2
        #expect(twoDown.statusCounts(oneUncounted, scenario: .inPlace).isEmpty)
        #expect(twoDown.statusCounts(oneUncounted, scenario: .sameNodeRecreate).count == 1, "counted on the wrong path")
    }
}

/// Pod events for the invariant checks' own test: `crash-<ordinal>` on `sim-<ordinal>`, Ready.
enum TimelineFixture {
    static func event(
        _ type: WatchEventType, uid: String, ordinal: Int, node: String? = nil, image: String = "a"
    ) -> PodEvent {
        var metadata = ObjectMeta(
            name: "crash-\(ordinal)", labels: [SteadKeys.podIndex: "\(ordinal)", SteadKeys.revisionHash: "r1"])
        metadata.uid = uid
        var status = PodStatus(phase: "Running")
        status.conditions = [PodCondition(type: "Ready", status: "True")]
        let spec = PodSpec(containers: [Container(name: "app", image: image)], nodeName: node ?? "sim-\(ordinal)")
        guard let event = PodEvent(type, Pod(metadata: metadata, spec: spec, status: status)) else {
            preconditionFailure("the fixture pod has a uid and an ordinal")
        }
        return event
    }
}

/// The two rollouts under test: the template change, and how each pod must take it.
enum CrashScenario: String, Sendable, CustomStringConvertible {
    case inPlace = "in place"
    case sameNodeRecreate = "same-node recreate"

    static let oldImage = "nginx:1.27"
    static let newImage = "nginx:1.28"

    var description: String { rawValue }

    var policy: PodUpdatePolicy { self == .inPlace ? .inPlaceIfPossible : .sameNodeRecreate }

    /// A JSON patch of the set: a new image (in place), or an environment variable, which no kubelet
    /// changes on a live pod.
    var change: [JSONValue] {
        switch self {
        case .inPlace:
            [["op": "replace", "path": "/spec/template/spec/containers/0/image", "value": .string(Self.newImage)]]
        case .sameNodeRecreate:
            [["op": "add", "path": "/spec/template/spec/containers/0/env", "value": [["name": "MODE", "value": "fast"]]]]
        }
    }
}

/// One rolling update watched from the test process from before the change until it completes.
struct RecordedRollout {
    let scenario: CrashScenario
    let cluster: CrashCluster
    let log: PodEventLog
    /// The pods before the change, by ordinal.
    let initial: [Int: PodEvent]
    let started: ContinuousClock.Instant

    /// Makes the set, waits for its pods, starts recording, then changes the template.
    static func start(_ scenario: CrashScenario, in cluster: CrashCluster) async throws -> RecordedRollout {
        try await cluster.createSet(policy: scenario.policy)
        _ = try await cluster.waitForRollout()
        let log = try await PodEventLog.start(client: cluster.client, namespace: CrashCluster.namespace, set: CrashCluster.set)
        let initial = Dictionary(uniqueKeysWithValues: await log.present.values.map { ($0.ordinal, $0) })
        try #require(initial.count == CrashCluster.replicas, "pods before the update: \(initial.keys.sorted())")
        try await cluster.patchSet(scenario.change)
        return RecordedRollout(scenario: scenario, cluster: cluster, log: log, initial: initial, started: .now)
    }

    func record(kill index: Int) async -> KillRecord {
        let before = Set(initial.values.compactMap(\.revision))
        let pods = await log.present.values
        let ordinals = Set(pods.map(\.ordinal))
        return KillRecord(
            index: index, at: ContinuousClock.now - started,
            updated: pods.filter { !before.contains($0.revision ?? "") && !$0.terminating }.count,
            notReady: pods.filter { !$0.ready }.count,
            missing: (0..<CrashCluster.replicas).filter { !ordinals.contains($0) }.count)
    }

    /// Waits for the rollout to complete, checks every invariant over the timeline, prints the summary.
    func finish(kills: [KillRecord], seed: UInt64, what: String) async throws {
        let set = try await cluster.waitForRollout()
        let revision = try #require(set.status?.updateRevision)
        try await waitForLog(revision: revision)
        await log.stop()
        let events = await log.events
        let present = await log.present.values.sorted { $0.ordinal < $1.ordinal }
        let checks = RolloutInvariants(replicas: CrashCluster.replicas, initial: initial, events: events)
        var violations = checks.occupancy() + checks.nodesKept() + checks.finalState(present, revision: revision)
            + checks.statusCounts(set.status, scenario: scenario)
            + checks.availability(maxUnavailable: CrashCluster.maxUnavailable)
        violations += scenario == .inPlace ? checks.eachPodUpdatedInPlaceOnce(to: CrashScenario.newImage)
            : checks.eachOrdinalRecreatedOnce()
        print(summary(kills: kills, seed: seed, what: what, set: set, present: present, relists: await log.relists,
                      events: events.count, violations: violations))
        #expect(violations.isEmpty, "seed \(seed): \(violations.joined(separator: "; "))")
    }

    /// The recording catches up with the API server: every pod on `revision` and Ready.
    private func waitForLog(revision: String) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            let pods = await log.present.values
            if pods.count == CrashCluster.replicas, pods.allSatisfy({ $0.revision == revision && $0.ready }) { return }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    private func summary(
        kills: [KillRecord], seed: UInt64, what: String, set: StatefulPodSet, present: [PodEvent], relists: Int,
        events: Int, violations: [String]
    ) -> String {
        let status = set.status
        var lines = [
            "crash recovery, \(scenario): seed \(seed) (STEAD_FAULT_SEED=\(seed) replays it)",
            "  \(kills.count) \(what), each started again within 0.3 s; rollout done after "
                + "\(formatSeconds(ContinuousClock.now - started)); \(events) pod events recorded, \(relists) relists",
        ]
        lines += kills.map { "  kill \($0.index) at \(formatSeconds($0.at)): \($0.progress)" }
        lines.append(
            "  final revision \(status?.updateRevision ?? "?"): in place \(status?.updatedInPlace ?? 0), "
                + "recreated on the same node \(status?.recreatedOnSameNode ?? 0), rescheduled \(status?.rescheduled ?? 0)")
        for pod in present {
            let before = initial[pod.ordinal]
            lines.append(
                "  \(pod.name): uid \(before?.uid.prefix(8) ?? "?") -> \(pod.uid.prefix(8)), "
                    + "node \(before?.node ?? "?") -> \(pod.node ?? "none")")
        }
        lines.append(violations.isEmpty ? "  invariants: all held" : "  VIOLATIONS:\n    " + violations.joined(separator: "\n    "))
        return lines.joined(separator: "\n")
    }
}

/// `1.25 s`.
func formatSeconds(_ duration: Duration) -> String {
    let (whole, attoseconds) = duration.components
    return String(format: "%.2f s", Double(whole) + Double(attoseconds) / 1e18)
}

/// Where the rollout stood when one fault was injected.
struct KillRecord: Sendable {
    var index: Int
    var at: Duration
    var updated: Int
    var notReady: Int
    var missing: Int

    var progress: String {
        "\(updated)/\(CrashCluster.replicas) updated, \(notReady) not ready, \(missing) missing"
    }
}

/// Issue 8's invariants over a recorded timeline (the initial pods come first, as ADDED events); each
/// check returns what broke, empty when it held.
struct RolloutInvariants {
    let replicas: Int
    let initial: [Int: PodEvent]
    let events: [PodEvent]

    /// Never two pods for one ordinal, never more pods than replicas (the strategies have no surge).
    func occupancy() -> [String] {
        var violations: [String] = []
        var ordinals: [String: Int] = [:]
        for (index, event) in events.enumerated() {
            ordinals[event.uid] = event.type == .deleted ? nil : event.ordinal
            let counts = Dictionary(grouping: ordinals.values, by: { $0 }).mapValues(\.count)
            if let (ordinal, count) = counts.first(where: { $0.value > 1 }) {
                violations.append("event \(index): \(count) pods for ordinal \(ordinal)")
            }
            if ordinals.count > replicas { violations.append("event \(index): \(ordinals.count) pods for \(replicas) replicas") }
        }
        return violations
    }

    /// From the first change on, at most `maxUnavailable` ordinals at once have no Ready pod.
    func availability(maxUnavailable: Int) -> [String] {
        var violations: [String] = []
        var pods: [String: PodEvent] = [:]
        for (index, event) in events.enumerated() {
            pods[event.uid] = event.type == .deleted ? nil : event
            guard index >= initial.count else { continue }
            let ready = Set(pods.values.filter(\.ready).map(\.ordinal))
            let unavailable = (0..<replicas).filter { !ready.contains($0) }
            if unavailable.count > maxUnavailable {
                violations.append("event \(index): ordinals \(unavailable) unavailable at once")
            }
        }
        return violations
    }

    /// Every pod of an ordinal, whatever its UID, is bound to the node the ordinal ran on before.
    func nodesKept() -> [String] {
        let moved = events.compactMap { event -> String? in
            guard let node = event.node, let home = initial[event.ordinal]?.node, node != home else { return nil }
            return "\(event.name) uid \(event.uid.prefix(8)) on \(node), ordinal \(event.ordinal) ran on \(home)"
        }
        return Array(Set(moved)).sorted()
    }

    /// Each pod kept its UID, and the controller wrote its spec once: the image change.
    func eachPodUpdatedInPlaceOnce(to image: String) -> [String] {
        let initialUIDs = Set(initial.values.map(\.uid))
        var violations = Set(events.map(\.uid)).subtracting(initialUIDs).sorted().map {
            "pod uid \($0.prefix(8)) was created by an in-place rollout"
        }
        for pod in initial.values.sorted(by: { $0.ordinal < $1.ordinal }) {
            let specs = events.filter { $0.uid == pod.uid }.map(\.spec)
            let writes = zip(specs, specs.dropFirst()).filter { $0 != $1 }
            let imageChanges = writes.filter { $0?.containers.first?.image != $1?.containers.first?.image }
            if writes.count != 1 || imageChanges.count != 1 || specs.last??.containers.first?.image != image {
                violations.append(
                    "\(pod.name): \(writes.count) spec writes, \(imageChanges.count) image changes, "
                        + "image \(specs.last??.containers.first?.image ?? "none")")
            }
        }
        return violations
    }

    /// Each ordinal had exactly two pods: the one before, deleted once, and its replacement, kept.
    func eachOrdinalRecreatedOnce() -> [String] {
        var violations: [String] = []
        for ordinal in initial.keys.sorted() {
            let mine = events.filter { $0.ordinal == ordinal }
            var uids: [String] = []
            for event in mine where !uids.contains(event.uid) { uids.append(event.uid) }
            let deleted = mine.filter { $0.type == .deleted }.map(\.uid)
            if uids.count != 2 || deleted != [initial[ordinal]?.uid] {
                violations.append(
                    "ordinal \(ordinal): pods \(uids.map { $0.prefix(8) }), deleted \(deleted.map { $0.prefix(8) })")
            }
        }
        return violations
    }

    /// The set's rollout counts equal the pods updated, each counted once on the scenario's path (the
    /// counts are derived from the pods' markers and the status's pending replacements, so no kill loses
    /// or doubles one).
    func statusCounts(_ status: StatefulPodSetStatus?, scenario: CrashScenario) -> [String] {
        let inPlace = Int(status?.updatedInPlace ?? 0)
        let sameNode = Int(status?.recreatedOnSameNode ?? 0)
        let rescheduled = Int(status?.rescheduled ?? 0)
        let expected = scenario == .inPlace ? (replicas, 0) : (0, replicas)
        guard (inPlace, sameNode, rescheduled) != (expected.0, expected.1, 0) else { return [] }
        return ["status counts \(inPlace) in place + \(sameNode) same node + \(rescheduled) rescheduled, "
            + "expected \(expected.0) + \(expected.1) + 0 for \(replicas) pods (\(scenario))"]
    }

    /// At the end: one Ready pod per ordinal, all on the update revision.
    func finalState(_ present: [PodEvent], revision: String) -> [String] {
        let ordinals = present.map(\.ordinal).sorted()
        var violations: [String] = []
        if ordinals != Array(0..<replicas) { violations.append("final ordinals \(ordinals)") }
        for pod in present where pod.revision != revision || !pod.ready {
            violations.append("\(pod.name) ends on \(pod.revision ?? "no revision"), ready \(pod.ready)")
        }
        return violations
    }
}

/// `stead apiserver`, `stead nodesim` and `stead run` as separate processes, and a client of the server.
final class CrashCluster {
    static let namespace = "default"
    static let set = "crash"
    static let replicas = 5
    static let maxUnavailable = 1

    let directory: String
    private(set) var apiServer: APIServerProcess
    let nodeSim: ChildProcess
    private(set) var run: ChildProcess
    let client: KubeClient

    private init(directory: String, apiServer: APIServerProcess, nodeSim: ChildProcess, run: ChildProcess, client: KubeClient) {
        self.directory = directory
        self.apiServer = apiServer
        self.nodeSim = nodeSim
        self.run = run
        self.client = client
    }

    /// Runs `body` against a fresh cluster, stopped and removed afterwards whatever happens.
    static func with(_ body: (CrashCluster) async throws -> Void) async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let apiServer = try await APIServerProcess.start(dataDirectory: directory)
        defer { apiServer.child.signal(SIGKILL) }
        let nodeSim = try await startNodeSim(kubeconfig: apiServer.kubeconfig)
        defer { nodeSim.signal(SIGKILL) }
        var configuration = try ClientConfiguration.fromKubeconfigFile(path: apiServer.kubeconfig)
        configuration.qps = 0
        let client = try KubeClient(configuration: configuration)
        let (run, _) = try await RunCommandTests.startRun(apiServer)
        let cluster = CrashCluster(directory: directory, apiServer: apiServer, nodeSim: nodeSim, run: run, client: client)
        defer { cluster.apiServer.child.signal(SIGKILL); cluster.run.signal(SIGKILL) }
        do {
            try await body(cluster)
        } catch {
            print("stead run, last lines:\n" + cluster.run.lines.suffix(30).joined(separator: "\n"))
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    /// Nodes whose containers take two seconds to start and to restart, so a rollout of five pods spans
    /// the kills.
    private static func startNodeSim(kubeconfig: String) async throws -> ChildProcess {
        try await NodeSimProcess.start(
            kubeconfig: kubeconfig,
            arguments: ["--nodes", "\(replicas)", "--zones", "1", "--start-latency", "2s", "--restart-latency", "2s"])
    }

    // MARK: Faults

    func killRun() async {
        run.signal(SIGKILL)
        _ = await run.waitForExit(timeout: 30)
    }

    func startRun() async throws {
        run = try await RunCommandTests.startRun(apiServer).0
    }

    /// SIGKILL, then the same data folder and port.
    func restartAPIServer(pause: Duration) async throws {
        apiServer.child.signal(SIGKILL)
        _ = await apiServer.child.waitForExit(timeout: 30)
        try await Task.sleep(for: pause)
        let port = URL(string: apiServer.baseURL)?.port ?? 0
        apiServer = try await APIServerProcess.start(dataDirectory: directory, port: port)
    }

    // MARK: The set

    /// Parallel pod management only makes the first pods start together; updates go one pod at a time.
    func createSet(policy: PodUpdatePolicy) async throws {
        let labels: JSONValue = ["app": .string(Self.set)]
        let container: JSONValue = [
            "name": "app", "image": .string(CrashScenario.oldImage),
            "resources": ["requests": ["cpu": "100m", "memory": "64Mi"]],
        ]
        let spec = StatefulPodSetSpec(
            replicas: Int32(Self.replicas), selector: LabelSelector(matchLabels: ["app": Self.set]),
            template: PodTemplateSpec(json: ["metadata": ["labels": labels], "spec": ["containers": [container]]]),
            podManagementPolicy: .parallel,
            updateStrategy: UpdateStrategy(
                rollingUpdate: RollingUpdateStrategy(
                    maxUnavailable: .int(Self.maxUnavailable), inPlaceGracePeriodSeconds: 1,
                    podUpdatePolicy: policy)))
        _ = try await client.create(
            StatefulPodSet(metadata: ObjectMeta(name: Self.set, namespace: Self.namespace), spec: spec),
            namespace: Self.namespace)
    }

    func patchSet(_ operations: [JSONValue]) async throws {
        _ = try await client.patch(
            StatefulPodSet.self, name: Self.set, namespace: Self.namespace, patch: .json(operations))
    }

    /// Waits (a hang guard, not a bound) until the set observed its generation and every replica runs
    /// the update revision, Ready. Errors while the API server restarts count as not yet.
    func waitForRollout(timeout: Duration = .seconds(180)) async throws -> StatefulPodSet {
        let deadline = ContinuousClock.now + timeout
        var last: StatefulPodSet?
        while ContinuousClock.now < deadline {
            if let set = try? await client.get(StatefulPodSet.self, name: Self.set, namespace: Self.namespace) {
                last = set
                if Self.isRolledOut(set) { return set }
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw RolloutTimeout(status: last?.status)
    }

    static func isRolledOut(_ set: StatefulPodSet) -> Bool {
        guard let status = set.status, status.observedGeneration == set.metadata.generation else { return false }
        let replicas = Int32(Self.replicas)
        return status.replicas == replicas && status.readyReplicas == replicas && status.updatedReplicas == replicas
            && status.currentRevision == status.updateRevision
    }

    struct RolloutTimeout: Error, CustomStringConvertible {
        var status: StatefulPodSetStatus?
        var description: String { "the rollout did not complete; last status: \(String(describing: status))" }
    }
}

/// The fault points of the crash and hand-over tests: the same for the same seed on every platform.
extension SplitMix64 {
    /// STEAD_FAULT_SEED when set, else a fresh seed (printed by each test, so a failure can be replayed).
    static func faultSeed() -> UInt64 {
        if let text = ProcessInfo.processInfo.environment["STEAD_FAULT_SEED"], let seed = UInt64(text) { return seed }
        return UInt64.random(in: 0...UInt64.max)
    }

    mutating func uniform(_ range: ClosedRange<Double>) -> Double {
        Double.random(in: range, using: &self)
    }
}
