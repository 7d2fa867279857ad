import Foundation
import KubeModel
import Testing

@testable import KubeProtobuf

/// JSON -> protobuf -> JSON gives the object back, for a realistic object of every supported kind.
@Suite("Round trips")
struct RoundTripTests {
    @Test(arguments: Fixtures.all)
    func aRealisticObjectComesBackUnchanged(text: String) throws {
        let object = Fixtures.object(text)
        let data = try KubeProtobuf.encode(object)
        #expect(data.starts(with: [0x6b, 0x38, 0x73, 0x00]))
        let decoded = try KubeProtobuf.decode(data)
        #expect(decoded == object)
        // Encoding is deterministic: the decoded object gives the same bytes again.
        #expect(try KubeProtobuf.encode(decoded) == data)
    }

    @Test func everyKindWithAnAPIVersionHasAFixture() {
        let covered = Set(Fixtures.all.map { text -> String in
            let object = Fixtures.object(text)
            return "\(object["apiVersion"]?.stringValue ?? "") \(object["kind"]?.stringValue ?? "")"
        })
        let declared = Schema.Builder.standard().kinds.compactMap { kind in
            kind.apiVersion.map { "\($0) \(kind.kind)" }
        }
        #expect(Set(declared).subtracting(covered).sorted() == [])
    }

    @Test func deleteOptionsDecodesUnderAnyGroupVersion() throws {
        for apiVersion in ["v1", "meta.k8s.io/v1", "apps/v1", "batch/v1"] {
            let options: JSONValue = [
                "apiVersion": .string(apiVersion), "kind": "DeleteOptions", "propagationPolicy": "Orphan",
                "preconditions": ["uid": "u-1"],
            ]
            #expect(KubeProtobuf.supports(apiVersion: apiVersion, kind: "DeleteOptions"))
            #expect(try KubeProtobuf.decode(try KubeProtobuf.encode(options)) == options)
        }
    }

    @Test func secretBytesSurviveExactly() throws {
        let everyByte = Data((0...255).map { UInt8($0) })
        let secret: JSONValue = [
            "apiVersion": "v1", "kind": "Secret", "metadata": ["name": "bin"],
            "data": ["all": .string(everyByte.base64EncodedString()), "none": ""],
        ]
        let decoded = try KubeProtobuf.decode(try KubeProtobuf.encode(secret))
        #expect(decoded["data"]?["all"]?.stringValue.flatMap { Data(base64Encoded: $0) } == everyByte)
        #expect(decoded == secret)
    }

    @Test func controllerRevisionDataIsEmbeddedJSON() throws {
        let revision = Fixtures.object(
            #"{"apiVersion": "apps/v1", "kind": "ControllerRevision", "metadata": {"name": "r"}, "revision": 1,"#
                + #" "data": {"spec": {"replicas": 3, "list": [1, "two", null, true, 2.5]}}}"#)
        let decoded = try KubeProtobuf.decode(try KubeProtobuf.encode(revision))
        #expect(decoded["data"] == revision["data"])
    }

    @Test func quantitiesKeepTheirTextAndNumbersBecomeText() throws {
        let pod: JSONValue = [
            "apiVersion": "v1", "kind": "Pod", "metadata": ["name": "p"],
            "spec": [
                "containers": [["name": "c", "resources": ["limits": ["cpu": 2, "memory": "1.5Gi"], "requests": ["cpu": 0.5]]]]
            ],
        ]
        let decoded = try KubeProtobuf.decode(try KubeProtobuf.encode(pod))
        let resources = decoded[path: ["spec", "containers"]]?.arrayValue?.first?["resources"]
        #expect(resources == ["limits": ["cpu": "2", "memory": "1.5Gi"], "requests": ["cpu": "0.5"]])
    }

    /// A zero Go leaves out of its JSON (omitempty on a non-pointer field) is left out; a pointer's zero
    /// stays, since it says something ("replicas: 0" is not "replicas unset").
    @Test func explicitZerosFollowGoJSON() throws {
        let deployment: JSONValue = [
            "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "web", "generateName": ""],
            "spec": ["replicas": 0, "minReadySeconds": 0, "paused": false, "revisionHistoryLimit": 0],
        ]
        let decoded = try KubeProtobuf.decode(try KubeProtobuf.encode(deployment))
        #expect(decoded["metadata"] == ["name": "web"])
        #expect(decoded["spec"] == ["replicas": 0, "revisionHistoryLimit": 0])
    }

    /// How long a decode of a stored Deployment (metadata with managed fields, spec, status) takes.
    @Test func aTypicalDeploymentDecodesQuickly() throws {
        let data = try KubeProtobuf.encode(Fixtures.object(Fixtures.storedDeployment))
        let rounds = 500
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            for _ in 0..<rounds { _ = try KubeProtobuf.decode(data) }
        }
        let perDecode = elapsed / rounds
        print("KubeProtobuf: decoding a \(data.count)-byte Deployment takes \(perDecode)")
        // Generous: a debug build on a slow machine; the point is to notice an accidental quadratic.
        #expect(perDecode < .milliseconds(5))
    }
}
