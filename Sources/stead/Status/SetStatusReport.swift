import Foundation
import KubeModel
import SteadAPI
import SteadController
import SteadRuntime

/// `stead status`: one row per pod of a set, then the rollout's counts.
struct SetStatusReport {
    var set: StatefulPodSet
    var pods: [Pod]
    var events: [Event]

    func render() -> String {
        var table = TextTable("ORDINAL", "POD", "NODE", "REVISION", "READY", "RESTARTS", "LAST UPDATE")
        for pod in pods.sorted(by: { (ordinal($0) ?? Int.max, $0.name) < (ordinal($1) ?? Int.max, $1.name) }) {
            let restarts = pod.status?.containerStatuses?.reduce(Int32(0)) { $0 + $1.restartCount } ?? 0
            table.add(
                ordinal(pod).map(String.init) ?? "?", pod.name, pod.spec?.nodeName ?? "<pending>",
                pod.metadata.labels?[SteadKeys.revisionHash] ?? "-", readiness(pod), String(restarts),
                LastUpdate.of(pod, updateRevision: set.status?.updateRevision, events: events).description)
        }
        return table.render() + "\n\n" + rolloutSummary
    }

    private func ordinal(_ pod: Pod) -> Int? {
        if let index = pod.metadata.labels?[SteadKeys.podIndex].flatMap({ Int($0) }) { return index }
        return pod.name.split(separator: "-").last.flatMap { Int($0) }
    }

    private func readiness(_ pod: Pod) -> String {
        let statuses = pod.status?.containerStatuses ?? []
        let total = max(statuses.count, pod.spec?.containers.count ?? 0)
        return "\(statuses.filter(\.ready).count)/\(total)"
    }

    private var revisionLine: String {
        let current = set.status?.currentRevision ?? "-"
        let update = set.status?.updateRevision ?? "-"
        return current == update ? "revision \(update) (rolled out)" : "rolling out \(current) -> \(update)"
    }

    var rolloutSummary: String {
        let status = set.status
        let wanted = set.spec.replicas ?? 1
        var lines = [
            "replicas \(status?.replicas ?? 0)/\(wanted), ready \(status?.readyReplicas ?? 0), "
                + "updated \(status?.updatedReplicas ?? 0), available \(status?.availableReplicas ?? 0)",
            revisionLine + ": "
                + "\(status?.updatedInPlace ?? 0) in place, \(status?.recreatedOnSameNode ?? 0) recreated on the same node, "
                + "\(status?.rescheduled ?? 0) rescheduled",
        ]
        for (reason, count) in (status?.rescheduleReasons ?? [:]).sorted(by: { $0.key < $1.key }) {
            lines.append("  rescheduled because \(reason): \(count)")
        }
        return lines.joined(separator: "\n")
    }
}
