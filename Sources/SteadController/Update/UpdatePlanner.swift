import Foundation
import KubeModel

/// Decides, for every pod of a set, how it reaches the update revision in this reconcile. Pure: the
/// same inputs give the same plan, so the rules below are tested as tables.
///
/// - Pods on a node that is gone, or NotReady for `nodeLossTimeoutSeconds` (Strict) or at all
///   (Preferred), are rescheduled whatever the strategy.
/// - OnDelete: nothing else.
/// - RollingUpdate: highest ordinal first; ordinals below `partition` stay; at most `maxUnavailable` pods
///   unavailable at once (not Ready, Ready for less than minReadySeconds, terminating, missing, or being
///   updated); `paused` starts nothing new; a pod on the update revision that fails stalls the rollout;
///   an InPlaceOnly change that needs a new pod blocks it.
public enum UpdatePlanner {
    public static let defaultStallTimeoutSeconds = 600

    public static func plan(
        set: StatefulPodSet, pods: [Pod], currentRevision: ControllerRevision, updateRevision: ControllerRevision,
        revisions: [ControllerRevision], now: Date, nodes: [String: NodeState],
        capabilities: InPlaceCapabilities = InPlaceCapabilities(),
        stallTimeoutSeconds: Int = defaultStallTimeoutSeconds
    ) -> UpdatePlan {
        let spec = set.spec.withDefaults()
        let replicas = spec.effectiveReplicas
        let minReady = spec.effectiveMinReadySeconds
        let podsByOrdinal = set.podsByOrdinal(pods).filter { $0.key < replicas }
        let ordinals = podsByOrdinal.keys.sorted(by: >)
        var templates: [String: PodTemplateSpec] = [:]
        for revision in revisions + [currentRevision, updateRevision] {
            if let template = RevisionBuilder.template(of: revision) { templates[revision.name] = template }
        }
        let context = PodDecisionContext(
            updateRevision: updateRevision.name, updateTemplate: templates[updateRevision.name],
            templates: templates, nodes: nodes, capabilities: capabilities, policy: spec.effectivePodUpdatePolicy)

        var actions: [Int: PodUpdateAction] = [:]
        for ordinal in ordinals {
            let pod = podsByOrdinal[ordinal]!
            if let reason = nodeLossReason(pod, spec: spec, nodes: nodes, now: now) {
                actions[ordinal] = .reschedule(reason: reason)
            }
        }

        var stalled: StalledRollout?
        for ordinal in ordinals where actions[ordinal] == nil {
            let pod = podsByOrdinal[ordinal]!
            guard pod.revisionHash == updateRevision.name, !pod.isAvailable(minReadySeconds: minReady, now: now),
                !pod.isTerminating,
                let reason = PodHealth.failureReason(pod, now: now, stallTimeoutSeconds: stallTimeoutSeconds)
            else { continue }
            actions[ordinal] = .stalled(reason: reason)
            if stalled == nil { stalled = StalledRollout(pod: pod.name, reason: reason) }
        }

        var blocked: BlockedRollout?
        if spec.effectiveUpdateStrategyType == .rollingUpdate {
            var unavailable = (0..<replicas).filter { ordinal in
                guard let pod = podsByOrdinal[ordinal] else { return true }
                return actions[ordinal] != nil || !pod.isAvailable(minReadySeconds: minReady, now: now)
            }.count
            let maxUnavailable = spec.effectiveMaxUnavailable
            var stop: PodUpdateAction?
            if let stalled { stop = .wait(reason: stalled.message) }
            if spec.isPaused { stop = .wait(reason: "rollout paused") }

            for ordinal in ordinals where actions[ordinal] == nil {
                let pod = podsByOrdinal[ordinal]!
                if pod.revisionHash == updateRevision.name || ordinal < spec.effectivePartition {
                    actions[ordinal] = .nothing
                    continue
                }
                if let stop {
                    actions[ordinal] = stop
                    continue
                }
                if pod.isTerminating {
                    actions[ordinal] = .wait(reason: "pod is terminating")
                    continue
                }
                let available = pod.isAvailable(minReadySeconds: minReady, now: now)
                if available, unavailable >= maxUnavailable {
                    let wait = PodUpdateAction.wait(
                        reason: "\(unavailable) pod(s) unavailable, maxUnavailable is \(maxUnavailable)")
                    actions[ordinal] = wait
                    stop = wait
                    continue
                }
                let action = context.action(for: pod)
                actions[ordinal] = action
                if case .blocked(let fields) = action {
                    blocked = BlockedRollout(pod: pod.name, fields: fields)
                    stop = .wait(reason: "rollout blocked at pod \(pod.name)")
                } else if action.changesPod, available {
                    unavailable += 1
                }
            }
        }

        let planned = ordinals.map { ordinal in
            PlannedPodAction(pod: podsByOrdinal[ordinal]!.name, ordinal: ordinal, action: actions[ordinal] ?? .nothing)
        }
        return UpdatePlan(actions: planned, blocked: blocked, stalled: stalled)
    }

    /// Why the pod must leave its node now, or nil.
    static func nodeLossReason(_ pod: Pod, spec: StatefulPodSetSpec, nodes: [String: NodeState], now: Date) -> String? {
        guard !pod.isTerminating, let node = pod.nodeName, let state = nodes[node] else { return nil }
        switch state.health {
        case .ready:
            return nil
        case .gone:
            return "node \(node) is gone"
        case .notReady(let since):
            let elapsed = max(0, Int(now.timeIntervalSince(since)))
            if spec.effectiveStickiness == .preferred || elapsed >= spec.effectiveNodeLossTimeoutSeconds {
                return "node \(node) NotReady for \(elapsed)s"
            }
            return nil
        }
    }
}
