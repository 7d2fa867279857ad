import Foundation
import KubeModel
import Testing
@testable import SteadController

@Suite("StatefulPodSet API")
struct APITests {
    static let manifest = #"""
    {"apiVersion":"stead.dev/v1alpha1","kind":"StatefulPodSet",
     "metadata":{"name":"web","namespace":"default","uid":"u1","generation":3},
     "spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},"serviceName":"web",
       "template":{"metadata":{"labels":{"app":"web"},"annotations":{"x":"y"}},
         "spec":{"hostNetwork":false,"dnsPolicy":"ClusterFirst","securityContext":{"runAsUser":1000},
           "containers":[{"name":"app","image":"nginx:1.25","stdin":true,
             "livenessProbe":{"httpGet":{"path":"/","port":80}},"resources":{"requests":{"cpu":"100m"}}}]}},
       "volumeClaimTemplates":[{"metadata":{"name":"data"},"spec":{"accessModes":["ReadWriteOnce"],
         "volumeMode":"Filesystem","resources":{"requests":{"storage":"1Gi"}}}}],
       "updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":"25%","podUpdatePolicy":"InPlaceOnly"}},
       "futureField":{"a":1}},
     "status":{"replicas":3,"updatedInPlace":2,"rescheduleReasons":{"NodeLost":1}}}
    """#

    @Test("KubeJSON round trip keeps every template field PodSpec does not know")
    func roundTrip() throws {
        let data = Data(Self.manifest.utf8)
        let set = try KubeJSON.decode(StatefulPodSet.self, from: data)
        #expect(set.spec.replicas == 3)
        #expect(set.spec.updateStrategy?.rollingUpdate?.maxUnavailable == .string("25%"))
        #expect(set.spec.updateStrategy?.rollingUpdate?.podUpdatePolicy == .inPlaceOnly)
        #expect(set.spec.template.json[path: ["spec", "securityContext", "runAsUser"]] == 1000)
        #expect(set.status?.rescheduleReasons == ["NodeLost": 1])
        let encoded = try KubeJSON.encodeToValue(set)
        #expect(encoded == (try KubeJSON.parse(data)))
        let spec = try set.spec.template.decodedSpec()
        #expect(spec.containers.first?.image == "nginx:1.25")
        #expect(try set.spec.volumeClaimTemplates?.first?.decoded().spec?.accessModes == ["ReadWriteOnce"])
    }

    @Test("an unknown enum value decodes, so validation can name it")
    func unknownEnumDecodes() throws {
        let text = Self.manifest.replacingOccurrences(of: "InPlaceOnly", with: "Sometimes")
        let set = try KubeJSON.decode(StatefulPodSet.self, from: Data(text.utf8))
        #expect(set.spec.updateStrategy?.rollingUpdate?.podUpdatePolicy?.isKnown == false)
    }

    @Test("withDefaults fills every documented default and is idempotent")
    func defaults() {
        var set = Fixture.set()
        set.spec.replicas = nil
        let spec = set.withDefaults().spec
        #expect(spec.replicas == 1)
        #expect(spec.podManagementPolicy == .orderedReady)
        #expect(spec.revisionHistoryLimit == 10)
        #expect(spec.minReadySeconds == 0)
        #expect(spec.updateStrategy?.type == .rollingUpdate)
        #expect(spec.updateStrategy?.rollingUpdate == RollingUpdateStrategy(
            partition: 0, maxUnavailable: .int(1), paused: false, inPlaceGracePeriodSeconds: 0,
            podUpdatePolicy: .inPlaceIfPossible))
        #expect(spec.placement == Placement(nodeLossTimeoutSeconds: 300, stickiness: .strict))
        #expect(spec.persistentVolumeClaimRetentionPolicy == PersistentVolumeClaimRetentionPolicy(whenDeleted: .retain, whenScaled: .retain))
        #expect(spec.template.schedulerName == "stead")
        #expect(set.withDefaults().withDefaults() == set.withDefaults())
    }

    @Test("defaults keep what the user set: scheduler name, OnDelete without rollingUpdate")
    func defaultsKeepUserValues() {
        var set = Fixture.set(template: Fixture.template(spec: ["schedulerName": "default-scheduler"]), type: .onDelete)
        set.spec.updateStrategy?.rollingUpdate = nil
        let spec = set.withDefaults().spec
        #expect(spec.template.schedulerName == "default-scheduler")
        #expect(spec.updateStrategy?.rollingUpdate == nil)
    }

    @Test("resource type: stead.dev/v1alpha1 statefulpodsets, namespaced")
    func resourceType() {
        let type = StatefulPodSet.resourceType
        #expect(type.apiVersion == "stead.dev/v1alpha1")
        #expect(type.collectionPath(namespace: "ns") == "/apis/stead.dev/v1alpha1/namespaces/ns/statefulpodsets")
        #expect(StatefulPodSet.shortNames == ["sps"])
    }

    @Test("maxUnavailable resolves numbers and percentages, at least 1", arguments: [
        (IntOrString.int(2), 5, 2), (.string("25%"), 8, 2), (.string("10%"), 5, 1), (.string("100%"), 5, 5),
    ])
    func maxUnavailable(value: IntOrString, replicas: Int32, expected: Int) {
        let set = Fixture.set(replicas: replicas, rolling: RollingUpdateStrategy(maxUnavailable: value))
        #expect(set.spec.effectiveMaxUnavailable == expected)
    }
}
