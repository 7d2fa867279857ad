import Foundation
import KubeModel
import SteadAPI

/// Signs that a pod on the update revision will not become Ready by itself.
enum PodHealth {
    static let failingWaitReasons: Set<String> = [
        "CrashLoopBackOff", "ErrImagePull", "ImagePullBackOff", "InvalidImageName", "CreateContainerConfigError",
        "CreateContainerError", "RunContainerError", "ErrImageNeverPull",
    ]

    /// Why the pod is failing, or nil when it may still come up.
    static func failureReason(_ pod: Pod, now: Date, stallTimeoutSeconds: Int) -> String? {
        if pod.status?.phase == PodPhase.failed {
            return "pod failed" + (pod.status?.reason.map { ": \($0)" } ?? "")
        }
        let statuses = (pod.status?.initContainerStatuses ?? []) + (pod.status?.containerStatuses ?? [])
        for status in statuses {
            if let reason = status.state?[path: ["waiting", "reason"]]?.stringValue, failingWaitReasons.contains(reason) {
                return "container \(status.name): \(reason)"
            }
            if let code = status.state?[path: ["terminated", "exitCode"]]?.intValue, code != 0 {
                return "container \(status.name) exited with code \(code)"
            }
        }
        if let since = updatedSince(pod), now.timeIntervalSince(since) >= Double(stallTimeoutSeconds) {
            return "not Ready \(Int(now.timeIntervalSince(since)))s after the update"
        }
        return nil
    }

    /// When the pod took its current revision: the last InPlaceUpdateReady transition (in place) or its
    /// creation (recreated).
    static func updatedSince(_ pod: Pod) -> Date? {
        let gate = pod.status?.condition(SteadKeys.inPlaceUpdateReady)?.lastTransitionTime?.date
        let created = pod.metadata.creationTimestamp?.date
        switch (gate, created) {
        case (let gate?, let created?): return max(gate, created)
        case (let gate?, nil): return gate
        case (nil, let created?): return created
        case (nil, nil): return nil
        }
    }
}
