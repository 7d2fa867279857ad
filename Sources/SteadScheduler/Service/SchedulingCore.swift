import Foundation
import KubeClient
import KubeModel
import Logging

/// The one actor that owns the scheduler's state: the cluster snapshot (changed incrementally by
/// informer events), the scheduling queue (the pods waiting to be placed and the binds in flight), the
/// placement records. It decides without awaiting anything; the service does the I/O its decisions
/// call for.
actor SchedulingCore {
    let configuration: SchedulerConfiguration
    let logger: Logger
    let metrics: SchedulerMetrics

    var snapshot = ClusterSnapshot()
    var scheduler: Scheduler
    var queue: SchedulingQueue<ContinuousClock.Instant>
    /// The scheduling loop, suspended in ``nextCycle()`` until a pod is active.
    private var waiter: CheckedContinuation<Void, Never>?
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

    init(configuration: SchedulerConfiguration, metrics: SchedulerMetrics, logger: Logger) {
        self.configuration = configuration
        self.metrics = metrics
        self.logger = logger
        self.scheduler = Scheduler(
            profile: configuration.profile,
            sampling: NodeSampling(percentageOfNodesToScore: configuration.percentageOfNodesToScore))
        self.queue = SchedulingQueue(policy: configuration.queuePolicy)
    }

    func stopScheduling() {
        isStopping = true
        wakeScheduler()
    }

    func record(for identity: ObjectKey) -> PlacementRecord? { records[identity] }

    // MARK: The queue

    /// Waits for an active pod and decides where it goes; nil once the scheduler stops.
    func nextCycle() async -> CycleOutcome? {
        while !isStopping {
            if let pod = queue.popActive() { return scheduleOne(pod) }
            await withCheckedContinuation { waiter = $0 }
        }
        return nil
    }

    /// Resumes the scheduling loop when there is something for it to do.
    func wakeScheduler() {
        guard queue.hasActive || isStopping, let waiter else { return }
        self.waiter = nil
        waiter.resume()
    }

    /// The cluster changed in a way that may make room: every unschedulable pod is tried again.
    func moveAllToActive() {
        if queue.moveAllToActive() > 0 { wakeScheduler() }
    }

    /// Periodic work: releases expired reservations, activates pods whose backoff or wait is over.
    /// Returns when a queued pod next becomes active by itself.
    func housekeeping(now: ContinuousClock.Instant, date: Date) -> ContinuousClock.Instant? {
        expireReservations(now: date)
        if queue.flush(now: now) > 0 { wakeScheduler() }
        metrics.recordPending(queue.counts)
        return queue.nextDeadline
    }

    // MARK: The cycle

    /// Decides where `pod`, just taken off the queue, goes: back to its previous node when it is a
    /// replacement and that node still fits (one node checked, no scoring), else through filter + score.
    /// A pod placed is assumed on its node at once, so the next cycle sees the usage.
    func scheduleOne(_ pod: Pod) -> CycleOutcome {
        let key = pod.key
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
                if queue.noteFirst(\.reportedFallback, of: key) {
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
            queue.markUnschedulable(key, now: .now)
            let message = diagnosis.message
            let report = queue.noteDiagnosis(key, message)
            if report {
                logger.info("pod is unschedulable", metadata: ["pod": "\(key)", "reason": "\(message)"])
            }
            return CycleOutcome(
                decision: .unschedulable(pod: pod, message: message, report: report), fallbackMessage: fallbackMessage)
        }
    }

    private func bind(_ pod: Pod, on node: String, sticky: Bool) -> CycleOutcome {
        queue.assume(pod.key, on: node)
        let reservation = snapshot.reservation(for: pod.objectKey)
        snapshot.assume(pod, onNode: node)
        noteRelease(of: reservation)
        return CycleOutcome(decision: .bind(BindRequest(pod: pod, node: node, sticky: sticky)), fallbackMessage: nil)
    }

    // MARK: Bind results

    /// Remembers the identity's node; returns the record to persist: pods of Stead's own scheduler name
    /// with a controller owner only (the plain path keeps no record),
    /// and only when the node or the owner changed (a replacement bound back to its node changes nothing
    /// a later incarnation is matched against).
    func bindSucceeded(_ request: BindRequest) -> PlacementRecord? {
        guard request.pod.metadata.controllerReference != nil,
            request.pod.requestedScheduler == configuration.schedulerName
        else { return nil }
        let record = PlacementRecord(pod: request.pod, node: request.node, at: .now())
        let known = records[record.identity]
        records[record.identity] = record
        if let known, known.node == record.node, known.ownerUID == record.ownerUID { return nil }
        return record
    }

    /// Undoes the assumption (unless the informer already brought the pod bound or deleted); a
    /// retryable failure backs the pod off, any other leaves it for the informer's next word.
    func bindFailed(_ request: BindRequest, retryable: Bool) {
        if queue.bindFailed(request.key, node: request.node, retryable: retryable, now: .now) {
            snapshot.removePod(request.pod.objectKey)
        }
    }
}
