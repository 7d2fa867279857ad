import Foundation
import KubeModel
import Testing

@testable import ControlPlane

/// The pure schema steps, one rule at a time: pruning, defaulting, validation.
@Suite struct SchemaUnitTests {
    static let schema: JSONValue = [
        "type": "object",
        "properties": [
            "spec": [
                "type": "object",
                "properties": [
                    "pod": ["type": "object", "x-kubernetes-embedded-resource": true, "x-kubernetes-preserve-unknown-fields": true],
                    "inner": [
                        "type": "object", "x-kubernetes-embedded-resource": true,
                        "properties": ["data": ["type": "string"]],
                    ],
                    "note": ["type": "string", "nullable": true],
                    "name": ["type": "string", "minLength": 2],
                    "items": ["type": "array", "minItems": 1, "maxItems": 2, "items": ["type": "integer", "exclusiveMinimum": true, "minimum": 0]],
                    "ratio": ["type": "number", "maximum": 1, "exclusiveMaximum": true],
                ],
            ]
        ],
    ]

    @Test func embeddedResourcesKeepTypeMetaAndMetadata() {
        var object: JSONValue = [
            "apiVersion": "x/v1", "kind": "X", "metadata": ["name": "a"],
            "spec": [
                "inner": ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "cm"], "data": "d", "junk": 1],
                "pod": ["apiVersion": "v1", "kind": "Pod", "anything": ["goes": true]],
            ],
        ]
        let pruned = SchemaPruner.prune(&object, schema: Self.schema)
        #expect(pruned == ["spec.inner.junk"])
        #expect(object[path: ["spec", "inner", "metadata", "name"]] == "cm")
        #expect(object[path: ["spec", "inner", "kind"]] == "ConfigMap")
        #expect(object[path: ["spec", "pod", "anything", "goes"]] == true)
        #expect(object[path: ["metadata", "name"]] == "a")
    }

    @Test func embeddedResourcesNeedApiVersionAndKind() {
        let errors = SchemaValidator.validate(["spec": ["inner": ["data": "d"]]], schema: Self.schema, path: "")
        #expect(errors.map(\.message) == [
            "spec.inner.apiVersion: Required value: must not be empty", "spec.inner.kind: Required value: must not be empty",
        ])
    }

    @Test func nullableAcceptsNullOthersDoNot() {
        let ok = SchemaValidator.validate(["spec": ["note": .null]], schema: Self.schema, path: "")
        #expect(ok.isEmpty)
        let bad = SchemaValidator.validate(["spec": ["name": .null]], schema: Self.schema, path: "")
        #expect(bad.map(\.message) == [#"spec.name: Invalid value: "null": spec.name in body must be of type string: "null""#])
    }

    @Test func lengthsItemsAndExclusiveBounds() {
        let errors = SchemaValidator.validate(
            ["spec": ["name": "a", "items": [0, 1, 2], "ratio": 1.0]], schema: Self.schema, path: "")
        #expect(errors.map(\.message) == [
            #"spec.items: Too many: 3: must have at most 2 items"#,
            "spec.items[0]: Invalid value: 0: spec.items[0] in body should be greater than 0",
            #"spec.name: Invalid value: "a": spec.name in body should be at least 2 chars long"#,
            "spec.ratio: Invalid value: 1: spec.ratio in body should be less than 1",
        ])
        let empty = SchemaValidator.validate(["spec": ["items": []]], schema: Self.schema, path: "")
        #expect(empty.map(\.message) == ["spec.items: Invalid value: 0: spec.items in body should have at least 1 items"])
    }

    @Test func defaultsFillMissingAndNonNullableNullFields() {
        let schema: JSONValue = [
            "type": "object",
            "properties": [
                "a": ["type": "string", "default": "x"], "b": ["type": "string", "nullable": true, "default": "y"],
                "c": ["type": "object", "default": [:], "properties": ["d": ["type": "integer", "default": 4]]],
            ],
        ]
        var value: JSONValue = ["a": .null, "b": .null]
        SchemaDefaulter.apply(&value, schema: schema)
        #expect(value == ["a": "x", "b": .null, "c": ["d": 4]])
    }

    @Test func aNullDefaultIsNoDefault() {
        let schema: JSONValue = ["type": "object", "properties": ["note": ["type": "string", "nullable": true, "default": .null]]]
        var value: JSONValue = [:]
        SchemaDefaulter.apply(&value, schema: schema)
        #expect(value == [:])
    }

    @Test func printerColumnPaths() {
        let object: JSONValue = ["metadata": ["labels": ["app.kubernetes.io/name": "web"]], "status": ["conditions": [["type": "Ready"]]]]
        #expect(JSONPathSubset(".metadata.labels['app.kubernetes.io/name']")?.value(in: object) == "web")
        #expect(JSONPathSubset("{.status.conditions[0].type}")?.value(in: object) == "Ready")
        #expect(JSONPathSubset(".status.conditions[3].type")?.value(in: object) == nil)
        #expect(JSONPathSubset("status") == nil)
        #expect(JSONPathSubset(".a[?(@.x)]") == nil)
    }
}
