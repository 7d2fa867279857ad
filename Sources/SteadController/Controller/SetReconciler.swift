import Foundation
import KubeClient
import KubeModel
import Logging

/// One level-triggered pass over one set: read the caches, decide with the pure planners, write. Every
/// write is a precondition-guarded patch, create or delete, so a pass on a stale cache fails (409) or
/// waits instead of doing something twice.
struct SetReconciler: Sendable {
    /// How soon a set whose cache predates our own writes is looked at again (the informer event that
    /// brings the write usually comes first).
    static let staleRetry = Duration.milliseconds(100)

    let configuration: ControllerConfiguration
    let caches: ControllerCaches
    let state: ControllerState
    let writer: ObjectWriter
    let revisions: RevisionSync
    let scale: ScaleExecutor
    let updates: UpdateExecutor
    let inPlace: InPlaceUpdater
    let status: StatusWriter
    let events: SetEvents
    let logger: Logger

    /// Returns when the set needs another look even if nothing changes, or nil.
    func reconcile(_ key: String) async throws -> Duration? {
        guard let cached = await caches.sets.get(key) else {
            await state.forget(set: key)
            return nil
        }
        if cached.metadata.deletionTimestamp != nil { return nil }
        if await state.isStale(kind: StatusWriter.setKind, key: key, cached: cached.versionStamp) {
            return Self.staleRetry
        }
        let set = effective(cached)
        let now = Date()
        let view = await caches.view(of: set, now: now)
        let errors = StatefulPodSetValidator.validate(set)
        if !errors.isEmpty {
            try await reportInvalid(view: view, errors: errors)
            return nil
        }
        for pod in view.pods {
            if await state.isStale(kind: ObjectWriter.podKind, key: pod.key, cached: pod.versionStamp) {
                return Self.staleRetry
            }
        }
        return try await converge(view)
    }

    /// The set with the configured scheduler named in its template when the template names none, so that
    /// the revision records the scheduler the pods get.
    func effective(_ set: StatefulPodSet) -> StatefulPodSet {
        guard set.spec.template.schedulerName == nil, var spec = set.spec.template.json["spec"], spec.objectValue != nil
        else { return set }
        var copy = set
        spec["schedulerName"] = .string(configuration.schedulerName)
        copy.spec.template.json["spec"] = spec
        return copy
    }

    private func converge(_ view: SetView) async throws -> Duration? {
        let set = view.set
        let resolved = try await revisions.sync(set: set, cached: view.revisions)

        let scalePlan = ScalePlanner.plan(
            set: set, pods: view.pods, currentRevision: resolved.current.name, updateRevision: resolved.update.name,
            existingClaims: view.claims)
        let createFailure = try await scale.execute(scalePlan, view: view, revisions: resolved)
        try await reportCreateFailure(createFailure, view: view)
        let deleted = Set(scalePlan.delete.map(\.name))

        let capabilities = InPlaceCapabilities(resizeSubresource: await state.resizeSupported)
        let plan = UpdatePlanner.plan(
            set: set, pods: view.pods, currentRevision: resolved.current, updateRevision: resolved.update,
            revisions: resolved.all, now: view.now, nodes: view.nodes, capabilities: capabilities,
            stallTimeoutSeconds: configuration.stallTimeoutSeconds)
        let view = try await recordReplacements(plan, view: view, update: resolved.update.name, skipping: deleted)
        let graceWait = try await updates.execute(plan, view: view, update: resolved.update, skipping: deleted)
        try await inPlace.raiseGates(view: view, plan: plan, skipping: deleted)
        try await reportRollout(plan, view: view, update: resolved.update.name)

        try await revisions.trim(
            set: set, revisions: resolved.all, pods: view.pods, current: resolved.current.name,
            update: resolved.update.name)
        let statusWait = try await writeStatus(
            view: view, current: resolved.current.name, update: resolved.update.name,
            collisionCount: resolved.collisionCount, plan: plan, createFailure: createFailure)
        let retry = createFailure.map { _ in Self.createFailureRetry }
        return [graceWait, availabilityWait(view), retry, statusWait].compactMap { $0 }.min()
    }

    /// Records in the status the replacements this pass is about to make (the old pod's UID and marker),
    /// so that their deletes follow in this same pass and a restarted controller still counts them.
    private func recordReplacements(_ plan: UpdatePlan, view: SetView, update: String, skipping: Set<String>)
        async throws -> SetView
    {
        var wanted: [String: PendingReplacement] = [:]
        for planned in plan.changes where !skipping.contains(planned.pod) {
            guard let pod = view.pod(named: planned.pod),
                let intent = RolloutCounter.intent(for: planned.action, pod: pod, revision: update),
                view.set.status?.pendingReplacements?[pod.name] != intent
            else { continue }
            wanted[pod.name] = intent
        }
        guard !wanted.isEmpty else { return view }
        var recorded = view
        recorded.set = try await status.record(pendingReplacements: wanted, of: view.set)
        return recorded
    }

    /// How soon a pod the server refused is tried again (an edit of the set comes sooner, as an event).
    static let createFailureRetry = Duration.seconds(30)

    /// One Warning Event per refused pod, revision and message.
    private func reportCreateFailure(_ failure: CreateFailure?, view: SetView) async throws {
        guard let failure else { return }
        let set = view.set
        guard await state.firstReport("FailedCreate/\(failure.revision)/\(failure.pod)/\(failure.message)", set: set.key)
        else { return }
        logger.info("pod refused by the API server", metadata: ["set": "\(set.key)", "error": "\(failure.message)"])
        events.record(type: "Warning", reason: "FailedCreate", message: failure.eventMessage(set: set.name), set: set)
    }

    /// Returns when to come back for a change of the counts held back (``StatusWriter``).
    @discardableResult
    private func writeStatus(
        view: SetView, current: String, update: String, collisionCount: Int32, plan: UpdatePlan?,
        errors: [FieldError] = [], createFailure: CreateFailure? = nil
    ) async throws -> Duration? {
        var inputs = StatusInputs(
            set: view.set, pods: view.pods, currentRevision: current, updateRevision: update,
            collisionCount: collisionCount, now: view.now, validationErrors: errors, updatePlan: plan)
        inputs.createFailure = createFailure.map { $0.eventMessage(set: view.set.name) }
        return try await status.write(StatusCalculator.compute(inputs), of: view.set)
    }

    /// The Invalid condition and one Warning Event per generation; the set's pods are left alone.
    private func reportInvalid(view: SetView, errors: [FieldError]) async throws {
        let set = view.set
        let generation = set.metadata.generation ?? 0
        if await state.firstReport("invalid/\(generation)", set: set.key) {
            logger.info("invalid spec", metadata: ["set": "\(set.key)", "errors": "\(errors.summary)"])
            events.record(type: "Warning", reason: "InvalidSpec", message: errors.summary, set: set)
        }
        let current = set.status?.currentRevision ?? ""
        try await writeStatus(
            view: view, current: current, update: set.status?.updateRevision ?? current,
            collisionCount: set.status?.collisionCount ?? 0, plan: nil, errors: errors)
    }

    /// Events for a blocked or stalled rollout, once per update revision and pod.
    private func reportRollout(_ plan: UpdatePlan, view: SetView, update: String) async throws {
        let warnings = RolloutEvents.events(for: UpdatePlan(actions: [], blocked: plan.blocked, stalled: plan.stalled))
        for warning in warnings {
            guard await state.firstReport("\(warning.reason)/\(update)/\(warning.pod ?? "")", set: view.set.key) else {
                continue
            }
            logger.info("rollout stopped", metadata: ["set": "\(view.set.key)", "reason": "\(warning.message)"])
            events.record(warning, set: view.set, pod: warning.pod.flatMap(view.pod(named:)))
        }
    }

    /// When the next Ready pod becomes available (minReadySeconds), so the rollout moves on in time.
    private func availabilityWait(_ view: SetView) -> Duration? {
        let minReady = view.set.spec.effectiveMinReadySeconds
        guard minReady > 0 else { return nil }
        let waits = view.pods.compactMap { pod -> Double? in
            guard let since = pod.readySince, !pod.isAvailable(minReadySeconds: minReady, now: view.now) else {
                return nil
            }
            return since.timeIntervalSince(view.now) + Double(minReady)
        }
        return waits.min().map { .milliseconds(Int64(max(0, $0) * 1000) + 50) }
    }
}
