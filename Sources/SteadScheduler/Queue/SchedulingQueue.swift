import KubeModel

/// The unbound pods that name this scheduler and where each stands, as kube-scheduler's scheduling
/// queue: **active** (to be tried, in arrival order), **backing off** after a failed bind,
/// **unschedulable** until the cluster changes (or a deadline passes), **binding** (assumed on a node
/// while its binding is in flight). Pure: the caller passes the time, so tests need no clock.
///
/// A pod leaves the queue when the informer reports it bound or deleted, or no longer this scheduler's.
struct SchedulingQueue<Instant: InstantProtocol & Sendable>: Sendable where Instant.Duration == Duration {
    enum Stage: Equatable, Sendable {
        case active
        case backoff(until: Instant)
        /// No node fits: tried again when the cluster changes, when it has waited `timeout`, or at
        /// `retryAt` (a replacement waiting for its lost node).
        case unschedulable(since: Instant, retryAt: Instant?)
        /// Taken by a cycle that has not said yet where it goes.
        case inCycle
        case binding(node: String)
    }

    /// How long pods wait in each stage.
    struct Policy: Sendable {
        /// The first backoff after a failed bind; each further failure doubles it.
        var initialBackoff: Duration
        var maxBackoff: Duration
        /// An unschedulable pod is tried again after this long even if nothing changed.
        var unschedulableTimeout: Duration
    }

    struct Entry: Sendable {
        var pod: Pod
        var stage: Stage
        var failedBinds = 0
        /// The unschedulable diagnosis last reported, so that retries do not repeat it.
        var reportedDiagnosis: String?
        var reportedFallback = false
        var reportedWait = false
    }

    let policy: Policy
    private(set) var entries: [String: Entry] = [:]
    /// Keys in the order they became active; a key whose entry is no longer active is skipped.
    private var arrivals: [String] = []
    private var head = 0
    /// Keys backing off or unschedulable: the only ones a flush or a cluster change looks at, so that
    /// neither costs anything per active or binding pod.
    private var parked: Set<String> = []

    init(policy: Policy) { self.policy = policy }

    var hasActive: Bool { arrivals.count > head }

    subscript(key: String) -> Entry? { entries[key] }

    // MARK: Informer events

    /// An unbound pod naming this scheduler was added or changed. A new pod becomes active; an
    /// unschedulable one only when its own spec or labels changed (the scheduler's status patches and
    /// annotations come back here too, and must not start a loop).
    mutating func podChanged(_ pod: Pod) {
        let key = pod.key
        guard var entry = entries[key] else {
            entries[key] = Entry(pod: pod, stage: .active)
            arrivals.append(key)
            return
        }
        let old = entry.pod
        entry.pod = pod
        entries[key] = entry
        if case .unschedulable = entry.stage, old.spec != pod.spec || old.metadata.labels != pod.metadata.labels {
            activate(key)
        }
    }

    /// The pod is bound, deleted, or no longer this scheduler's.
    mutating func remove(_ key: String) {
        entries[key] = nil
        parked.remove(key)
    }

    // MARK: Cycles

    /// The next active pod in arrival order, taken off the active list; nil when none is active.
    /// The cycle's outcome must follow (``assume(_:on:)``, ``markUnschedulable(_:now:retryAt:)``).
    mutating func popActive() -> Pod? {
        while head < arrivals.count {
            let key = arrivals[head]
            head += 1
            guard let entry = entries[key], entry.stage == .active else { continue }
            compactArrivals()
            setStage(.inCycle, of: key)
            return entry.pod
        }
        compactArrivals()
        return nil
    }

    mutating func assume(_ key: String, on node: String) {
        setStage(.binding(node: node), of: key)
    }

    mutating func markUnschedulable(_ key: String, now: Instant, retryAt: Instant? = nil) {
        setStage(.unschedulable(since: now, retryAt: retryAt), of: key)
    }

    /// The bind of `key` to `node` failed: a retryable failure backs off (doubling each time), any other
    /// waits as unschedulable for the informer to bring the truth. Returns whether `key` was binding
    /// there (so its assumption on the node must be undone).
    mutating func bindFailed(_ key: String, node: String, retryable: Bool, now: Instant) -> Bool {
        guard let entry = entries[key], entry.stage == .binding(node: node) else { return false }
        if retryable {
            setStage(.backoff(until: now.advanced(by: backoff(afterFailures: entry.failedBinds))), of: key)
            entries[key]?.failedBinds += 1
        } else {
            setStage(.unschedulable(since: now, retryAt: nil), of: key)
        }
        return true
    }

    func backoff(afterFailures failures: Int) -> Duration {
        var delay = policy.initialBackoff
        for _ in 0..<min(failures, 32) where delay < policy.maxBackoff { delay *= 2 }
        return min(delay, policy.maxBackoff)
    }

    // MARK: Reports made once per pod

    /// Notes `diagnosis` as reported; returns whether it differs from the last one.
    mutating func noteDiagnosis(_ key: String, _ diagnosis: String) -> Bool {
        guard entries[key]?.reportedDiagnosis != diagnosis else { return false }
        entries[key]?.reportedDiagnosis = diagnosis
        return true
    }

    /// Returns whether `report` (``Entry/reportedFallback``, ``Entry/reportedWait``) was not made yet
    /// for this pod, and notes it made.
    mutating func noteFirst(_ report: WritableKeyPath<Entry, Bool>, of key: String) -> Bool {
        guard entries[key]?[keyPath: report] == false else { return false }
        entries[key]?[keyPath: report] = true
        return true
    }

    // MARK: Moving pods back to active

    /// The cluster changed in a way that may make room: every unschedulable pod becomes active.
    /// Returns how many moved.
    @discardableResult
    mutating func moveAllToActive() -> Int {
        let keys = parked.filter { key in
            if case .unschedulable? = entries[key]?.stage { true } else { false }
        }
        for key in keys.sorted() { activate(key) }
        return keys.count
    }

    /// Activates backoffs that are over and unschedulable pods whose deadline or timeout passed.
    /// Returns how many moved.
    @discardableResult
    mutating func flush(now: Instant) -> Int {
        let due = parked.filter { key in entries[key].flatMap(deadline(of:)).map { $0 <= now } ?? false }
        for key in due.sorted() { activate(key) }
        return due.count
    }

    /// The earliest time a pod becomes active by itself, if any pod will.
    var nextDeadline: Instant? { parked.compactMap { entries[$0].flatMap(deadline(of:)) }.min() }

    /// How many pods stand in each stage (a pod in a cycle counts as active).
    var counts: [SchedulerMetricNames.Queue: Int] {
        var counts: [SchedulerMetricNames.Queue: Int] = [:]
        for entry in entries.values {
            let queue: SchedulerMetricNames.Queue =
                switch entry.stage {
                case .active, .inCycle: .active
                case .backoff: .backoff
                case .unschedulable: .unschedulable
                case .binding: .binding
                }
            counts[queue, default: 0] += 1
        }
        return counts
    }

    private func deadline(of entry: Entry) -> Instant? {
        switch entry.stage {
        case .backoff(let until):
            return until
        case .unschedulable(let since, let retryAt):
            let timedOut = since.advanced(by: policy.unschedulableTimeout)
            return min(retryAt ?? timedOut, timedOut)
        case .active, .inCycle, .binding:
            return nil
        }
    }

    private mutating func activate(_ key: String) {
        guard entries[key] != nil, entries[key]?.stage != .active else { return }
        setStage(.active, of: key)
        arrivals.append(key)
    }

    private mutating func setStage(_ stage: Stage, of key: String) {
        guard entries[key] != nil else { return }
        entries[key]?.stage = stage
        switch stage {
        case .backoff, .unschedulable: parked.insert(key)
        case .active, .inCycle, .binding: parked.remove(key)
        }
    }

    private mutating func compactArrivals() {
        if head > 1024, head * 2 > arrivals.count {
            arrivals.removeFirst(head)
            head = 0
        }
    }
}
