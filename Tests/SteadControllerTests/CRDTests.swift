import Foundation
import KubeModel
import Testing
@testable import SteadController

@Suite("CustomResourceDefinition")
struct CRDTests {
    let crd = StatefulPodSetCRD.definition()
    var version: JSONValue { crd[path: ["spec", "versions"]]!.arrayValue![0] }
    var schema: JSONValue { version[path: ["schema", "openAPIV3Schema"]]! }

    @Test("names, group, scope")
    func names() {
        #expect(crd["apiVersion"] == "apiextensions.k8s.io/v1")
        #expect(crd[path: ["metadata", "name"]] == "statefulpodsets.stead.dev")
        #expect(crd[path: ["spec", "group"]] == "stead.dev")
        #expect(crd[path: ["spec", "scope"]] == "Namespaced")
        #expect(crd[path: ["spec", "names", "shortNames"]] == ["sps"])
        #expect(crd[path: ["spec", "names", "categories"]] == ["all"])
        #expect(crd[path: ["spec", "names", "kind"]] == "StatefulPodSet")
        #expect(version["name"] == "v1alpha1")
        #expect(version["served"] == true && version["storage"] == true)
    }

    /// `kubectl explain statefulpodset.spec...` shows a description for every field, as for Kubernetes' types.
    @Test("every field is described")
    func everyFieldIsDescribed() {
        var undescribed: [String] = []
        func walk(_ node: JSONValue, _ path: String) {
            // The root's metadata may say nothing but its type: the server describes it as ObjectMeta.
            if path == "statefulpodset.metadata" { return }
            if node["description"]?.stringValue?.isEmpty ?? true { undescribed.append(path) }
            for (name, child) in node["properties"]?.objectValue ?? [:] { walk(child, "\(path).\(name)") }
            if let items = node["items"] { walk(items, "\(path)[]") }
            if let values = node["additionalProperties"], values["properties"] != nil { walk(values, "\(path){}") }
        }
        walk(schema, "statefulpodset")
        #expect(undescribed == [])
        #expect(schema[path: ["properties", "spec", "properties", "template", "properties", "spec", "properties",
                              "containers", "minItems"]] == 1)
    }

    @Test("status and scale subresources")
    func subresources() {
        #expect(version[path: ["subresources", "status"]] == [:])
        #expect(version[path: ["subresources", "scale"]] == [
            "specReplicasPath": ".spec.replicas", "statusReplicasPath": ".status.replicas",
            "labelSelectorPath": ".status.selector",
        ])
        #expect(schema[path: ["properties", "status", "properties", "selector", "type"]] == "string")
    }

    @Test("printer columns")
    func printerColumns() {
        let names = version["additionalPrinterColumns"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
        for expected in ["Replicas", "Ready", "Updated", "Policy", "Age"] { #expect(names.contains(expected)) }
    }

    @Test("structural: every node has a type (int-or-string aside), every default matches its enum and type")
    func structural() {
        var problems: [String] = []
        Self.walk(schema, path: "openAPIV3Schema", problems: &problems)
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("pod template spec and claim templates keep unknown fields; maxUnavailable is int-or-string")
    func preserveUnknown() {
        let spec = schema[path: ["properties", "spec", "properties"]]!
        #expect(spec[path: ["template", "properties", "spec", "x-kubernetes-preserve-unknown-fields"]] == true)
        #expect(spec[path: ["template", "properties", "metadata", "x-kubernetes-preserve-unknown-fields"]] == true)
        #expect(spec[path: ["volumeClaimTemplates", "items", "x-kubernetes-preserve-unknown-fields"]] == true)
        let maxUnavailable = spec[path: ["updateStrategy", "properties", "rollingUpdate", "properties", "maxUnavailable"]]
        #expect(maxUnavailable?["x-kubernetes-int-or-string"] == true)
        #expect(maxUnavailable?["default"] == 1)
        #expect(schema[path: ["properties", "spec", "required"]] == ["selector", "template"])
        #expect(spec[path: ["replicas", "minimum"]] == 0)
    }

    @Test("schema defaults agree with withDefaults()")
    func defaultsAgree() {
        let spec = schema[path: ["properties", "spec", "properties"]]!
        let defaults = Fixture.set().withDefaults().spec
        let rolling = spec[path: ["updateStrategy", "properties", "rollingUpdate", "properties"]]!
        #expect(rolling[path: ["podUpdatePolicy", "default"]]?.stringValue == defaults.updateStrategy?.rollingUpdate?.podUpdatePolicy?.rawValue)
        #expect(spec[path: ["podManagementPolicy", "default"]]?.stringValue == defaults.podManagementPolicy?.rawValue)
        #expect(spec[path: ["revisionHistoryLimit", "default"]]?.intValue == Int64(defaults.revisionHistoryLimit!))
        #expect(spec[path: ["placement", "properties", "nodeLossTimeoutSeconds", "default"]]?.intValue == 300)
        #expect(spec[path: ["placement", "properties", "stickiness", "default"]] == "Strict")
    }

    @Test("the CRD serialises through KubeJSON")
    func serialises() throws {
        let data = try KubeJSON.serialize(crd)
        #expect(try KubeJSON.parse(data) == crd)
    }

    static func walk(_ node: JSONValue, path: String, problems: inout [String]) {
        let intOrString = node["x-kubernetes-int-or-string"] == true
        let type = node["type"]?.stringValue
        if type == nil, !intOrString { problems.append("\(path): no type") }
        if let values = node["enum"]?.arrayValue, let value = node["default"], !values.contains(value) {
            problems.append("\(path): default \(value) not in enum")
        }
        if let value = node["default"], let type {
            let matches: Bool
            switch (type, value) {
            case ("string", .string), ("integer", .int), ("boolean", .bool), ("object", .object), ("array", .array):
                matches = true
            default: matches = false
            }
            if !matches { problems.append("\(path): default \(value) is not a \(type)") }
        }
        if let minimum = node["minimum"]?.intValue, let value = node["default"]?.intValue, value < minimum {
            problems.append("\(path): default below minimum")
        }
        if type == "object", node["properties"] == nil, node["additionalProperties"] == nil,
            node["x-kubernetes-preserve-unknown-fields"] != true, path != "openAPIV3Schema.properties.metadata"
        {
            problems.append("\(path): object without properties would prune everything")
        }
        for (key, child) in node["properties"]?.objectValue ?? [:] {
            walk(child, path: "\(path).properties.\(key)", problems: &problems)
        }
        if let items = node["items"] { walk(items, path: "\(path).items", problems: &problems) }
        if let additional = node["additionalProperties"], additional.objectValue != nil {
            walk(additional, path: "\(path).additionalProperties", problems: &problems)
        }
    }
}
