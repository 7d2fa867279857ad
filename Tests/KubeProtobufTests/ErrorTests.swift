import Foundation
import KubeModel
import Testing

@testable import KubeProtobuf

@Suite("Errors")
struct ErrorTests {
    private let namespaceA = hex(
        "6b 38 73 00  0a 0f 0a 02 76 31 12 09 4e 61 6d 65 73 70 61 63 65  12 05 0a 03 0a 01 61")
    private let deploymentTypeMeta = "6b 38 73 00  0a 15 0a 07 61 70 70 73 2f 76 31 12 0a 44 65 70 6c 6f 79 6d 65 6e 74"

    private func decodeError(_ data: Data) -> KubeProtobufError? {
        do {
            _ = try KubeProtobuf.decode(data)
            return nil
        } catch {
            return error
        }
    }

    private func encodeError(_ object: JSONValue) -> KubeProtobufError? {
        do {
            _ = try KubeProtobuf.encode(object)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: ["", "k8s", #"{"kind":"Pod"}"#])
    func aBodyWithoutTheMagic(text: String) {
        let error = decodeError(Data(text.utf8))
        #expect(error?.reason == .notProtobuf)
        #expect(error?.description == "not a Kubernetes protobuf body (missing magic)")
    }

    @Test func aTruncatedBody() {
        // raw (12) announces 5 bytes at byte 22; only 4 follow.
        let error = decodeError(namespaceA.dropLast())
        #expect(error?.reason == .malformed)
        #expect(error?.description == "truncated value at byte 22: 5 bytes announced, 4 left")
    }

    @Test func aTruncatedVarint() {
        // spec (12) {replicas (08) 80 ...}: the varint at byte 32 ends with the message.
        let error = decodeError(hex(deploymentTypeMeta + " 12 04 12 02 08 80"))
        #expect(error?.reason == .malformed)
        #expect(error?.description == "truncated varint at byte 32 (at spec.replicas)")
    }

    /// ObjectMeta field 15 was clusterName, removed from Kubernetes: dropping a set one would lose data
    /// silently (an empty one is passed over: `aRetiredFieldIsPassedOver`).
    @Test func anUnknownFieldNumberIsNamed() {
        let error = decodeError(
            hex("6b 38 73 00  0a 0f 0a 02 76 31 12 09 4e 61 6d 65 73 70 61 63 65  12 08 0a 06 0a 01 61 7a 01 78"))
        #expect(error?.reason == .unknownField)
        #expect(error?.description == "field 15 of ObjectMeta (wire type 2) is not known to this server (at metadata)")
    }

    @Test func anUnknownFieldDeepInAPodIsNamedWithItsPath() {
        // spec (12) {containers (12) [{name (0a) "c"}, {name (0a) "d", field 99 (9a 06) ""}]}
        let raw = "12 0d  12 03 0a 01 63  12 06 0a 01 64 9a 06 00"
        let error = decodeError(hex("6b 38 73 00  0a 09 0a 02 76 31 12 03 50 6f 64  12 0f " + raw))
        #expect(error?.reason == .unknownField)
        #expect(
            error?.description == "field 99 of Container (wire type 2) is not known to this server (at spec.containers[1])")
        #expect(error?.path == ["spec", "containers", "[1]"])
    }

    @Test func aFieldWithTheWrongWireType() {
        // replicas (field 1) as a length-delimited value: 0a 00.
        let error = decodeError(hex(deploymentTypeMeta + " 12 04 12 02 0a 00"))
        #expect(error?.reason == .malformed)
        #expect(
            error?.description
                == "field 1 of DeploymentSpec (replicas) has wire type 2, expected 0 (at spec.replicas)")
    }

    @Test func anUnsupportedKind() {
        // typeMeta {apiVersion "v1", kind "ComponentStatus"}
        var writer = WireWriter()
        writer.bytes = Envelope.magic
        writer.writeMessageField(1) {
            $0.writeStringField(1, "v1")
            $0.writeStringField(2, "ComponentStatus")
        }
        let error = decodeError(Data(writer.bytes))
        #expect(error?.reason == .unsupportedKind)
        #expect(error?.description == "kind v1 ComponentStatus is not supported")

        let encodeError = encodeError(["apiVersion": "apps/v1", "kind": "Deployments", "metadata": ["name": "x"]])
        #expect(encodeError?.reason == .unsupportedKind)
        #expect(encodeError?.description == "kind apps/v1 Deployments is not supported")
    }

    @Test func supportsKnowsTheKinds() {
        #expect(KubeProtobuf.supports(apiVersion: "apps/v1", kind: "Deployment"))
        #expect(KubeProtobuf.supports(apiVersion: "v1", kind: "Pod"))
        #expect(KubeProtobuf.supports(apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding"))
        #expect(KubeProtobuf.supports(apiVersion: "meta.k8s.io/v1", kind: "DeleteOptions"))
        #expect(!KubeProtobuf.supports(apiVersion: "v1", kind: "ComponentStatus"))
        #expect(!KubeProtobuf.supports(apiVersion: "apps/v1beta1", kind: "Deployment"))
        #expect(!KubeProtobuf.supports(apiVersion: "apps/v1", kind: "Pod"))
        #expect(!KubeProtobuf.supports(apiVersion: "stead.dev/v1alpha1", kind: "StatefulPodSet"))
    }

    @Test func anEnvelopeWithoutKindOrWithAnEncoding() {
        #expect(decodeError(hex("6b 38 73 00"))?.description == "the body names no kind (typeMeta.kind is empty)")
        let gzip = decodeError(hex("6b 38 73 00  0a 0b 0a 02 76 31 12 05 45 76 65 6e 74  1a 04 67 7a 69 70"))
        #expect(gzip?.description == "content encoding \"gzip\" is not supported")
    }

    @Test(arguments: [
        (#"{"spec": {"replicas": "two"}}"#, "field spec.replicas: expected an integer"),
        (#"{"spec": {"replicas": 3000000000}}"#, "field spec.replicas: 3000000000 does not fit in 32 bits"),
        (#"{"spec": {"replicas": 1.5}}"#, "field spec.replicas: expected an integer, got 1.5"),
        (#"{"spec": {"paused": "yes"}}"#, "field spec.paused: expected a boolean"),
        (#"{"spec": {"replica": 2}}"#, "field spec.replica: not known to this server (DeploymentSpec has no such field)"),
        (#"{"metadata": {"labels": {"a": 1}}}"#, "field metadata.labels.a: expected a string"),
        (#"{"metadata": {"creationTimestamp": "yesterday"}}"#, #"field metadata.creationTimestamp: invalid RFC 3339 time "yesterday""#),
        (#"{"metadata": {"finalizers": "x"}}"#, "field metadata.finalizers: expected an array"),
        (#"{"spec": {"strategy": {"rollingUpdate": {"maxSurge": true}}}}"#, "field spec.strategy.rollingUpdate.maxSurge: expected an integer or a string"),
        (
            #"{"spec": {"template": {"spec": {"containers": [{"name": "a"}, {"name": "b", "resources": {"limits": {"cpu": "lots"}}}]}}}}"#,
            #"field spec.template.spec.containers[1].resources.limits.cpu: invalid quantity "lots""#
        ),
        (
            #"{"spec": {"template": {"spec": {"containers": [{"name": "a", "env": [{"name": "E", "valueFrom": {"secretKeyRef": {"nam": "x"}}}]}]}}}}"#,
            "field spec.template.spec.containers[0].env[0].valueFrom.secretKeyRef.nam: not known to this server (SecretKeySelector has no such field)"
        ),
        (#"{"status": {"conditions": [{"type": "Available", "status": "True", "extra": 1}]}}"#, "field status.conditions[0].extra: not known to this server (DeploymentCondition has no such field)"),
    ])
    func aJSONValueThatDoesNotFit(fields: String, message: String) {
        guard case .object(var object) = Fixtures.object(fields) else { return }
        object["apiVersion"] = "apps/v1"
        object["kind"] = "Deployment"
        let error = encodeError(.object(object))
        #expect(error?.description == message)
    }

    @Test func secretsNeedBase64() {
        let error = encodeError(["apiVersion": "v1", "kind": "Secret", "data": ["password": "not base64!"]])
        #expect(error?.reason == .invalidValue)
        #expect(error?.description == "field data.password: invalid base64 text")
    }

    @Test func anObjectNeedsApiVersionAndKind() {
        #expect(encodeError(["kind": "Pod"])?.description == "field apiVersion: required to name the object's type")
        #expect(encodeError(["apiVersion": "v1", "kind": 3])?.description == "field kind: expected a string")
        #expect(encodeError(["a", "b"])?.description == "expected a JSON object")
    }
}

extension ErrorTests {
    /// ObjectMeta's field 15 (clusterName, removed in v1.25), which an older server writes empty, is passed
    /// over; another unknown number is still an error.
    @Test func aRetiredFieldIsPassedOver() throws {
        func namespace(metadataField: Int) -> Data {
            var writer = WireWriter()
            writer.bytes = Envelope.magic
            writer.writeMessageField(1) {
                $0.writeStringField(1, "v1")
                $0.writeStringField(2, "Namespace")
            }
            writer.writeMessageField(2) { raw in
                raw.writeMessageField(1) { metadata in
                    metadata.writeStringField(1, "a")
                    metadata.writeStringField(metadataField, "")
                }
            }
            return Data(writer.bytes)
        }
        #expect(try KubeProtobuf.decode(namespace(metadataField: 15)) == [
            "apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "a"],
        ])
        #expect(decodeError(namespace(metadataField: 99))?.reason == .unknownField)
    }
}
