import Foundation
import KubeModel
import SteadAPI
import Testing
@testable import SteadController

@Suite("Pods and PVCs")
struct PodBuilderTests {
    @Test("pod: name, labels, owner, scheduler, hostname, readiness gate, claim volumes")
    func pod() throws {
        var template = Fixture.template(spec: ["volumes": [["name": "data", "emptyDir": [:]], ["name": "tmp", "emptyDir": [:]]]])
        template.json["spec"]?["dnsPolicy"] = "ClusterFirst"
        let set = Fixture.set(template: template, claims: [Fixture.claimTemplate()])
        let revision = Fixture.revision(set)
        let pod = try PodBuilder.build(set: set, ordinal: 3, revision: revision)
        #expect(pod.name == "web-3")
        #expect(pod.metadata.namespace == "default")
        #expect(pod.metadata.labels == [
            "app": "web", SteadKeys.podName: "web-3", SteadKeys.podIndex: "3",
            SteadKeys.revisionHash: revision.name, SteadKeys.set: "web",
        ])
        #expect(pod.metadata.ownerReferences == [set.controllerReference])
        #expect(pod.spec?.schedulerName == "stead")
        #expect(pod.spec?.hostname == "web-3")
        #expect(pod.spec?.subdomain == "web-headless")
        #expect(pod.spec?.readinessGates == [PodReadinessGate(conditionType: SteadKeys.inPlaceUpdateReady)])
        #expect(pod.spec?.volumes?.map(\.name) == ["tmp", "data"])
        #expect(pod.spec?.volumes?.last?.persistentVolumeClaim?.claimName == "data-web-3")
        let json = try KubeJSON.encodeToValue(pod)
        #expect(json[path: ["spec", "dnsPolicy"]] == "ClusterFirst")
        #expect(json[path: ["spec", "volumes"]]?.arrayValue?.first?["emptyDir"] == [:])
        #expect(json[path: ["spec", "volumes"]]?.arrayValue?.last?["emptyDir"] == nil)
    }

    @Test("the set's placement is copied to pod annotations for the scheduler")
    func placementAnnotations() throws {
        var set = Fixture.set()
        set.spec.placement = Placement(nodeLossTimeoutSeconds: 3, stickiness: .preferred)
        let pod = try PodBuilder.build(set: set, ordinal: 0, revision: Fixture.revision(set))
        #expect(pod.metadata.annotations?[SteadKeys.stickiness] == "Preferred")
        #expect(pod.metadata.annotations?[SteadKeys.nodeLossTimeoutSeconds] == "3")
        let defaulted = try PodBuilder.build(set: Fixture.set(), ordinal: 0, revision: Fixture.revision(Fixture.set()))
        #expect(defaulted.metadata.annotations?[SteadKeys.stickiness] == "Strict")
        #expect(defaulted.metadata.annotations?[SteadKeys.nodeLossTimeoutSeconds] == "300")
    }

    @Test("a template scheduler name is kept; an existing readiness gate is not duplicated")
    func keepsTemplateChoices() throws {
        let template = Fixture.template(spec: [
            "schedulerName": "default-scheduler",
            "readinessGates": [["conditionType": .string(SteadKeys.inPlaceUpdateReady)]],
        ])
        let set = Fixture.set(template: template)
        let pod = try PodBuilder.build(set: set, ordinal: 0, revision: Fixture.revision(set))
        #expect(pod.spec?.schedulerName == "default-scheduler")
        #expect(pod.spec?.readinessGates?.count == 1)
    }

    @Test("the pod follows the revision's template, not the set's")
    func fromRevision() throws {
        let old = Fixture.set()
        let revision = Fixture.revision(old)
        let new = Fixture.set(template: Fixture.template(containers: [Fixture.container(image: "nginx:1.26")]))
        let pod = try PodBuilder.build(set: new, ordinal: 0, revision: revision)
        #expect(pod.spec?.containers.first?.image == "nginx:1.25")
    }

    @Test("PVCs: name, labels, unknown fields kept, owner reference per whenDeleted", arguments: [
        (RetentionPolicyType.retain, false), (.delete, true),
    ])
    func claims(whenDeleted: RetentionPolicyType, owned: Bool) throws {
        let set = Fixture.set(claims: [Fixture.claimTemplate()], retention: PersistentVolumeClaimRetentionPolicy(whenDeleted: whenDeleted))
        let claims = try ClaimBuilder.build(set: set, ordinal: 2)
        #expect(claims.map(\.name) == ["data-web-2"])
        #expect(claims[0].metadata.labels == ["tier": "db", "app": "web", SteadKeys.set: "web", SteadKeys.podIndex: "2"])
        #expect((claims[0].metadata.ownerReferences != nil) == owned)
        #expect(ClaimBuilder.ownerReferencesMatchPolicy(claims[0], set: set))
        let json = try KubeJSON.encodeToValue(claims[0])
        #expect(json[path: ["spec", "volumeMode"]] == "Filesystem")
        #expect(json["kind"] == "PersistentVolumeClaim")
    }
}
