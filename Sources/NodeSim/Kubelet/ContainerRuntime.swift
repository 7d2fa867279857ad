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
    /// True when the image fails (``FailingImage``): it crash-loops and is never ready.
    public var failing: Bool
    /// When a failing container next restarts.
    public var nextCrashAt: Date?
    public var lastTermination: Termination?
    /// The resources the container runs with (what `containerStatuses[].resources` reports).
    public var resources: ResourceRequirements?

    public init(name: String, image: String, startAt: Date, resources: ResourceRequirements?, crashLoopInterval: Duration) {
        self.name = name
        self.image = image
        self.restartCount = 0
        self.startedAt = startAt
        self.readyAt = startAt
        self.failing = FailingImage.fails(image)
        self.nextCrashAt = failing ? startAt.adding(crashLoopInterval) : nil
        self.resources = resources
    }

    public func isRunning(at now: Date) -> Bool { !failing && now >= startedAt }
    public func isReady(at now: Date) -> Bool { !failing && now >= readyAt }

    /// Kills the container and starts `image` in its place after `latency` (the kubelet's reaction to an
    /// image change).
    mutating func restart(with image: String, now: Date, latency: Duration, crashLoopInterval: Duration) {
        lastTermination = Termination(exitCode: 0, reason: "Completed", startedAt: startedAt, finishedAt: now)
        self.image = image
        restartCount += 1
        startedAt = now.adding(latency)
        readyAt = startedAt
        failing = FailingImage.fails(image)
        nextCrashAt = failing ? startedAt.adding(crashLoopInterval) : nil
    }

    /// A crash of a failing container: one more restart, the next one an interval later.
    mutating func crash(now: Date, crashLoopInterval: Duration) {
        lastTermination = Termination(exitCode: 1, reason: "Error", startedAt: startedAt, finishedAt: now)
        restartCount += 1
        startedAt = now
        nextCrashAt = now.adding(crashLoopInterval)
    }
}
