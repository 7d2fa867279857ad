import Foundation
import KubeClient
import KubeModel
import Logging
import ServiceLifecycle

/// Runs ``SteadComponents`` only while this process holds the Lease: the standby replicas keep
/// campaigning, the leader that loses the lease stops its loops at once and campaigns again.
final class LeaderElectedComponents: ServiceLifecycle.Service, Sendable {
    static let electionCheck = "leader-election"

    let lease: ObjectKey
    let identity: String
    private let client: KubeClient
    private let readiness: Readiness
    private let makeComponents: @Sendable () -> SteadComponents
    private let logger: Logger

    init(
        client: KubeClient, lease: ObjectKey, identity: String, readiness: Readiness, logger: Logger,
        makeComponents: @escaping @Sendable () -> SteadComponents
    ) {
        self.client = client
        self.lease = lease
        self.identity = identity
        self.readiness = readiness
        self.makeComponents = makeComponents
        self.logger = logger
    }

    /// `hostname_uuid`, as client-go names candidates: unique even for two processes on one host.
    static func defaultIdentity() -> String {
        "\(ProcessInfo.processInfo.hostName)_\(UUID().uuidString.lowercased())"
    }

    func run() async throws {
        readiness.require(Self.electionCheck)
        try await cancelWhenGracefulShutdown {
            await self.waitForLeaseReadable()
            while !Task.isCancelled {
                let elector = LeaderElector(client: self.client, lease: self.lease, identity: self.identity, logger: self.logger)
                await elector.run(onStartedLeading: { await self.lead() })
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
    private func lead() async {
        while !Task.isCancelled {
            let components = makeComponents()
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
