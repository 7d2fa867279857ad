import Foundation
import KubeModel
import Logging
import Metrics
import Synchronization

/// Writes core/v1 Events for one component, as client-go's event broadcaster does: ``record(_:type:reason:message:action:)``
/// only queues, and a task of its own writes the Events through a client with its own request budget,
/// so an Event never waits on (or takes the turn of) the work it reports, such as a bind. Events are
/// correlated first (``EventCorrelator``: repeats counted on one Event, similar ones combined, a burst
/// per object then one every few minutes). A full queue drops the newest Event; a write the server
/// refuses is logged and dropped (an Event is never worth failing the work), one that cannot reach the
/// server (connection refused or timed out, as under heavy load) is tried again a few times first, as
/// client-go's broadcaster does. Dropped Events are counted in
/// `kubeclient_events_dropped_total{component, cause}` (cause `queue_full` or `spam_filter`, through the
/// client's metrics factory); a run of drops from a full queue is logged once, when it starts.
public final class EventRecorder: Sendable {
    /// The reporting component, e.g. `stead-scheduler`.
    public let component: String
    private let client: KubeClient
    private let logger: Logger
    /// Writes run on a few lanes at once, so that the queue drains at the client's rate, not at one
    /// request's latency at a time; every write of one Event goes on the same lane, in order, so that a
    /// repeat's count never lands before the Event it counts on.
    private let lanes: [AsyncStream<EventCorrelator.Outcome>.Continuation]
    private let laneStreams: [AsyncStream<EventCorrelator.Outcome>]
    private let writers = Mutex<[Task<Void, Never>]?>(nil)
    private let correlator = Mutex(EventCorrelator())
    private let capacity: Int
    private let queued = Atomic<Int>(0)
    /// Set by a drop from a full queue, cleared by the next Event queued: one log line per run of drops.
    private let dropping = Atomic<Bool>(false)
    private let stoppedAt = Mutex<ContinuousClock.Instant?>(nil)
    static let stopGrace: Duration = .seconds(5)
    private let droppedFull: Counter
    private let droppedSpam: Counter
    static let concurrentWrites = 8
    /// Tries of a write that cannot reach the server, and the pause between them.
    static let tries = 6
    let retryInterval: Duration
    public static let droppedLabel = "kubeclient_events_dropped_total"

    /// - Parameters:
    ///   - client: the Events' own client, e.g. `client.withRateLimit(qps:burst:)` of the component's.
    ///   - capacity: Events queued at most; more are dropped until the writer catches up.
    public init(
        client: KubeClient, component: String, logger: Logger, capacity: Int = 1_000, retryInterval: Duration = .seconds(2)
    ) {
        self.client = client
        self.retryInterval = retryInterval
        self.component = component
        self.logger = logger
        self.capacity = max(1, capacity)
        let made = (0..<Self.concurrentWrites).map { _ in AsyncStream.makeStream(of: EventCorrelator.Outcome.self) }
        laneStreams = made.map(\.stream)
        lanes = made.map(\.continuation)
        let factory = client.metrics.factory ?? MetricsSystem.factory
        func dropped(_ cause: String) -> Counter {
            Counter(label: Self.droppedLabel, dimensions: [("component", component), ("cause", cause)], factory: factory)
        }
        droppedFull = dropped("queue_full")
        droppedSpam = dropped("spam_filter")
    }

    /// Starts the writers; calling it again does nothing.
    public func start() {
        writers.withLock { tasks in
            guard tasks == nil else { return }
            tasks = laneStreams.map { stream in
                Task {
                    for await outcome in stream {
                        await self.write(outcome)
                        self.queued.subtract(1, ordering: .relaxed)
                    }
                }
            }
        }
    }

    /// Writes what is queued, then stops; failed writes are tried again for `stopGrace` at most (a
    /// stopping component does not wait out an unreachable server). Events recorded afterwards are dropped.
    public func stop() async {
        stoppedAt.withLock { $0 = $0 ?? .now }
        for lane in lanes { lane.finish() }
        for task in writers.withLock({ $0 }) ?? [] { await task.value }
    }

    /// Queues an Event about `object`; returns at once.
    public func record(
        _ object: ObjectReference, type: String, reason: String, message: String, action: String? = nil
    ) {
        let event = Self.event(about: object, component: component, type: type, reason: reason, message: message, action: action)
        let outcome = correlator.withLock { $0.correlate(event, now: Date()) }
        guard outcome != .drop else {
            droppedSpam.increment()
            return
        }
        if queued.add(1, ordering: .relaxed).newValue > capacity {
            queued.subtract(1, ordering: .relaxed)
            droppedFull.increment()
            if !dropping.exchange(true, ordering: .relaxed) {
                logger.warning(
                    "events dropped until the queue drains: it is full",
                    metadata: ["component": "\(component)", "capacity": "\(capacity)", "reason": "\(reason)"])
            }
            return
        }
        dropping.store(false, ordering: .relaxed)
        lanes[Self.lane(of: outcome)].yield(outcome)
    }

    /// The lane of an Event's writes, from its name (FNV-1a: the same in every process).
    private static func lane(of outcome: EventCorrelator.Outcome) -> Int {
        let name = outcome.event?.name ?? ""
        return Int(name.utf8.reduce(UInt32(2_166_136_261)) { ($0 ^ UInt32($1)) &* 16_777_619 } % UInt32(concurrentWrites))
    }

    private func write(_ outcome: EventCorrelator.Outcome) async {
        guard let event = outcome.event else { return }
        for attempt in 1...Self.tries {
            do {
                if case .update = outcome {
                    try await update(event)
                } else {
                    _ = try await client.create(event, namespace: event.metadata.namespace)
                }
                return
            } catch let error as KubeAPIError where error.isAlreadyExists {
                // A repeat's patch found the Event missing and created it before its own create arrived.
                return
            } catch KubeClientError.transport(_, _, let message) where attempt < Self.tries && mayRetry {
                logger.debug("event write did not reach the server, retrying", metadata: ["attempt": "\(attempt)", "error": "\(message)"])
                try? await Task.sleep(for: retryInterval)
            } catch {
                logger.warning(
                    "cannot record event",
                    metadata: [
                        "object": "\(event.involvedObject.kind ?? "")/\(event.involvedObject.name ?? "")",
                        "reason": "\(event.reason ?? "")", "error": "\(error)",
                    ])
                return
            }
        }
    }

    /// Before stop, always; after, within ``stopGrace``.
    private var mayRetry: Bool {
        stoppedAt.withLock { $0.map { ContinuousClock.now - $0 < Self.stopGrace } ?? true }
    }

    /// Counts a repeat on the existing Event; creates it again if it is gone (expired, or deleted).
    private func update(_ event: Event) async throws {
        let patch: JSONValue = [
            "count": .int(Int64(event.count ?? 1)), "lastTimestamp": .string(event.lastTimestamp?.description ?? ""),
            "message": .string(event.message ?? ""),
        ]
        do {
            _ = try await client.patch(
                Event.self, name: event.name, namespace: event.metadata.namespace, patch: .merge(patch))
        } catch let error as KubeAPIError where error.isNotFound {
            _ = try await client.create(event, namespace: event.metadata.namespace)
        }
    }

    /// A new Event (count 1, first and last seen now), named like client-go's: `<object>.<random hex>`.
    static func event(
        about object: ObjectReference, component: String, type: String, reason: String, message: String, action: String?
    ) -> Event {
        let now = KubeTime.now()
        let namespace = object.namespace ?? "default"
        var event = Event(
            metadata: ObjectMeta(
                name: "\(object.name ?? "object").\(String(UInt64.random(in: 1...UInt64.max), radix: 16))",
                namespace: namespace),
            involvedObject: object, reason: reason, message: message, type: type)
        event.source = EventSource(component: component)
        event.reportingComponent = component
        event.firstTimestamp = now
        event.lastTimestamp = now
        event.count = 1
        event.action = action
        return event
    }
}

extension ObjectReference {
    /// A reference to `object`, for an Event about it.
    public init<T: KubeResource>(to object: T) {
        self.init(
            apiVersion: T.resourceType.apiVersion, kind: T.resourceType.kind, namespace: object.metadata.namespace,
            name: object.name, uid: object.metadata.uid)
    }
}
