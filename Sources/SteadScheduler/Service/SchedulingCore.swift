import Foundation
import KubeClient
import KubeModel
import Logging

/// The one actor that owns the scheduler's state: the cluster snapshot (changed incrementally by
/// informer events), the pods waiting to be placed, the binds in flight, the placement records. It
/// decides; the service does the I/O its decisions call for.
actor SchedulingCore {
    let configuration: SchedulerConfiguration
    let logger: Logger
    let metrics: SchedulerMetrics
    let queue: WorkQueue<String>

    var snapshot = ClusterSnapshot()
    var scheduler: Scheduler
    /// Unbound pods naming this scheduler, by key.
    var pending: [String: Pod] = [:]
    /// Pods assumed on a node while their binding is in flight, by key.
    var assumed: [String: String] = [:]
    /// Pods no node fits, waiting for the cluster to change.
    var waiting: Set<String> = []
    /// The diagnosis last reported on each unschedulable pod, so that retries do not repeat it.
    var reportedDiagnoses: [String: String] = [:]
    /// The pod UID a fallback was last reported for, by key.
    var reportedFallbacks: [String: String] = [:]
    /// The pod UID a wait for its lost home node was last reported for, by key.
    var reportedWaits: [String: String] = [:]
    /// When each deleted node was first seen missing (a NotReady node carries its own time).
    var lostNodes: [String: Date] = [:]
    /// The last node of each identity, from the placement ConfigMaps and from binds.
    var records: [ObjectKey: PlacementRecord] = [:]
    /// Controllers that bring pods back by name, for the kinds in `watchedOwnerKinds`.
    var owners: [StableOwnerKey: StableOwner] = [:]
    var watchedOwnerKinds: Set<StableOwnerKind> = []
    var terminatingNamespaces: Set<String> = []
    /// Set by `stopScheduling()`: queued pods are left for the next scheduler.
    var isStopping = false

    init(configuration: SchedulerConfiguration, queue: WorkQueue<String>, metrics: SchedulerMetrics, logger: Logger) {
        self.configuration = configuration
        self.metrics = metrics
        self.queue = queue
        self.logger = logger
        self.scheduler = Scheduler(
            profile: configuration.profile,
            sampling: NodeSampling(percentageOfNodesToScore: configuration.percentageOfNodesToScore))
    }

    func stopScheduling() { isStopping = true }

    func record(for identity: ObjectKey) -> PlacementRecord? { records[identity] }

    // MARK: The cycle

    /// Decides where the queued pod `key` goes: back to its previous node when it is a replacement and
    /// that node still fits (one node checked, no scoring), else through filter + score. A pod placed is
    /// assumed on its node at once, so the next cycle sees the usage.
    func scheduleOne(_ key: String) -> CycleOutcome {
        guard !isStopping, let pod = pending[key], assumed[key] == nil else { return .skip }
        let info = PodInfo(pod)
        var fallbackMessage: String?

        if case .replacement(let previousNode) = classifyIncarnation(of: pod, record: records[pod.objectKey]) {
            let started = ContinuousClock.now
            let decision = evaluateSticky(
                pod: info, previousNode: previousNode, snapshot: snapshot, plugins: configuration.profile.filters)
            metrics.recordStickyCheck(duration: ContinuousClock.now - started)
            switch decision {
            case .bind(let node, _):
                return bind(pod, on: node, sticky: true)
            case .fallback(let reason):
                let verdict = nodeLossVerdict(pod, reason: reason, now: Date())
                if case .wait(let until, let message) = verdict {
                    return waitForHomeNode(pod, until: until, message: message)
                }
                if reportedFallbacks[key] != pod.metadata.uid ?? "" {
                    reportedFallbacks[key] = pod.metadata.uid ?? ""
                    metrics.recordFallback(reason)
                    if case .move(let message) = verdict { fallbackMessage = message }
                    logger.info(
                        "replacement cannot go back to its node, scheduling it as new",
                        metadata: ["pod": "\(key)", "node": "\(previousNode)", "reason": "\(reason)"])
                }
            }
        }

        let started = ContinuousClock.now
        let result = scheduler.schedule(pod: info, snapshot: snapshot)
        metrics.record(result, duration: ContinuousClock.now - started)

        switch result {
        case .scheduled(let placement):
            var outcome = bind(pod, on: placement.node, sticky: false)
            outcome.fallbackMessage = fallbackMessage
            return outcome
        case .unschedulable(let diagnosis):
            waiting.insert(key)
            let message = diagnosis.message
            let report = reportedDiagnoses[key] != message
            reportedDiagnoses[key] = message
            if report {
                logger.info("pod is unschedulable", metadata: ["pod": "\(key)", "reason": "\(message)"])
            }
            return CycleOutcome(
                decision: .unschedulable(pod: pod, message: message, report: report), fallbackMessage: fallbackMessage)
        }
    }

    private func bind(_ pod: Pod, on node: String, sticky: Bool) -> CycleOutcome {
        let key = pod.key
        assumed[key] = node
        waiting.remove(key)
        let reservation = snapshot.reservation(for: pod.objectKey)
        snapshot.assume(pod, onNode: node)
        noteRelease(of: reservation)
        return CycleOutcome(decision: .bind(BindRequest(pod: pod, node: node, sticky: sticky)), fallbackMessage: nil)
    }

    // MARK: Bind results

    /// Remembers the identity's node; returns the record to persist: pods with a controller owner only,
    /// and only when the node or the owner changed (a replacement bound back to its node changes nothing
    /// a later incarnation is matched against).
    func bindSucceeded(_ request: BindRequest) -> PlacementRecord? {
        reportedDiagnoses[request.key] = nil
        guard request.pod.metadata.controllerReference != nil else { return nil }
        let record = PlacementRecord(pod: request.pod, node: request.node, at: .now())
        let known = records[record.identity]
        records[record.identity] = record
        if let known, known.node == record.node, known.ownerUID == record.ownerUID { return nil }
        return record
    }

    /// Forgets the assumption (unless the informer already brought the pod bound); returns whether to
    /// queue the pod again.
    func bindFailed(_ request: BindRequest, retryable: Bool) -> Bool {
        let key = request.key
        if assumed[key] == request.node {
            assumed[key] = nil
            snapshot.removePod(request.pod.objectKey)
        }
        return retryable && pending[key] != nil
    }

    // MARK: Unschedulable pods

    /// Queues every waiting pod again (the cluster changed, or the periodic retry is due).
    func retryUnschedulable() async {
        guard !waiting.isEmpty else { return }
        let keys = waiting
        waiting.removeAll()
        for key in keys { await queue.add(key) }
    }
}
