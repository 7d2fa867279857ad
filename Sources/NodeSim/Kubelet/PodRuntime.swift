import Foundation
import KubeModel

/// What a simulated kubelet knows about one pod it runs: its IP, what it reserved on the node, its
/// containers, and any resize or shutdown in progress.
public struct PodRuntime: Sendable, Hashable {
    public enum Phase: Sendable, Hashable {
        /// Admitted: containers run from `startAt` on.
        case admitted
        /// Refused by admission: the pod is Failed and holds nothing.
        case rejected(Admission.Rejection)
        /// Deletion seen: containers stopped, resources and IP released.
        case stopped
        /// Every container exited (``ContainerExit``): `Succeeded` when all exited 0, else `Failed`;
        /// resources and IP released.
        case finished(succeeded: Bool)
    }

    public enum Resize: Sendable, Hashable {
        /// Applying `target` (container name → resources); done at `until`.
        case inProgress(until: Date, target: [String: ResourceRequirements])
        /// Refused for now: condition `PodResizePending` with this reason (`Infeasible` / `Deferred`).
        case pending(reason: String, message: String, target: [String: ResourceRequirements])
    }

    public var uid: String
    public var nodeName: String
    public var phase: Phase
    /// Host number in the node's /24, while the pod holds its IP.
    public var ipHost: Int?
    public var podIP: String?
    public var admittedAt: Date
    public var startAt: Date
    /// Requests reserved on the node while the pod is admitted.
    public var reserved: ResourceAmount
    public var containers: [ContainerRuntime]
    public var resize: Resize?
    /// A delete with grace period 0 was sent.
    public var deleteSent: Bool = false
    /// The last status written, as sent and as the server stored it.
    public var lastStatusWrite: StatusWrite?

    /// A status write: what was sent, and what the server kept of it (an older API server drops fields
    /// it does not know, such as `containerStatuses[].resources` before v1.33).
    public struct StatusWrite: Sendable, Hashable {
        public var sent: PodStatus
        public var stored: PodStatus?
    }
    /// The next time the timer loop looks at the pod (so that it is scheduled once per deadline).
    public var nextWake: Date?

    public init(
        uid: String, nodeName: String, phase: Phase, ipHost: Int?, podIP: String?, admittedAt: Date, startAt: Date,
        reserved: ResourceAmount, containers: [ContainerRuntime]
    ) {
        self.uid = uid
        self.nodeName = nodeName
        self.phase = phase
        self.ipHost = ipHost
        self.podIP = podIP
        self.admittedAt = admittedAt
        self.startAt = startAt
        self.reserved = reserved
        self.containers = containers
    }

    public var isAdmitted: Bool { phase == .admitted }

    public func container(_ name: String) -> ContainerRuntime? { containers.first { $0.name == name } }

    /// The resources the containers run with, by name (only containers that declare some).
    public var appliedResources: [String: ResourceRequirements] {
        var result: [String: ResourceRequirements] = [:]
        for container in containers { if let resources = container.resources { result[container.name] = resources } }
        return result
    }
}
