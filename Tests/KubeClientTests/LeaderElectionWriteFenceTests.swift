import Foundation
import KubeModel
import Logging
import SteadTestSupport
import Synchronization
import Testing

@testable import KubeClient

/// A client fenced by a ``LeaderElector`` writes only while that elector's last renewal is younger than
/// its renew deadline; the server's objects show which writes got through.
@Suite("Write fence of a leader elector against the embedded API server", .serialized)
struct LeaderElectionWriteFenceTests {
    static let key = ObjectKey(namespace: "default", name: "fenced-loops")

    /// Renew deadline two thirds of the lease. The default term is long: on a loaded CI machine a 2 s
    /// deadline was passed by a delayed renewal before a graceful stop's flush.
    func elector(_ client: KubeClient, _ identity: String, leaseSeconds: Int64 = 15) -> LeaderElector {
        LeaderElector(
            client: client, lease: Self.key, identity: identity, leaseDuration: .seconds(leaseSeconds),
            renewDeadline: .milliseconds(leaseSeconds * 2000 / 3), retryPeriod: .milliseconds(200))
    }

    /// Whether the server holds the ConfigMap `name` in `default`.
    func exists(_ name: String, _ client: KubeClient) async throws -> Bool {
        do {
            _ = try await client.get(ConfigMap.self, name: name, namespace: "default")
            return true
        } catch let error as KubeAPIError where error.isNotFound {
            return false
        }
    }

    func expectFenced(_ write: () async throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) async {
        do {
            try await write()
            Issue.record("the write was sent", sourceLocation: sourceLocation)
        } catch let error as KubeClientError {
            guard case .fenced = error else {
                Issue.record("not fenced: \(error)", sourceLocation: sourceLocation)
                return
            }
        } catch {
            Issue.record("not fenced: \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func outsideATermEveryKindOfWriteIsRefusedAndReadsWork() async throws {
        try await withAPIServer { env in
            let existing = try await env.client.create(configMap("existing", data: ["a": "1"]))
            let pod = try await env.client.create(
                Pod(metadata: ObjectMeta(name: "p", namespace: "default"),
                    spec: PodSpec(containers: [Container(name: "c", image: "nginx")])))
            let fenced = env.client.fenced(by: elector(env.client, "never-campaigned"))

            await expectFenced { _ = try await fenced.create(configMap("new")) }
            var changed = existing
            changed.data = ["a": "2"]
            await expectFenced { _ = try await fenced.update(changed) }
            await expectFenced {
                _ = try await fenced.patch(ConfigMap.self, name: "existing", namespace: "default", patch: .merge(["data": ["a": "3"]]))
            }
            await expectFenced {
                _ = try await fenced.patch(
                    Pod.self, name: "p", namespace: "default", patch: .merge(["status": ["phase": "Running"]]),
                    subresource: "status")
            }
            await expectFenced { try await fenced.delete(ConfigMap.self, name: "existing", namespace: "default") }

            // Reads go through; the server's objects are as they were.
            let read = try await fenced.get(ConfigMap.self, name: "existing", namespace: "default")
            #expect(read.metadata.resourceVersion == existing.metadata.resourceVersion)
            #expect(read.data == ["a": "1"])
            #expect(try await fenced.list(ConfigMap.self, namespace: "default").items.count == 1)
            #expect(try await exists("new", env.client) == false)
            let podNow = try await env.client.get(Pod.self, name: "p", namespace: "default")
            #expect(podNow.metadata.resourceVersion == pod.metadata.resourceVersion)
            // Shutting the fenced view down leaves the shared connections open.
            try await fenced.shutdown()
            #expect(try await exists("existing", env.client))
        }
    }

    /// Open for the first check only, as if the term ended between the check before sending and the
    /// moment the connection takes the body.
    final class ClosesAfterFirstCheck: WriteFence {
        private let checks = Mutex(0)
        func writeRefusal() -> String? {
            checks.withLock { count in
                count += 1
                return count == 1 ? nil : "the term ended"
            }
        }
    }

    @Test(arguments: ["create", "patch", "delete"])
    func aWriteWhoseTermEndsOnTheWayIsCutOffBeforeTheServerActs(_ verb: String) async throws {
        try await withAPIServer { env in
            let existing = try await env.client.create(configMap("existing", data: ["a": "1"]))
            let fenced = env.client.fenced(by: ClosesAfterFirstCheck())
            await expectFenced {
                switch verb {
                case "create": _ = try await fenced.create(configMap("new"))
                case "patch":
                    _ = try await fenced.patch(
                        ConfigMap.self, name: "existing", namespace: "default", patch: .merge(["data": ["a": "2"]]))
                default: try await fenced.delete(ConfigMap.self, name: "existing", namespace: "default")
                }
            }
            #expect(try await exists("new", env.client) == false)
            let after = try await env.client.get(ConfigMap.self, name: "existing", namespace: "default")
            #expect(after.metadata.resourceVersion == existing.metadata.resourceVersion)
            // The connection pool still works for the next request.
            #expect(try await env.client.list(ConfigMap.self, namespace: "default").items.count == 1)
        }
    }

    /// A leader whose renewals stall (as if frozen) while a reconcile is in flight: once another
    /// candidate has taken over and written, the stale reconcile's write is refused and never reaches
    /// the server. The stalled elector's client is starved by its rate limit; the writes go through
    /// another client fenced by that elector.
    @Test func aStaleLeadersInFlightWriteIsRefusedAfterTheOtherTookOver() async throws {
        try await withAPIServer { env in
            var starvedConfiguration = env.client.configuration
            starvedConfiguration.qps = 0.01  // the acquire's two requests use the burst; a renewal waits 100 s
            starvedConfiguration.burst = 2
            var quiet = Logger(label: "test.starved")
            quiet.logLevel = .error
            let starved = try KubeClient(configuration: starvedConfiguration, logger: quiet)
            defer { Task { try? await starved.shutdown() } }
            // The stale term's 6 s renew deadline leaves a loaded machine (CI) time for the acquire and the
            // first write (at 2 s the fence was once closed before that write went out); the take-over
            // still comes 9 s after the acquire. The fresh term's deadline is long so that a delayed
            // renewal does not end it before the checks below.
            let stale = elector(starved, "stale", leaseSeconds: 9)
            let fresh = elector(env.client, "fresh")
            let staleWrites = env.client.fenced(by: stale)
            let freshWrites = env.client.fenced(by: fresh)

            let resume = AsyncStream<Void>.makeStream()
            let inFlight = Mutex<Task<(any Error)?, Never>?>(nil)
            let staleTerm = Task {
                await stale.run(onStartedLeading: {
                    _ = try? await staleWrites.create(configMap("stale-during-term"))
                    // A reconcile that does not honour cancellation and writes once it resumes.
                    inFlight.withLock {
                        $0 = Task {
                            for await _ in resume.stream { break }
                            return await failure { _ = try await staleWrites.create(configMap("stale-in-flight")) }
                        }
                    }
                    while !Task.isCancelled { try? await Task.sleep(for: .milliseconds(50)) }
                })
            }
            try await eventually(timeout: .seconds(20), "the stale leader's first write") {
                try await exists("stale-during-term", env.client)
            }
            let freshTerm = Task {
                await fresh.run(onStartedLeading: {
                    _ = try? await freshWrites.create(configMap("fresh-during-term"))
                    while !Task.isCancelled { try? await Task.sleep(for: .milliseconds(50)) }
                })
            }
            try await eventually(timeout: .seconds(30), "the take-over and its first write") {
                try await exists("fresh-during-term", env.client)
            }
            #expect(stale.writeRefusal() != nil)
            #expect(fresh.writeRefusal() == nil)

            resume.continuation.yield()
            let pending = try #require(inFlight.withLock { $0 })
            guard let error = await pending.value, case KubeClientError.fenced = error else {
                Issue.record("the stale leader's in-flight write was not fenced")
                return
            }
            #expect(try await exists("stale-in-flight", env.client) == false)
            let lease = try await env.client.get(Lease.self, name: Self.key.name, namespace: Self.key.namespace)
            #expect(lease.spec?.holderIdentity == "fresh")
            staleTerm.cancel()
            freshTerm.cancel()
            await staleTerm.value
            await freshTerm.value
        }
    }

    /// A graceful stop lets the work flush its writes while the last renewal is fresh; once `run`
    /// returns the fence is closed.
    @Test func aGracefulStopFlushesThenCloses() async throws {
        try await withAPIServer { env in
            let leader = elector(env.client, "graceful")
            let writes = env.client.fenced(by: leader)
            let flushed = Mutex<(any Error)?>(nil)
            let term = Task {
                await leader.run(onStartedLeading: {
                    while !Task.isCancelled { try? await Task.sleep(for: .milliseconds(50)) }
                    // The requests of this cancelled task would fail at once: flush from another, as the loops do.
                    let error = await Task { await failure { _ = try await writes.create(configMap("flushed")) } }.value
                    flushed.withLock { $0 = error }
                })
            }
            try await eventually(timeout: .seconds(10), "leadership") { leader.isLeader }
            term.cancel()
            await term.value
            #expect(flushed.withLock { $0 } == nil, "\(String(describing: flushed.withLock { $0 }))")
            #expect(try await exists("flushed", env.client))
            await expectFenced { _ = try await writes.create(configMap("after-the-term")) }
            #expect(try await exists("after-the-term", env.client) == false)
        }
    }
}

/// The error `body` throws, or nil.
private func failure(_ body: () async throws -> Void) async -> (any Error)? {
    do {
        try await body()
        return nil
    } catch {
        return error
    }
}
