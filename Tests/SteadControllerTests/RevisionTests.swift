import Foundation
import KubeModel
import SteadAPI
import Testing
@testable import SteadController

@Suite("Revisions")
struct RevisionTests {
    @Test("the same template has the same hash whatever its key order")
    func hashIgnoresKeyOrder() throws {
        let a = try KubeJSON.parse(Data(#"{"metadata":{"labels":{"app":"web","x":"y"}},"spec":{"containers":[{"name":"app","image":"nginx"}]}}"#.utf8))
        let b = try KubeJSON.parse(Data(#"{"spec":{"containers":[{"image":"nginx","name":"app"}]},"metadata":{"labels":{"x":"y","app":"web"}}}"#.utf8))
        #expect(TemplateHash.hash(of: a) == TemplateHash.hash(of: b))
        #expect(TemplateHash.hash(of: a).count == TemplateHash.length)
        #expect(TemplateHash.hash(of: a).allSatisfy { "bcdfghjklmnpqrstvwxz2456789".contains($0) })
    }

    @Test("hash is stable across runs (golden value) and changes with the template and the collision count")
    func hashStable() {
        let template = Fixture.template()
        let hash = TemplateHash.hash(template)
        #expect(hash == TemplateHash.hash(Fixture.template()))
        #expect(hash != TemplateHash.hash(Fixture.template(containers: [Fixture.container(image: "nginx:1.26")])))
        #expect(hash != TemplateHash.hash(template, collisionCount: 1))
        #expect(CanonicalJSON.string(["b": 1, "a": ["d": true, "c": nil]]) == #"{"a":{"c":null,"d":true},"b":1}"#)
    }

    @Test("the revision: name <set>-<hash>, data the template patch, labels, owner, number")
    func buildRevision() {
        let set = Fixture.set()
        let revision = RevisionBuilder.build(for: set, revisionNumber: 7, collisionCount: 0)
        let template = set.spec.withDefaults().template
        #expect(revision.name == "web-" + TemplateHash.hash(template))
        #expect(revision.revision == 7)
        #expect(revision.data == ["spec": ["template": template.json]])
        #expect(RevisionBuilder.template(of: revision) == template)
        #expect(revision.metadata.labels?[SteadKeys.revisionHash] == revision.name)
        #expect(revision.metadata.labels?["app"] == "web")
        #expect(revision.metadata.ownerReferences == [set.controllerReference])
        #expect(set.controllerReference.controller == true && set.controllerReference.blockOwnerDeletion == true)
        #expect(revision.metadata.namespace == "default")
    }

    @Test("first revision: created, numbered 1, current = update")
    func firstRevision() {
        let resolution = RevisionResolver.resolve(set: Fixture.set(), revisions: [])
        #expect(resolution.create?.revision == 1)
        #expect(resolution.currentRevision == resolution.updateRevision)
        #expect(resolution.renumber == nil)
    }

    @Test("unchanged template: the latest revision is reused as is")
    func unchanged() {
        let set = Fixture.set()
        let existing = Fixture.revision(set, number: 4)
        let resolution = RevisionResolver.resolve(set: set, revisions: [existing])
        #expect(resolution.create == nil && resolution.renumber == nil)
        #expect(resolution.updateRevision == existing)
    }

    @Test("new template: a new revision numbered after the newest; current stays")
    func newTemplate() {
        var set = Fixture.set()
        let old = Fixture.revision(set, number: 2)
        set.spec.template = Fixture.template(containers: [Fixture.container(image: "nginx:1.26")])
        set.status = StatefulPodSetStatus(replicas: 5)
        set.status?.currentRevision = old.name
        let resolution = RevisionResolver.resolve(set: set, revisions: [old])
        #expect(resolution.create?.revision == 3)
        #expect(resolution.currentRevision == old)
        #expect(resolution.updateRevision.name != old.name)
    }

    @Test("a hash collision with a different template raises collisionCount")
    func collision() {
        let set = Fixture.set()
        var squatter = Fixture.revision(set, number: 1)
        squatter.data = ["spec": ["template": ["other": true]]]
        let resolution = RevisionResolver.resolve(set: set, revisions: [squatter])
        #expect(resolution.collisionCount == 1)
        #expect(resolution.create?.name == "web-" + TemplateHash.hash(set.spec.withDefaults().template, collisionCount: 1))
    }

    @Test("history trimmed to revisionHistoryLimit, never revisions live pods use")
    func trimming() {
        var set = Fixture.set()
        set.spec.revisionHistoryLimit = 2
        let revisions = (1...5).map { number -> ControllerRevision in
            var revision = Fixture.revision(set, number: Int64(number))
            revision.metadata.name = "web-r\(number)"
            return revision
        }
        var pod = Fixture.pod(set, ordinal: 0, revision: revisions[0])
        pod.metadata.labels?[SteadKeys.revisionHash] = "web-r1"
        let deleted = RevisionHistory.revisionsToDelete(
            set: set, revisions: revisions, pods: [pod], currentRevision: "web-r4", updateRevision: "web-r5")
        #expect(deleted.map(\.name) == ["web-r2", "web-r3"])
        #expect(RevisionHistory.revisionsToDelete(
            set: set, revisions: Array(revisions.prefix(2)), pods: [], currentRevision: "web-r1", updateRevision: "web-r2").isEmpty)
    }
}
