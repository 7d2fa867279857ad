import Foundation
import KubeModel
import Testing
@testable import SteadScheduler

@Suite("Reservations for identities being replaced")
struct ReservationTests {
    let identity = ObjectKey(namespace: "default", name: "db-0")
    let later = Date(timeIntervalSince1970: 2_000_000_000)

    /// One 4-CPU node with 1 CPU taken by another pod and 2 CPU reserved for db-0.
    func snapshot() -> ClusterSnapshot {
        var snapshot = Fixtures.snapshot(
            nodes: [Fixtures.node("n1", cpu: "4")], pods: [Fixtures.pod("other", cpu: "1", node: "n1")])
        snapshot.reserve(identity: identity, node: "n1", requests: ResourceVector(milliCPU: 2000, pods: 1), expiresAt: later)
        return snapshot
    }

    @Test func competingPodNeedingReservedCapacityIsFiltered() {
        let competitor = Fixtures.pod("web", cpu: "2")
        let result = Fixtures.filter(NodeResourcesFit(), pod: competitor, node: "n1", snapshot: snapshot())
        #expect(result == .unschedulable("Insufficient cpu"))
        let small = Fixtures.pod("web", cpu: "1")
        #expect(Fixtures.filter(NodeResourcesFit(), pod: small, node: "n1", snapshot: snapshot()) == .success)
    }

    @Test func owningIdentityMayUseItsReservation() {
        let replacement = Fixtures.pod("db-0", cpu: "3", owner: "set", uid: "new")
        #expect(Fixtures.filter(NodeResourcesFit(), pod: replacement, node: "n1", snapshot: snapshot()) == .success)
    }

    @Test func bindingTheNewIncarnationReleasesTheReservation() {
        var snapshot = snapshot()
        snapshot.addPod(Fixtures.pod("db-0", cpu: "2", node: "n1", owner: "set", uid: "new"))
        #expect(snapshot.reservations.isEmpty)
        #expect(snapshot.node(named: "n1")!.reserved == .zero)
        #expect(snapshot.node(named: "n1")!.usage.requested.milliCPU == 3000)
    }

    @Test func previousIncarnationStillPresentIsNotCountedTwice() {
        var snapshot = Fixtures.snapshot(nodes: [Fixtures.node("n1", cpu: "4")])
        let old = Fixtures.pod("db-0", cpu: "2", node: "n1", owner: "set", uid: "old")
        snapshot.addPod(old)
        snapshot.reserve(for: old, node: "n1", expiresAt: later)
        #expect(snapshot.reservation(for: identity)?.isHeld == false)
        #expect(snapshot.node(named: "n1")!.reserved == .zero)

        snapshot.updatePod(old)  // a status update of the old pod must not release it
        #expect(snapshot.reservation(for: identity) != nil)

        snapshot.removePod(old)
        #expect(snapshot.reservation(for: identity)?.isHeld == true)
        #expect(snapshot.node(named: "n1")!.reserved.milliCPU == 2000)
        #expect(snapshot.node(named: "n1")!.usage.requested == .zero)
    }

    @Test func expiryReleases() {
        var snapshot = snapshot()
        #expect(snapshot.expireReservations(now: later.addingTimeInterval(-1)).isEmpty)
        let expired = snapshot.expireReservations(now: later)
        #expect(expired.map(\.identity) == [identity])
        #expect(snapshot.reservations.isEmpty)
        let competitor = Fixtures.pod("web", cpu: "2")
        #expect(Fixtures.filter(NodeResourcesFit(), pod: competitor, node: "n1", snapshot: snapshot) == .success)
    }

    @Test func explicitRelease() {
        var snapshot = snapshot()
        #expect(snapshot.release(identity: identity)?.node == "n1")
        #expect(snapshot.node(named: "n1")!.reserved == .zero)
        #expect(snapshot.release(identity: identity) == nil)
    }

    @Test func reservationOnUnknownNodeAppliesWhenTheNodeAppears() {
        var snapshot = ClusterSnapshot()
        snapshot.reserve(identity: identity, node: "n9", requests: ResourceVector(milliCPU: 500, pods: 1), expiresAt: later)
        snapshot.upsertNode(Fixtures.node("n9"))
        #expect(snapshot.node(named: "n9")!.reserved.milliCPU == 500)
    }

    @Test func reservedPodSlotCountsForTooManyPods() {
        var snapshot = Fixtures.snapshot(nodes: [Fixtures.node("n1", pods: "1")])
        snapshot.reserve(identity: identity, node: "n1", requests: ResourceVector(pods: 1), expiresAt: later)
        #expect(Fixtures.filter(NodeResourcesFit(), pod: Fixtures.pod("x"), node: "n1", snapshot: snapshot)
            == .unschedulable("Too many pods"))
        #expect(Fixtures.filter(NodeResourcesFit(), pod: Fixtures.pod("db-0"), node: "n1", snapshot: snapshot) == .success)
    }
}
