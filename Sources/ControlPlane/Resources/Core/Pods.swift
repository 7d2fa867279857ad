import Foundation
import KubeModel

extension BuiltinResources {
    public static let pods = ResourceInfo(
        .core("Pod", "pods"), shortNames: ["po"],
        subresources: ["status", "binding", "resize", "log", "exec", "eviction"], categories: ["all"],
        strategy: PodStrategy(), printer: PodStrategy.printer,
        fieldLabels: [
            "spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName",
            "spec.hostNetwork", "status.phase", "status.podIP", "status.podIPs", "status.nominatedNodeName",
        ])
}

struct PodStrategy: ResourceStrategy {
    /// The defaults Kubernetes gives a new pod that the rest of Stead relies on: `spec.schedulerName`
    /// (so `fieldSelector=spec.schedulerName=default-scheduler` finds it) and `status.phase` Pending.
    func prepareForCreate(_ pod: inout JSONValue, context: AdmissionContext) throws(Status) {
        if var spec = pod["spec"]?.objectValue {
            if (spec["schedulerName"]?.stringValue ?? "").isEmpty { spec["schedulerName"] = "default-scheduler" }
            pod["spec"] = .object(spec)
        }
        if pod[path: ["status", "phase"]] == nil {
            var status = pod["status"]?.objectValue ?? [:]
            status["phase"] = .string(PodPhase.pending)
            pod["status"] = .object(status)
        }
    }

    func prepareForUpdate(_ pod: inout JSONValue, old: JSONValue) throws(Status) {
        try PodUpdateRule.check(new: pod, old: old, name: pod[path: ["metadata", "name"]]?.stringValue ?? "")
    }

    static let printer = TablePrinter([
        .name,
        PrinterColumn("Ready") { .string(PodSummary($0).ready) },
        PrinterColumn("Status") { .string(PodSummary($0).status) },
        PrinterColumn("Restarts") { pod, now in .string(PodSummary(pod).restarts(now: now)) },
        .age,
        PrinterColumn("IP", priority: 1) { .string(Cells.text($0[path: ["status", "podIPs"]]?.arrayValue?.first?["ip"]) ?? "<none>") },
        .field("Node", ["spec", "nodeName"], priority: 1),
        .field("Nominated Node", ["status", "nominatedNodeName"], priority: 1),
        PrinterColumn("Readiness Gates", priority: 1) { .string(readinessGates($0)) },
    ])

    /// "passed/total" of the pod's readiness gates, as kubectl prints them; `<none>` without gates.
    static func readinessGates(_ pod: JSONValue) -> String {
        let gates = pod[path: ["spec", "readinessGates"]]?.arrayValue ?? []
        guard !gates.isEmpty else { return "<none>" }
        let conditions = pod[path: ["status", "conditions"]]?.arrayValue ?? []
        let passed = gates.filter { gate in
            conditions.contains { $0["type"] == gate["conditionType"] && $0["status"] == "True" }
        }.count
        return "\(passed)/\(gates.count)"
    }
}

/// READY, STATUS and RESTARTS of `kubectl get pods`, worked out as Kubernetes' pod printer does: init
/// containers first (`Init:0/2`, `Init:CrashLoopBackOff`), then the app containers, the first one's state
/// winning; sidecars (init containers that restart always) count as app containers.
struct PodSummary {
    var status: String
    var readyCount = 0
    var total: Int
    var restartCount: Int64 = 0
    var lastRestart: Date?

    var ready: String { "\(readyCount)/\(total)" }

    init(_ pod: JSONValue) {
        let initSpecs = pod[path: ["spec", "initContainers"]]?.arrayValue ?? []
        let sidecars = Set(initSpecs.filter { $0["restartPolicy"] == "Always" }.compactMap { $0["name"]?.stringValue })
        total = (pod[path: ["spec", "containers"]]?.arrayValue?.count ?? 0) + sidecars.count
        let phase = pod[path: ["status", "phase"]]?.stringValue ?? ""
        status = Cells.text(pod[path: ["status", "reason"]]) ?? phase
        let conditions = pod[path: ["status", "conditions"]]?.arrayValue ?? []
        if conditions.contains(where: { $0["type"] == "PodScheduled" && $0["reason"] == "SchedulingGated" }) {
            status = "SchedulingGated"
        }
        var initializing = false
        var sidecarRestarts: Int64 = 0
        var lastSidecarRestart: Date?
        let initStatuses = pod[path: ["status", "initContainerStatuses"]]?.arrayValue ?? []
        for (index, container) in initStatuses.enumerated() {
            Self.note(container, into: &restartCount, last: &lastRestart)
            let isSidecar = sidecars.contains(container["name"]?.stringValue ?? "")
            if isSidecar { Self.note(container, into: &sidecarRestarts, last: &lastSidecarRestart) }
            let terminated = container[path: ["state", "terminated"]]
            let waitingReason = Cells.text(container[path: ["state", "waiting", "reason"]])
            if let terminated, terminated["exitCode"]?.intValue == 0 { continue }
            if isSidecar && container["started"]?.boolValue == true {
                if container["ready"]?.boolValue == true { readyCount += 1 }
                continue
            }
            if let terminated {
                status = "Init:" + (Cells.text(terminated["reason"]) ?? Self.exitText(terminated))
            } else if let waitingReason, waitingReason != "PodInitializing" {
                status = "Init:" + waitingReason
            } else {
                status = "Init:\(index)/\(initSpecs.count)"
            }
            initializing = true
            break
        }
        let initialized = conditions.contains { $0["type"] == "Initialized" && $0["status"] == "True" }
        if !initializing || initialized {
            restartCount = sidecarRestarts
            lastRestart = lastSidecarRestart
            var hasRunning = false
            for container in (pod[path: ["status", "containerStatuses"]]?.arrayValue ?? []).reversed() {
                Self.note(container, into: &restartCount, last: &lastRestart)
                if let reason = Cells.text(container[path: ["state", "waiting", "reason"]]) {
                    status = reason
                } else if let terminated = container[path: ["state", "terminated"]] {
                    status = Cells.text(terminated["reason"]) ?? Self.exitText(terminated)
                } else if container["ready"]?.boolValue == true, container[path: ["state", "running"]] != nil {
                    hasRunning = true
                    readyCount += 1
                }
            }
            if status == "Completed" && hasRunning {
                status = conditions.contains { $0["type"] == "Ready" && $0["status"] == "True" } ? "Running" : "NotReady"
            }
        }
        if DeleteRules.isDeleting(pod) {
            if pod[path: ["status", "reason"]]?.stringValue == "NodeLost" {
                status = "Unknown"
            } else if phase != PodPhase.succeeded && phase != PodPhase.failed {
                status = "Terminating"
            }
        }
    }

    /// `2`, or `2 (5m ago)` when the last restart's time is known.
    func restarts(now: Date) -> String {
        guard restartCount != 0, let lastRestart else { return String(restartCount) }
        return "\(restartCount) (\(Cells.humanDuration(now.timeIntervalSince(lastRestart))) ago)"
    }

    private static func note(_ container: JSONValue, into count: inout Int64, last: inout Date?) {
        count += container["restartCount"]?.intValue ?? 0
        guard let text = container[path: ["lastState", "terminated", "finishedAt"]]?.stringValue,
            let finished = KubeTime(text: text)?.date
        else { return }
        last = max(last ?? finished, finished)
    }

    private static func exitText(_ terminated: JSONValue) -> String {
        if let signal = terminated["signal"]?.intValue, signal != 0 { return "Signal:\(signal)" }
        return "ExitCode:\(terminated["exitCode"]?.intValue ?? 0)"
    }
}
