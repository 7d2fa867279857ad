import Foundation
import KubeModel

/// One simulated container of a pod: which image runs, since when, and how often it restarted.
public struct ContainerRuntime: Sendable, Hashable {
    /// How the previous instance ended (`lastState.terminated`).
    public struct Termination: Sendable, Hashable {
        public var exitCode: Int
        public var reason: String
        public var startedAt: Date
        public var finishedAt: Date
    }

    public var name: String
    public var image: String
    public var restartCount: Int32
    /// When the current instance runs (it is `waiting` before).
    public var startedAt: Date
    /// When the current instance is ready (never for a failing image).
    public var readyAt: Date
    /// True when the image fails (``FailingImage``): it crash-loops (or exits 1) and is never ready.
    public var failing: Bool
    /// When a failing container next restarts.
    public var nextCrashAt: Date?
    /// How long an instance runs before it exits 0; nil: until stopped (``ContainerExit``).
    public var runTime: Duration?
    /// False for a pod's `restartPolicy: Never`: a failing instance exits 1 instead of crash-looping.
    public var restartsOnFailure: Bool
    /// When the current instance exits by itself, and with which code.
    public var exitAt: Date?
    public var exitCode = 0
    /// How the current instance ended once it exited for good (`state.terminated`).
    public var terminated: Termination?
    public var lastTermination: Termination?
    /// The resources the container runs with (what `containerStatuses[].resources` reports).
    public var resources: ResourceRequirements?

    public init(
        name: String, image: String, startAt: Date, resources: ResourceRequirements?, crashLoopInterval: Duration,
        runTime: Duration? = nil, restartsOnFailure: Bool = true
    ) {
        self.name = name
        self.image = image
        self.restartCount = 0
        self.startedAt = startAt
        self.readyAt = startAt
        self.failing = false
        self.resources = resources
        self.runTime = runTime
        self.restartsOnFailure = restartsOnFailure
        planRun(crashLoopInterval: crashLoopInterval)
    }

    public func isRunning(at now: Date) -> Bool { !failing && now >= startedAt && !hasExited(at: now) }
    public func isReady(at now: Date) -> Bool { !failing && now >= readyAt && !hasExited(at: now) }

    func hasExited(at now: Date) -> Bool { exitAt.map { now >= $0 } ?? false }

    /// Records the exit of an instance whose time has come (it is not restarted).
    mutating func exitIfDue(now: Date) {
        guard terminated == nil, let exitAt, exitAt <= now else { return }
        terminated = Termination(
            exitCode: exitCode, reason: exitCode == 0 ? "Completed" : "Error", startedAt: startedAt, finishedAt: exitAt)
    }

    /// What the instance started at `startedAt` does: crash-loop, exit, or run.
    private mutating func planRun(crashLoopInterval: Duration) {
        failing = FailingImage.fails(image)
        terminated = nil
        nextCrashAt = nil
        exitAt = nil
        exitCode = 0
        if failing && restartsOnFailure {
            nextCrashAt = startedAt.adding(crashLoopInterval)
        } else if failing {
            exitAt = startedAt.adding(crashLoopInterval)
            exitCode = 1
        } else if let runTime {
            exitAt = startedAt.adding(runTime)
        }
    }

    /// Kills the container and starts `image` in its place after `latency` (the kubelet's reaction to an
    /// image change).
    mutating func restart(with image: String, now: Date, latency: Duration, crashLoopInterval: Duration) {
        lastTermination = Termination(exitCode: 0, reason: "Completed", startedAt: startedAt, finishedAt: now)
        self.image = image
        restartCount += 1
        startedAt = now.adding(latency)
        readyAt = startedAt
        planRun(crashLoopInterval: crashLoopInterval)
    }

    /// A crash of a failing container: one more restart, the next one an interval later.
    mutating func crash(now: Date, crashLoopInterval: Duration) {
        lastTermination = Termination(exitCode: 1, reason: "Error", startedAt: startedAt, finishedAt: now)
        restartCount += 1
        startedAt = now
        nextCrashAt = now.adding(crashLoopInterval)
    }
}
