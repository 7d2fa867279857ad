import Foundation
import KubeModel
import Testing

@testable import KubeProtobuf

/// The OpenAPI schemas made from the codec's tables, and the protobuf form of a Swagger document.
@Suite("OpenAPI")
struct BuiltinOpenAPITests {
    static let apps = GroupVersionKind(group: "apps", version: "v1", kind: "Deployment")
    static let pods = GroupVersionKind(group: "", version: "v1", kind: "Pod")

    func definitions(_ kinds: [GroupVersionKind], _ flavor: BuiltinOpenAPI.Flavor = .v3) -> JSONObject {
        BuiltinOpenAPI.definitions(kinds: kinds, groupVersions: [("", "v1"), ("apps", "v1")], flavor: flavor)
    }

    @Test func aKindIsNamedAndTaggedAsKubernetesNamesIt() {
        let all = definitions([Self.apps])
        let deployment = all["io.k8s.api.apps.v1.Deployment"]
        #expect(deployment?["x-kubernetes-group-version-kind"] == [["group": "apps", "version": "v1", "kind": "Deployment"]])
        #expect(deployment?[path: ["properties", "apiVersion"]] == ["type": "string"])
        #expect(deployment?[path: ["properties", "spec", "$ref"]] == "#/components/schemas/io.k8s.api.apps.v1.DeploymentSpec")
        #expect(all["io.k8s.api.apps.v1.DeploymentList"]?[path: ["properties", "items", "items", "$ref"]]
            == "#/components/schemas/io.k8s.api.apps.v1.Deployment")
        // Everything referred to is there: the pod template down to containers and metadata.
        #expect(all["io.k8s.api.core.v1.Container"] != nil)
        #expect(all["io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"] != nil)
        #expect(all["io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"]?["x-kubernetes-group-version-kind"] == [
            ["group": "", "version": "v1", "kind": "DeleteOptions"], ["group": "apps", "version": "v1", "kind": "DeleteOptions"],
        ])
    }

    @Test func fieldTypesFollowTheTables() {
        let all = definitions([Self.pods])
        let container = all["io.k8s.api.core.v1.Container"]?["properties"]
        #expect(container?["name"] == ["type": "string"])
        #expect(container?["stdin"] == ["type": "boolean"])
        #expect(container?["args"] == ["type": "array", "items": ["type": "string"]])
        #expect(container?["ports"]?["items"]?["$ref"] == "#/components/schemas/io.k8s.api.core.v1.ContainerPort")
        #expect(all["io.k8s.api.core.v1.Container"]?["required"] == ["name"])
        #expect(all["io.k8s.api.core.v1.PodSpec"]?["required"] == ["containers"])
        #expect(all["io.k8s.api.core.v1.ResourceRequirements"]?["required"] == nil)
        let port = all["io.k8s.api.core.v1.ContainerPort"]?["properties"]
        #expect(port?["containerPort"] == ["type": "integer", "format": "int32"])
        let requirements = all["io.k8s.api.core.v1.ResourceRequirements"]?["properties"]
        #expect(requirements?["limits"] == [
            "type": "object", "additionalProperties": ["$ref": "#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity"],
        ])
        #expect(all["io.k8s.apimachinery.pkg.apis.meta.v1.Time"] == ["type": "string", "format": "date-time"])
        #expect(all["io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"]?[path: ["properties", "generation"]]
            == ["type": "integer", "format": "int64"])
    }

    @Test func theTwoFlavorsDifferInReferencesAndSpecialTypes() {
        let v2 = definitions([Self.pods], .v2)
        #expect(v2["io.k8s.api.core.v1.Pod"]?[path: ["properties", "spec", "$ref"]] == "#/definitions/io.k8s.api.core.v1.PodSpec")
        #expect(v2["io.k8s.apimachinery.pkg.api.resource.Quantity"] == ["type": "string"])
        #expect(v2["io.k8s.apimachinery.pkg.util.intstr.IntOrString"] == ["type": "string", "format": "int-or-string"])
        let v3 = definitions([Self.pods], .v3)
        #expect(v3["io.k8s.apimachinery.pkg.util.intstr.IntOrString"]?["oneOf"] == [["type": "integer"], ["type": "string"]])
    }

    @Test func inlineStructsAndRenamedMessagesLookAsInJSON() {
        let volume = definitions([GroupVersionKind(group: "", version: "v1", kind: "PersistentVolume")])
        let spec = volume["io.k8s.api.core.v1.PersistentVolumeSpec"]?["properties"]?.objectValue ?? [:]
        #expect(spec["hostPath"] != nil && spec["csi"] != nil && spec["capacity"] != nil)
        #expect(spec["persistentVolumeSource"] == nil)

        let event = GroupVersionKind(group: "events.k8s.io", version: "v1", kind: "Event")
        #expect(BuiltinOpenAPI.definitionName(event) == "io.k8s.api.events.v1.Event")
        let events = definitions([event])
        #expect(events["io.k8s.api.events.v1.Event"]?[path: ["properties", "series", "$ref"]]
            == "#/components/schemas/io.k8s.api.events.v1.EventSeries")
        #expect(events["io.k8s.api.events.v1.EventsV1Event"] == nil)
    }

    /// Field numbers of gnostic's OpenAPIv2.proto, byte by byte.
    @Test func aSwaggerDocumentInProtobuf() {
        let document: JSONValue = [
            "swagger": "2.0",
            "definitions": [
                "A": [
                    "type": "object", "required": ["n"],
                    "properties": ["n": ["type": "integer"]],
                    "x-kubernetes-group-version-kind": [["group": "", "kind": "A", "version": "v1"]],
                ]
            ],
        ]
        let bytes = [UInt8](OpenAPIV2Protobuf.encode(document))
        let gvk = Array(#"[{"group":"","kind":"A","version":"v1"}]"#.utf8) + [0x0a]
        var schema: [UInt8] = [0x9a, 0x01, 0x01, 0x6e]  // required (19) "n"
        schema += [0xb2, 0x01, 0x08, 0x0a, 0x06] + Array("object".utf8)  // type (22): TypeItem{value "object"}
        let property: [UInt8] = [0x0a, 0x01, 0x6e, 0x12, 0x0c, 0xb2, 0x01, 0x09, 0x0a, 0x07] + Array("integer".utf8)
        schema += [0xca, 0x01, UInt8(property.count + 2), 0x0a, UInt8(property.count)] + property  // properties (25)
        let extensionName = Array("x-kubernetes-group-version-kind".utf8)
        let any: [UInt8] = [0x12, UInt8(gvk.count)] + gvk  // Any{yaml (2)}
        let named: [UInt8] = [0x0a, UInt8(extensionName.count)] + extensionName + [0x12, UInt8(any.count)] + any
        schema += [0xfa, 0x01, UInt8(named.count)] + named  // vendor_extension (31)
        let namedSchema: [UInt8] = [0x0a, 0x01, 0x41, 0x12, UInt8(schema.count)] + schema
        let definitions: [UInt8] = [0x0a, UInt8(namedSchema.count)] + namedSchema
        #expect(bytes == [0x0a, 0x03] + Array("2.0".utf8) + [0x4a, UInt8(definitions.count)] + definitions)
    }
}
