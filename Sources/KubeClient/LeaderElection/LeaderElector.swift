import Foundation
import KubeModel
import Logging
import Synchronization

/// Leader election on a `coordination.k8s.io/v1` Lease, following client-go's `leaderelection`:
///
/// - a candidate takes the lease when it is absent, released (empty holder) or expired — expiry is
///   judged on the local clock from when this candidate last saw the lease change, not from the
///   holder's `renewTime`, so clock skew between machines does not matter;
/// - the leader renews every `retryPeriod`; if it cannot renew within `renewDeadline` of its last
///   successful renewal it stops leading. `renewDeadline < leaseDuration` means it stops before any
///   other candidate may consider the lease expired;
/// - on a graceful stop (the task running ``run(onStartedLeading:onStoppedLeading:)`` is cancelled)
///   the leader releases the lease: empty `holderIdentity`, `leaseDurationSeconds` 1;
/// - every write is an update carrying the lease's resourceVersion; a 409 Conflict re-reads the lease;
/// - as a ``WriteFence`` (install it with ``KubeClient/fenced(by:)``) it refuses the loops' writes once
///   its last successful renewal is older than `renewDeadline`, even before the renewal loop notices:
///   a process frozen (SIGSTOP) and resumed after another candidate took over writes nothing.
public final class LeaderElector: WriteFence, Sendable {
    public let lease: ObjectKey
    public let identity: String
    public let leaseDuration: Duration
    public let renewDeadline: Duration
    public let retryPeriod: Duration
    /// Whether a graceful stop releases the lease (client-go's `ReleaseOnCancel`). Without it the
    /// next leader waits for the lease to expire.
    public let releaseOnCancel: Bool
    let client: KubeClient
    let logger: Logger
    /// Lease expiry, renew deadlines and retries are measured on it (tests pass a manual clock).
    let clock: ClockSource

    private struct Observed {
        var resourceVersion: String?
        var at: ContinuousClock.Instant
    }
    private let leading = Mutex(false)
    /// When writes stop being safe: the start of the last successful acquire or renew plus
    /// `renewDeadline`; nil outside a term.
    private let writesAllowedUntil = Mutex<ContinuousClock.Instant?>(nil)
    private let observed = Mutex<Observed?>(nil)

    /// - Precondition: `retryPeriod < renewDeadline < leaseDuration`.
    public init(
        client: KubeClient, lease: ObjectKey, identity: String, leaseDuration: Duration = .seconds(15),
        renewDeadline: Duration = .seconds(10), retryPeriod: Duration = .seconds(2), releaseOnCancel: Bool = true,
        logger: Logger? = nil, clock: ClockSource = .continuous
    ) {
        precondition(renewDeadline < leaseDuration, "renewDeadline must be shorter than leaseDuration")
        precondition(retryPeriod < renewDeadline, "retryPeriod must be shorter than renewDeadline")
        self.client = client
        self.lease = lease
        self.identity = identity
        self.leaseDuration = leaseDuration
        self.renewDeadline = renewDeadline
        self.retryPeriod = retryPeriod
        self.releaseOnCancel = releaseOnCancel
        self.clock = clock
        var logger = logger ?? client.logger
        logger[metadataKey: "lease"] = "\(lease)"
        logger[metadataKey: "identity"] = "\(identity)"
        self.logger = logger
    }

    /// True while this candidate holds the lease and renews it in time.
    public var isLeader: Bool { leading.withLock { $0 } }

    public func writeRefusal() -> String? {
        guard let until = writesAllowedUntil.withLock({ $0 }) else {
            return "\(identity) does not hold the lease \(lease)"
        }
        let now = clock.now
        guard now >= until else { return nil }
        return "\(identity) last renewed the lease \(lease) more than \(renewDeadline) ago (\(now - until) past the deadline)"
    }

    /// Allows writes until `renewDeadline` after `start`, the moment a successful acquire or renew began.
    private func recordRenewal(startedAt start: ContinuousClock.Instant) {
        writesAllowedUntil.withLock { $0 = start + renewDeadline }
    }

    private func revokeWrites() {
        writesAllowedUntil.withLock { $0 = nil }
    }

    /// Campaigns for the lease, then runs `onStartedLeading` in a child task while leading.
    ///
    /// Returns when leadership is lost (the lease could not be renewed in time) or when the calling
    /// task is cancelled (then the lease is released, see ``releaseOnCancel``). In both cases the
    /// `onStartedLeading` task is cancelled and awaited — it must honour cancellation — then
    /// `onStoppedLeading` is called; neither runs if leadership was never gained.
    public func run(
        onStartedLeading: @escaping @Sendable () async -> Void,
        onStoppedLeading: @escaping @Sendable () async -> Void = {}
    ) async {
        guard await acquire() else { return }
        leading.withLock { $0 = true }
        logger.info("started leading")
        let work = Task { await onStartedLeading() }
        await renewWhileLeading()
        leading.withLock { $0 = false }
        // Lost: no write from now on. Stopping gracefully: the work may flush its writes while the
        // last renewal is fresh, and the fence closes before the lease is released.
        if !Task.isCancelled { revokeWrites() }
        work.cancel()
        await work.value
        revokeWrites()
        if Task.isCancelled && releaseOnCancel {
            // Release in an unstructured task: the requests of a cancelled task would fail at once.
            await Task { await self.release() }.value
        }
        logger.info("stopped leading")
        await onStoppedLeading()
    }

    /// Retries every `retryPeriod` until the lease is ours; false when cancelled first.
    private func acquire() async -> Bool {
        while !Task.isCancelled {
            let attemptStart = clock.now
            if await tryAcquireOrRenew() {
                recordRenewal(startedAt: attemptStart)
                return true
            }
            do { try await clock.sleep(for: retryPeriod) } catch { return false }
        }
        return false
    }

    /// Renews until a renewal misses its deadline or the task is cancelled.
    private func renewWhileLeading() async {
        var lastRenewal = writesAllowedUntil.withLock { $0 }.map { $0 - renewDeadline } ?? clock.now
        while !Task.isCancelled {
            do { try await clock.sleep(for: retryPeriod) } catch { return }
            let deadline = lastRenewal + renewDeadline
            var renewed = false
            while !Task.isCancelled, clock.now < deadline {
                let attemptStart = clock.now
                if await attempt(before: deadline) {
                    lastRenewal = attemptStart
                    recordRenewal(startedAt: attemptStart)
                    renewed = true
                    break
                }
                let remaining = deadline - clock.now
                guard remaining > .zero else { break }
                do { try await clock.sleep(for: min(retryPeriod, remaining)) } catch { return }
            }
            if Task.isCancelled { return }
            if !renewed {
                logger.warning("failed to renew the lease within the renew deadline, stepping down")
                return
            }
        }
    }

    /// One try that gives up at `deadline`.
    private func attempt(before deadline: ContinuousClock.Instant) async -> Bool {
        await withTaskGroup(of: Bool?.self) { group in
            group.addTask { await self.tryAcquireOrRenew() }
            group.addTask {
                try? await self.clock.sleep(until: deadline)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first == true
        }
    }

    private var leaseSeconds: Int32 { Int32(max(1, leaseDuration.components.seconds + (leaseDuration.components.attoseconds > 0 ? 1 : 0))) }

    /// Takes or renews the lease if allowed; false when another candidate holds it or the write fails.
    func tryAcquireOrRenew() async -> Bool {
        for _ in 0..<2 {
            switch await tryOnce() {
            case .success: return true
            case .refused: return false
            case .conflict: continue  // someone wrote in between: read again at once
            }
        }
        return false
    }

    private enum Outcome { case success, refused, conflict }

    private func tryOnce() async -> Outcome {
        let now = Date()
        let nowInstant = clock.now
        var current: Lease
        do {
            current = try await client.get(Lease.self, name: lease.name, namespace: lease.namespace)
        } catch let error as KubeAPIError where error.isNotFound {
            return await create(now: now, at: nowInstant)
        } catch {
            logger.debug("cannot read the lease", metadata: ["error": "\(error)"])
            return .refused
        }
        let spec = current.spec ?? LeaseSpec()
        let observedAt = observed.withLock { observed -> ContinuousClock.Instant in
            if observed?.resourceVersion != current.metadata.resourceVersion || observed == nil {
                observed = Observed(resourceVersion: current.metadata.resourceVersion, at: nowInstant)
            }
            return observed?.at ?? nowInstant
        }
        let holder = spec.holderIdentity ?? ""
        let duration = Duration.seconds(Int64(spec.leaseDurationSeconds ?? leaseSeconds))
        if !holder.isEmpty, holder != identity, nowInstant < observedAt + duration {
            return .refused
        }
        var newSpec = spec
        if holder != identity {
            newSpec.leaseTransitions = (spec.leaseTransitions ?? 0) + 1
            newSpec.acquireTime = KubeTime(now, microseconds: true)
        }
        newSpec.holderIdentity = identity
        newSpec.leaseDurationSeconds = leaseSeconds
        newSpec.renewTime = KubeTime(now, microseconds: true)
        current.spec = newSpec
        do {
            let written = try await client.update(current)
            observed.withLock { $0 = Observed(resourceVersion: written.metadata.resourceVersion, at: nowInstant) }
            if holder != identity {
                logger.info("acquired the lease", metadata: ["previousHolder": "\(holder)",
                    "leaseTransitions": "\(newSpec.leaseTransitions ?? 0)"])
            }
            return .success
        } catch let error as KubeAPIError where error.isConflict {
            return .conflict
        } catch {
            logger.debug("cannot write the lease", metadata: ["error": "\(error)"])
            return .refused
        }
    }

    private func create(now: Date, at instant: ContinuousClock.Instant) async -> Outcome {
        let fresh = Lease(
            metadata: ObjectMeta(name: lease.name, namespace: lease.namespace),
            spec: LeaseSpec(
                holderIdentity: identity, leaseDurationSeconds: leaseSeconds,
                acquireTime: KubeTime(now, microseconds: true), renewTime: KubeTime(now, microseconds: true),
                leaseTransitions: 0))
        do {
            let written = try await client.create(fresh)
            observed.withLock { $0 = Observed(resourceVersion: written.metadata.resourceVersion, at: instant) }
            logger.info("created and acquired the lease")
            return .success
        } catch let error as KubeAPIError where error.isAlreadyExists || error.isConflict {
            return .conflict
        } catch {
            logger.debug("cannot create the lease", metadata: ["error": "\(error)"])
            return .refused
        }
    }

    /// Gives the lease up if we still hold it, so another candidate can take it at once. A renewal
    /// cut short by the cancellation may still land first: on 409 read again and retry.
    private func release() async {
        for _ in 0..<3 {
            do {
                var current = try await client.get(Lease.self, name: lease.name, namespace: lease.namespace)
                guard current.spec?.holderIdentity == identity else { return }
                current.spec?.holderIdentity = ""
                current.spec?.leaseDurationSeconds = 1
                current.spec?.renewTime = KubeTime(Date(), microseconds: true)
                _ = try await client.update(current)
                logger.info("released the lease")
                return
            } catch let error as KubeAPIError where error.isConflict {
                continue
            } catch {
                logger.warning("cannot release the lease", metadata: ["error": "\(error)"])
                return
            }
        }
        logger.warning("cannot release the lease: it kept changing under us")
    }
}
