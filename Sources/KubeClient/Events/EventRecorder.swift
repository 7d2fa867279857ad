import KubeModel
import Logging
import Synchronization

/// Writes core/v1 Events for one component, as client-go's event broadcaster does: ``record(_:type:reason:message:action:)``
/// only queues, and a task of its own creates the Events through a client with its own request budget,
/// so an Event never waits on (or takes the turn of) the work it reports, such as a bind. A full queue
/// drops the newest Event and logs it; a failed write is logged and dropped: an Event is never worth
/// failing the work.
public final class EventRecorder: Sendable {
    /// The reporting component, e.g. `stead-scheduler`.
    public let component: String
    private let client: KubeClient
    private let logger: Logger
    private let queue: AsyncStream<Event>.Continuation
    private let events: AsyncStream<Event>
    private let writer = Mutex<Task<Void, Never>?>(nil)
    private let dropped = Atomic<Int>(0)
    static let concurrentWrites = 8

    /// - Parameters:
    ///   - client: the Events' own client, e.g. `client.withRateLimit(qps:burst:)` of the component's.
    ///   - capacity: Events queued at most; more are dropped until the writer catches up.
    public init(client: KubeClient, component: String, logger: Logger, capacity: Int = 1_000) {
        self.client = client
        self.component = component
        self.logger = logger
        (events, queue) = AsyncStream.makeStream(of: Event.self, bufferingPolicy: .bufferingOldest(max(1, capacity)))
    }

    /// Events dropped because the queue was full.
    public var droppedCount: Int { dropped.load(ordering: .relaxed) }

    /// Starts the writer; calling it again does nothing.
    public func start() {
        writer.withLock { task in
            guard task == nil else { return }
            task = Task { [events] in
                // A few writes in flight, so that the queue drains at the client's rate, not at one
                // request's latency at a time.
                await withTaskGroup(of: Void.self) { group in
                    var inFlight = 0
                    for await event in events {
                        if inFlight >= Self.concurrentWrites {
                            await group.next()
                            inFlight -= 1
                        }
                        group.addTask { await self.write(event) }
                        inFlight += 1
                    }
                }
            }
        }
    }

    /// Writes what is queued, then stops. Events recorded afterwards are dropped.
    public func stop() async {
        queue.finish()
        let task = writer.withLock { $0 }
        await task?.value
    }

    /// Queues an Event about `object`; returns at once.
    public func record(
        _ object: ObjectReference, type: String, reason: String, message: String, action: String? = nil
    ) {
        let event = Self.event(about: object, component: component, type: type, reason: reason, message: message, action: action)
        if case .dropped = queue.yield(event) {
            let count = dropped.add(1, ordering: .relaxed).newValue
            logger.warning(
                "event dropped: the queue is full",
                metadata: ["object": "\(object.kind ?? "")/\(object.name ?? "")", "reason": "\(reason)", "dropped": "\(count)"])
        }
    }

    /// Writes an Event now, for callers whose next step depends on it being visible.
    public func write(
        _ object: ObjectReference, type: String, reason: String, message: String, action: String? = nil
    ) async {
        await write(Self.event(about: object, component: component, type: type, reason: reason, message: message, action: action))
    }

    private func write(_ event: Event) async {
        do {
            _ = try await client.create(event, namespace: event.metadata.namespace)
        } catch {
            logger.warning(
                "cannot record event",
                metadata: [
                    "object": "\(event.involvedObject.kind ?? "")/\(event.involvedObject.name ?? "")",
                    "reason": "\(event.reason ?? "")", "error": "\(error)",
                ])
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
