import Foundation
import KubeModel
import Testing
@testable import SteadController

/// The pure pieces of the reconcile loop.
struct ControllerPiecesTests {
    @Test func mergePatchDiffSetsChangesAndNullsRemovedKeys() {
        let old: JSONValue = ["replicas": 3, "reasons": ["NodeLost": 1], "same": "x", "list": [1, 2]]
        let new: JSONValue = ["replicas": 4, "same": "x", "list": [1], "added": ["a": true]]
        let patch = MergePatchDiff.patch(from: old, to: new)
        #expect(patch == ["replicas": 4, "reasons": nil, "list": [1], "added": ["a": true]])
        #expect(MergePatchDiff.patch(from: new, to: new) == nil)
        #expect(MergePatchDiff.patch(from: nil, to: new) == new)
    }

    @Test func expectationsSayWhenTheCacheIsStale() {
        let old = VersionStamp(uid: "u1", resourceVersion: "10", terminating: false)
        let newer = VersionStamp(uid: "u1", resourceVersion: "11", terminating: false)
        #expect(Expectation.written(previousVersion: "10").isStale(old))
        #expect(!Expectation.written(previousVersion: "10").isStale(newer))
        #expect(!Expectation.written(previousVersion: "10").isStale(nil))
        #expect(Expectation.created.isStale(nil))
        #expect(!Expectation.created.isStale(old))
        #expect(Expectation.deleted(uid: "u1").isStale(newer))
        #expect(!Expectation.deleted(uid: "u1").isStale(VersionStamp(uid: "u1", resourceVersion: "12", terminating: true)))
        #expect(!Expectation.deleted(uid: "u1").isStale(VersionStamp(uid: "u2", resourceVersion: "13", terminating: false)))
    }

    @Test func stateForgetsExpectationsOnceSatisfied() async {
        let state = ControllerState(expectationTimeout: .seconds(30))
        await state.expect(.written(previousVersion: "5"), kind: "pods", key: "default/web-0")
        let stale = VersionStamp(uid: "u", resourceVersion: "5", terminating: false)
        #expect(await state.isStale(kind: "pods", key: "default/web-0", cached: stale))
        #expect(!(await state.isStale(kind: "pods", key: "default/web-0", cached: VersionStamp(uid: "u", resourceVersion: "6", terminating: false))))
        #expect(!(await state.isStale(kind: "pods", key: "default/web-0", cached: stale)), "a satisfied expectation is forgotten")
    }

    @Test func expectationsExpire() async throws {
        let state = ControllerState(expectationTimeout: .zero)
        await state.expect(.created, kind: "pods", key: "default/web-0")
        #expect(!(await state.isStale(kind: "pods", key: "default/web-0", cached: nil)))
    }

    @Test func replacementRequestsAreAnnouncedOnlyWhenTheSuccessorNeedsMore() {
        let template = Fixture.template(containers: [
            Fixture.container(name: "a", cpu: "500m", memory: "256Mi"),
            Fixture.container(name: "b", cpu: "1", memory: nil),
        ])
        let smaller = podRunning(Fixture.template(containers: [Fixture.container(cpu: "1", memory: "256Mi")]))
        #expect(ReplacementRequests.request(for: template, replacing: smaller)?.annotation == #"{"cpu":"1500m","memory":"256Mi"}"#)
        let same = podRunning(Fixture.template(containers: [Fixture.container(cpu: "1500m", memory: "1Gi")]))
        #expect(ReplacementRequests.request(for: template, replacing: same) == nil)
        let bare = Fixture.template(containers: [Fixture.container(cpu: nil, memory: nil)])
        #expect(ReplacementRequests.request(for: bare, replacing: smaller) == nil)
    }

    private func podRunning(_ template: PodTemplateSpec) -> Pod {
        let set = Fixture.set(template: template)
        return Fixture.pod(set, ordinal: 0, revision: Fixture.revision(set))
    }

    @Test func aResizeIsPendingUntilTheKubeletReportsTheNewResources() {
        let spec = ResourceRequirements(requests: ["cpu": "1", "memory": "256Mi"])
        #expect(InPlaceProgress.unappliedResource(spec: spec, running: nil) == nil)
        #expect(InPlaceProgress.unappliedResource(spec: spec, running: ResourceRequirements(requests: ["cpu": "500m", "memory": "256Mi"])) == "requests.cpu")
        #expect(InPlaceProgress.unappliedResource(spec: spec, running: ResourceRequirements(requests: ["cpu": "1000m", "memory": "256Mi"])) == nil)
    }
}

extension InPlacePlan {
    static let empty = InPlacePlan(
        revisionHash: "r", imageChanges: [], resourceChanges: [], labelChanges: [:], annotationChanges: [:],
        addedTolerations: [], podPatch: [:], resizePatch: nil)
}
