import Foundation
import KubeModel
import Testing
@testable import SteadController

/// The webhook's answers: what ``StatefulPodSetValidator`` finds is refused as kube-apiserver refuses an
/// invalid StatefulSet; what may still happen to a set stored before the webhook existed is allowed.
@Suite("StatefulPodSet admission")
struct AdmissionTests {
    static func request(_ operation: AdmissionOperation, _ set: StatefulPodSet, old: StatefulPodSet? = nil) throws
        -> AdmissionRequest
    {
        let type = StatefulPodSet.resourceType
        return AdmissionRequest(
            uid: "4b1f2c1e-0000-4000-8000-000000000001",
            kind: GroupVersionKind(group: type.group, version: type.version, kind: type.kind),
            resource: GroupVersionResource(group: type.group, version: type.version, resource: type.plural),
            name: set.name, namespace: set.namespace, operation: operation,
            userInfo: AdmissionUserInfo(username: "someone"), object: try KubeJSON.encodeToValue(set),
            oldObject: try old.map { try KubeJSON.encodeToValue($0) }, dryRun: false)
    }

    static var mismatched: StatefulPodSet {
        var set = Fixture.set()
        set.spec.selector = LabelSelector(matchLabels: ["app": "db"])
        return set
    }

    @Test func aValidSetIsAllowed() throws {
        let answer = StatefulPodSetAdmission.review(try Self.request(.create, Fixture.set()))
        #expect(answer.allowed && answer.status == nil)
        #expect(answer.uid == "4b1f2c1e-0000-4000-8000-000000000001")
    }

    @Test func anInvalidSetIsRefusedWith422NamingEachField() throws {
        var set = Self.mismatched
        set.spec.replicas = -1
        let answer = StatefulPodSetAdmission.review(try Self.request(.create, set))
        #expect(!answer.allowed)
        let status = try #require(answer.status)
        #expect(status.code == 422 && status.reason == "Invalid")
        #expect(
            status.message
                == #"StatefulPodSet.stead.dev "web" is invalid: [spec.replicas: must be greater than or equal to 0, spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`]"#)
        #expect(status.details?.kind == "StatefulPodSet" && status.details?.group == "stead.dev")
        #expect(status.details?.causes?.map(\.field) == ["spec.replicas", "spec.template.metadata.labels"])
    }

    @Test func anUpdateThatBreaksTheSpecIsRefused() throws {
        let answer = StatefulPodSetAdmission.review(try Self.request(.update, Self.mismatched, old: Fixture.set()))
        #expect(!answer.allowed)
        #expect(answer.status?.message?.hasPrefix(#"StatefulPodSet.stead.dev "web" is invalid: spec.template.metadata.labels"#) == true)
    }

    /// A set stored before the webhook existed keeps its spec, and can still be labelled, lose its
    /// finalizers and be deleted.
    @Test func anUpdateLeavingAnInvalidSpecAloneIsAllowed() throws {
        var labelled = Self.mismatched
        labelled.metadata.labels = ["team": "a"]
        #expect(StatefulPodSetAdmission.review(try Self.request(.update, labelled, old: Self.mismatched)).allowed)

        var deleting = Self.mismatched
        deleting.spec.replicas = 0
        deleting.metadata.deletionTimestamp = KubeTime(Date())
        #expect(StatefulPodSetAdmission.review(try Self.request(.update, deleting, old: Self.mismatched)).allowed)

        var stillInvalid = Self.mismatched
        stillInvalid.spec.replicas = 2
        #expect(!StatefulPodSetAdmission.review(try Self.request(.update, stillInvalid, old: Self.mismatched)).allowed)
    }

    @Test func anObjectThatIsNoSetIsABadRequest() throws {
        var request = try Self.request(.create, Fixture.set())
        request.object = ["spec": ["replicas": "many"]]
        let answer = StatefulPodSetAdmission.review(request)
        #expect(!answer.allowed && answer.status?.code == 400)
        #expect(answer.status?.message?.hasPrefix("cannot read the StatefulPodSet") == true)
    }

    /// An existing configuration is left alone when the server's defaults are all that differ from it.
    @Test func registrationComparesOnlyWhatItWrites() {
        let wanted = StatefulPodSetAdmission.configuration(.url("https://127.0.0.1:9443/validate-statefulpodsets"), caBundle: "Q0E=")
        var stored = wanted
        var webhook = stored["webhooks"]?.arrayValue?[0] ?? [:]
        webhook["namespaceSelector"] = [:]
        webhook["objectSelector"] = [:]
        stored["webhooks"] = [webhook]
        #expect(StatefulPodSetAdmission.servesWanted(stored["webhooks"], wanted["webhooks"]))
        let moved = StatefulPodSetAdmission.configuration(.url("https://127.0.0.1:9444/validate-statefulpodsets"), caBundle: "Q0E=")
        #expect(!StatefulPodSetAdmission.servesWanted(stored["webhooks"], moved["webhooks"]))
        let renewed = StatefulPodSetAdmission.configuration(.url("https://127.0.0.1:9443/validate-statefulpodsets"), caBundle: "Q0I=")
        #expect(!StatefulPodSetAdmission.servesWanted(stored["webhooks"], renewed["webhooks"]))
    }
}
