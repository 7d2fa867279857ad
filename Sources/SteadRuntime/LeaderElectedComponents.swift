import Foundation
import KubeClient
import KubeModel
import Logging
import ServiceLifecycle

/// The Lease a candidate campaigns for, its name in it, and client-go's timings.
package struct ElectionSettings: Sendable {
    package var lease: ObjectKey
    package var identity: String
    package var leaseDuration: Duration
    package var renewDeadline: Duration
    package var retryPeriod: Duration

    package init(
        lease: ObjectKey, identity: String, leaseDuration: Duration = .seconds(15), renewDeadline: Duration = .seconds(10),
        retryPeriod: Duration = .seconds(2)
    ) {
        self.lease = lease
        self.identity = identity
        self.leaseDuration = leaseDuration
        self.renewDeadline = renewDeadline
        self.retryPeriod = retryPeriod
    }

    /// Why the timings cannot work, or nil. A leader must give up (renew deadline) before the others
    /// may take the lease over (lease duration), and must be able to retry within its deadline.
    package var timingProblem: String? {
        guard retryPeriod > .zero else { return "the retry period must be positive" }
        guard retryPeriod < renewDeadline else {
            return "the retry period (\(retryPeriod)) must be shorter than the renew deadline (\(renewDeadline))"
        }
        guard renewDeadline < leaseDuration else {
            return "the renew deadline (\(renewDeadline)) must be shorter than the lease duration (\(leaseDuration))"
        }
        return nil
    }
}

/// Runs ``SteadComponents`` only while this process holds the Lease: the standby replicas keep
/// campaigning, the leader that loses the lease stops its loops at once and campaigns again. Each
/// term's components write through a client fenced by that term's elector, so a write in flight when
/// the term ends (or after the process was frozen past its renew deadline) is never sent.
package final class LeaderElectedComponents: ServiceLifecycle.Service, Sendable {
    package static let electionCheck = "leader-election"

    package let settings: ElectionSettings
    private let client: KubeClient
    private let readiness: Readiness
    private let makeComponents: @Sendable (KubeClient) -> SteadComponents
    private let logger: Logger

    /// - Parameter makeComponents: builds the loops on the client it is given (a fenced one).
    package init(
        client: KubeClient, settings: ElectionSettings, readiness: Readiness, logger: Logger,
        makeComponents: @escaping @Sendable (KubeClient) -> SteadComponents
    ) {
        self.client = client
        self.settings = settings
        self.readiness = readiness
        self.makeComponents = makeComponents
        self.logger = logger
    }

    package var lease: ObjectKey { settings.lease }

    /// `hostname_uuid`, as client-go names candidates: unique even for two processes on one host.
    package static func defaultIdentity() -> String {
        "\(ProcessInfo.processInfo.hostName)_\(UUID().uuidString.lowercased())"
    }

    package func run() async throws {
        readiness.require(Self.electionCheck)
        await cancelWhenGracefulShutdown {
            await self.waitForLeaseReadable()
            while !Task.isCancelled {
                let elector = LeaderElector(
                    client: self.client, lease: self.settings.lease, identity: self.settings.identity,
                    leaseDuration: self.settings.leaseDuration, renewDeadline: self.settings.renewDeadline,
                    retryPeriod: self.settings.retryPeriod, logger: self.logger)
                await elector.run(onStartedLeading: { await self.lead(client: self.client.fenced(by: elector)) })
                if !Task.isCancelled { self.logger.warning("lost the lease; stopped, campaigning again") }
            }
        }
    }

    /// Standby replicas are ready once they can read the Lease: they know who leads.
    private func waitForLeaseReadable() async {
        while !Task.isCancelled {
            do {
                _ = try await client.get(Lease.self, name: lease.name, namespace: lease.namespace)
                break
            } catch let error as KubeAPIError where error.isNotFound {
                break
            } catch {
                logger.warning("cannot read the leader election lease", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: .seconds(2))
            }
        }
        readiness.markReady(Self.electionCheck)
    }

    /// Runs the components until the elector cancels this task (lease lost or shutting down); a
    /// failed start is retried, since the elector keeps the lease while this task runs.
    private func lead(client: KubeClient) async {
        while !Task.isCancelled {
            let components = makeComponents(client)
            do {
                try await components.start()
                while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
            } catch {
                if !Task.isCancelled { logger.error("cannot start Stead's loops", metadata: ["error": "\(error)"]) }
            }
            // Stopping writes what is pending: not from this cancelled task, whose requests would fail at once.
            await Task { await components.stop() }.value
            if !Task.isCancelled { try? await Task.sleep(for: .seconds(5)) }
        }
    }
}
