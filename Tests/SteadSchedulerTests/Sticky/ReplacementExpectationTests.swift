import KubeModel
import SteadAPI
import Testing
@testable import SteadScheduler

/// Capacity is kept for a pod going away only while its controller will bring it back.
@Suite("Replacement expectation")
struct ReplacementExpectationTests {
    let statefulSet = OwnerReference(apiVersion: "apps/v1", kind: "StatefulSet", name: "web", uid: "u1", controller: true)
    let podSet = OwnerReference(
        apiVersion: "stead.dev/v1alpha1", kind: "StatefulPodSet", name: "db", uid: "u2", controller: true)

    func expects(
        _ pod: String, _ owner: OwnerReference?, _ lookup: OwnerLookup, terminating: Bool = false
    ) -> Bool {
        expectsReplacement(podName: pod, owner: owner, lookup: lookup, namespaceTerminating: terminating)
    }

    func owner(uid: String = "u1", deleting: Bool = false, _ ordinals: Range<Int> = 0..<3) -> OwnerLookup {
        .found(StableOwner(uid: uid, isDeleting: deleting, ordinals: ordinals))
    }

    @Test func anOrdinalTheOwnerStillWantsComesBack() {
        #expect(expects("web-2", statefulSet, owner()))
        #expect(expects("db-0", podSet, owner(uid: "u2")))
        #expect(expects("web-5", statefulSet, owner(5..<7)))
    }

    @Test func aScaledAwayOrdinalDoesNot() {
        #expect(!expects("web-3", statefulSet, owner()))
        #expect(!expects("web-4", statefulSet, owner(5..<7)))
    }

    @Test func anOwnerBeingDeletedGoneOrReplacedDoesNot() {
        #expect(!expects("web-0", statefulSet, owner(deleting: true)))
        #expect(!expects("web-0", statefulSet, .missing))
        // Another object of the same name: the pod's owner is gone.
        #expect(!expects("web-0", statefulSet, owner(uid: "other")))
    }

    @Test func aNamespaceBeingDeletedBringsNothingBack() {
        #expect(!expects("web-0", statefulSet, owner(), terminating: true))
        #expect(!expects("web-0", statefulSet, .notWatched, terminating: true))
    }

    @Test func controllersThatNameEachPodAfreshNeverReplaceOne() {
        let replicaSet = OwnerReference(apiVersion: "apps/v1", kind: "ReplicaSet", name: "web", uid: "u1", controller: true)
        #expect(!expects("web-0", replicaSet, .notWatched))
        #expect(!expects("web-0", nil, .notWatched))
        // Same kind name, another group.
        let foreign = OwnerReference(apiVersion: "example.com/v1", kind: "StatefulSet", name: "web", uid: "u1")
        #expect(!expects("web-0", foreign, .notWatched))
    }

    @Test func anOwnerKindNotWatchedGetsTheBenefitOfTheDoubt() {
        #expect(expects("web-9", statefulSet, .notWatched))
    }

    @Test(arguments: [
        ("web-0", "web", 0), ("web-12", "web", 12), ("web-db-3", "web-db", 3), ("web-db-3", "web", nil),
        ("web-", "web", nil), ("web-x", "web", nil), ("other-1", "web", nil), ("web-1a", "web", nil),
        ("web-٣", "web", nil), ("web-01", "web", nil),
    ] as [(String, String, Int?)])
    func ordinalOfAPodName(_ pod: String, _ owner: String, _ expected: Int?) {
        #expect(PodOrdinal.of(podName: pod, ownerName: owner) == expected)
    }
}
