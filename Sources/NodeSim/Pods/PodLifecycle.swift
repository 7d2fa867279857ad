import Foundation
import KubeModel

/// How the containers of an admitted pod evolve as time passes and its spec changes. Pure: it edits a
/// ``PodRuntime`` and says when it next needs a look; the caller does the I/O and the node bookkeeping.
public enum PodLifecycle {
    /// A new runtime for a pod just admitted at `now`: containers start after the start latency.
    public static func admit(
        pod: Pod, nodeName: String, ipHost: Int, podIP: String, now: Date, timing: PodTiming
    ) -> PodRuntime {
        let startAt = now.adding(timing.startLatency)
        let containers = (pod.spec?.containers ?? []).map {
            container(for: $0, startAt: startAt, restartPolicy: pod.spec?.restartPolicy, timing: timing)
        }
        return PodRuntime(
            uid: pod.metadata.uid ?? "", nodeName: nodeName, phase: .admitted, ipHost: ipHost, podIP: podIP,
            admittedAt: now, startAt: startAt, reserved: ResourceAmount.requests(of: pod.spec), containers: containers)
    }

    /// Restarts containers whose image changed, crash-loops failing ones, adds containers new in the
    /// spec and drops removed ones, and moves a resize along. `resizeVerdict` is asked only when the
    /// spec's resources differ from what runs and no resize to them is under way.
    /// Returns when the pod next needs a look (nil: only when something changes).
    @discardableResult
    public static func advance(
        _ runtime: inout PodRuntime, spec: PodSpec?, now: Date, timing: PodTiming,
        resizeVerdict: (_ desired: ResourceAmount) -> Admission.ResizeVerdict
    ) -> Date? {
        guard runtime.phase == .admitted else { return nil }
        let specContainers = spec?.containers ?? []
        var containers: [ContainerRuntime] = []
        for container in specContainers {
            let image = container.image ?? ""
            guard var current = runtime.container(container.name) else {
                let startAt = max(now.adding(timing.restartLatency), runtime.startAt)
                containers.append(Self.container(for: container, startAt: startAt, restartPolicy: spec?.restartPolicy, timing: timing))
                continue
            }
            if current.image != image {
                current.restart(with: image, now: max(now, runtime.startAt), latency: timing.restartLatency,
                                crashLoopInterval: timing.crashLoopInterval)
            }
            while current.failing, let crashAt = current.nextCrashAt, crashAt <= now {
                current.crash(now: crashAt, crashLoopInterval: timing.crashLoopInterval)
            }
            current.exitIfDue(now: now)
            containers.append(current)
        }
        runtime.containers = containers
        if !containers.isEmpty, containers.allSatisfy({ $0.terminated != nil }) {
            runtime.phase = .finished(succeeded: containers.allSatisfy { $0.terminated?.exitCode == 0 })
            runtime.resize = nil
            return nil
        }
        advanceResize(&runtime, spec: spec, now: now, timing: timing, resizeVerdict: resizeVerdict)
        return nextDeadline(runtime, now: now, timing: timing)
    }

    /// A container's runtime from its spec, starting at `startAt`; it exits by itself only when the
    /// pod's restart policy lets it (``ContainerExit``).
    static func container(for container: Container, startAt: Date, restartPolicy: String?, timing: PodTiming) -> ContainerRuntime {
        ContainerRuntime(
            name: container.name, image: container.image ?? "", startAt: startAt, resources: container.resources,
            crashLoopInterval: timing.crashLoopInterval,
            runTime: ContainerExit.exits(restartPolicy: restartPolicy) ? ContainerExit.runTime(of: container) : nil,
            restartsOnFailure: restartPolicy != "Never")
    }

    /// Container resources the spec asks for, by container name (only containers that declare some).
    static func desiredResources(_ spec: PodSpec?) -> [String: ResourceRequirements] {
        var result: [String: ResourceRequirements] = [:]
        for container in spec?.containers ?? [] { if let resources = container.resources { result[container.name] = resources } }
        return result
    }

    private static func advanceResize(
        _ runtime: inout PodRuntime, spec: PodSpec?, now: Date, timing: PodTiming,
        resizeVerdict: (ResourceAmount) -> Admission.ResizeVerdict
    ) {
        let desired = desiredResources(spec)
        guard desired != runtime.appliedResources else {
            runtime.resize = nil
            return
        }
        if case .inProgress(let until, let target)? = runtime.resize, target == desired {
            if now >= until {
                for index in runtime.containers.indices {
                    runtime.containers[index].resources = target[runtime.containers[index].name]
                }
                runtime.reserved = reservedRequests(spec: spec, applied: target)
                runtime.resize = nil
            }
            return
        }
        if case .pending(let reason, _, let target)? = runtime.resize, target == desired, reason == "Infeasible" {
            return
        }
        switch resizeVerdict(reservedRequests(spec: spec, applied: desired)) {
        case .fits:
            runtime.resize = .inProgress(until: now.adding(timing.restartLatency), target: desired)
        case .infeasible(let message):
            runtime.resize = .pending(reason: "Infeasible", message: message, target: desired)
        case .deferred(let message):
            runtime.resize = .pending(reason: "Deferred", message: message, target: desired)
        }
    }

    /// The pod's requests when its containers run with `applied` resources.
    static func reservedRequests(spec: PodSpec?, applied: [String: ResourceRequirements]) -> ResourceAmount {
        guard var spec else { return ResourceAmount(pods: 1) }
        for index in spec.containers.indices {
            spec.containers[index].resources = applied[spec.containers[index].name]
        }
        return ResourceAmount.requests(of: spec)
    }

    static func nextDeadline(_ runtime: PodRuntime, now: Date, timing: PodTiming) -> Date? {
        var times: [Date] = [runtime.startAt]
        for container in runtime.containers {
            times.append(container.startedAt)
            times.append(container.readyAt)
            if let crash = container.nextCrashAt { times.append(crash) }
            if let exit = container.exitAt { times.append(exit) }
        }
        switch runtime.resize {
        case .inProgress(let until, _)?: times.append(until)
        case .pending(let reason, _, _)? where reason == "Deferred": times.append(now.adding(timing.deferredResizeRetry))
        default: break
        }
        return times.filter { $0 > now }.min()
    }
}

extension PodLifecycle {
    /// Takes over the restart counts and running images a pod already reports (adoption after a
    /// restart of NodeSim), so that adopting does not look like a restart.
    static func carryOver(_ runtime: inout PodRuntime, from status: PodStatus?) {
        for index in runtime.containers.indices {
            guard let reported = status?.containerStatuses?.first(where: { $0.name == runtime.containers[index].name })
            else { continue }
            runtime.containers[index].restartCount = reported.restartCount
            if let resources = reported.resources { runtime.containers[index].resources = resources }
        }
    }
}
