/// The kubelet's resource admission: does a pod fit what the node has left? Pure.
public enum Admission {
    /// Why a pod is refused: `reason` is the pod's `status.reason` (`OutOfcpu`, `OutOfmemory`,
    /// `OutOfpods`), `message` its `status.message`, worded like the kubelet's.
    public struct Rejection: Sendable, Hashable, Error {
        public var resource: String
        public var reason: String
        public var message: String
    }

    /// nil when `request` fits in `allocatable` minus `used`; else the first resource that does not fit,
    /// checked in the kubelet's order: pods, cpu, memory.
    public static func check(
        request: ResourceAmount, used: ResourceAmount, allocatable: ResourceAmount
    ) -> Rejection? {
        if used.pods + request.pods > allocatable.pods {
            return rejection("pods", Int64(request.pods), Int64(used.pods), Int64(allocatable.pods))
        }
        if request.milliCPU > 0, used.milliCPU + request.milliCPU > allocatable.milliCPU {
            return rejection("cpu", request.milliCPU, used.milliCPU, allocatable.milliCPU)
        }
        if request.memory > 0, used.memory + request.memory > allocatable.memory {
            return rejection("memory", request.memory, used.memory, allocatable.memory)
        }
        return nil
    }

    private static func rejection(_ resource: String, _ requested: Int64, _ used: Int64, _ capacity: Int64) -> Rejection {
        Rejection(
            resource: resource, reason: "OutOf\(resource)",
            message: "Pod was rejected: Node didn't have enough resource: \(resource), requested: \(requested), used: \(used), capacity: \(capacity)")
    }

    /// What to do with a requested in-place resize (KEP-1287).
    public enum ResizeVerdict: Sendable, Hashable {
        /// Apply it.
        case fits
        /// It can never fit this node: `PodResizePending` with reason `Infeasible`.
        case infeasible(message: String)
        /// It does not fit now, other pods use the room: `PodResizePending` with reason `Deferred`.
        case deferred(message: String)
    }

    /// Checks a resize of a pod from `current` to `desired` requests on a node where `used` includes `current`.
    public static func checkResize(
        current: ResourceAmount, desired: ResourceAmount, used: ResourceAmount, allocatable: ResourceAmount
    ) -> ResizeVerdict {
        if desired.milliCPU > allocatable.milliCPU {
            return .infeasible(message: "Node didn't have enough capacity: cpu, requested: \(desired.milliCPU), capacity: \(allocatable.milliCPU)")
        }
        if desired.memory > allocatable.memory {
            return .infeasible(message: "Node didn't have enough capacity: memory, requested: \(desired.memory), capacity: \(allocatable.memory)")
        }
        let others = used - current
        if others.milliCPU + desired.milliCPU > allocatable.milliCPU {
            return .deferred(message: "Node didn't have enough resource: cpu, requested: \(desired.milliCPU), used: \(others.milliCPU), capacity: \(allocatable.milliCPU)")
        }
        if others.memory + desired.memory > allocatable.memory {
            return .deferred(message: "Node didn't have enough resource: memory, requested: \(desired.memory), used: \(others.memory), capacity: \(allocatable.memory)")
        }
        return .fits
    }
}
