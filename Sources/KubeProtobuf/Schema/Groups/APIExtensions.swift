// Field numbers and wire types: pkg/apis/apiextensions/v1/generated.proto in kubernetes/apiextensions-apiserver,
// master at commit 1aa2717 of July 2026. JSON names and `.omitEmpty` (omitempty on a non-pointer scalar): the
// json tags of the same Go types. Message names are unique across groups.
extension Schema.Builder {
    /// apiextensions.k8s.io/v1.
    mutating func declareAPIExtensionsV1() {
        inPackage("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1")
        message("CustomResourceDefinition", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("spec", .message("CustomResourceDefinitionSpec")),
            3: ("status", .message("CustomResourceDefinitionStatus")),
        ])
        message("CustomResourceDefinitionSpec", [
            1: ("group", .string),
            3: ("names", .message("CustomResourceDefinitionNames")),
            4: ("scope", .string),
            7: ("versions", .repeated(.message("CustomResourceDefinitionVersion"))),
            9: ("conversion", .message("CustomResourceConversion")),
            10: ("preserveUnknownFields", .bool.omitEmpty),
        ])
        message("CustomResourceDefinitionStatus", [
            1: ("conditions", .repeated(.message("CustomResourceDefinitionCondition"))),
            2: ("acceptedNames", .message("CustomResourceDefinitionNames")),
            3: ("storedVersions", .repeated(.string)),
            4: ("observedGeneration", .int64.omitEmpty),
        ])
        message("CustomResourceDefinitionNames", [
            1: ("plural", .string),
            2: ("singular", .string.omitEmpty),
            3: ("shortNames", .repeated(.string)),
            4: ("kind", .string),
            5: ("listKind", .string.omitEmpty),
            6: ("categories", .repeated(.string)),
        ])
        message("CustomResourceDefinitionVersion", [
            1: ("name", .string),
            2: ("served", .bool),
            3: ("storage", .bool),
            4: ("schema", .message("CustomResourceValidation")),
            5: ("subresources", .message("CustomResourceSubresources")),
            6: ("additionalPrinterColumns", .repeated(.message("CustomResourceColumnDefinition"))),
            7: ("deprecated", .bool.omitEmpty),
            8: ("deprecationWarning", .string),
            9: ("selectableFields", .repeated(.message("SelectableField"))),
        ])
        message("CustomResourceConversion", [
            1: ("strategy", .string),
            2: ("webhook", .message("WebhookConversion")),
        ])
        message("CustomResourceDefinitionCondition", [
            1: ("type", .string),
            2: ("status", .string),
            3: ("lastTransitionTime", .time),
            4: ("reason", .string.omitEmpty),
            5: ("message", .string.omitEmpty),
            6: ("observedGeneration", .int64.omitEmpty),
        ])
        message("CustomResourceValidation", [
            1: ("openAPIV3Schema", .message("JSONSchemaProps")),
        ])
        message("CustomResourceSubresources", [
            1: ("status", .message("CustomResourceSubresourceStatus")),
            2: ("scale", .message("CustomResourceSubresourceScale")),
        ])
        message("CustomResourceColumnDefinition", [
            1: ("name", .string),
            2: ("type", .string),
            3: ("format", .string.omitEmpty),
            4: ("description", .string.omitEmpty),
            5: ("priority", .int32.omitEmpty),
            6: ("jsonPath", .string),
        ])
        message("SelectableField", [
            1: ("jsonPath", .string),
        ])
        message("WebhookConversion", [
            2: ("clientConfig", .message("APIExtensionsV1WebhookClientConfig")),
            3: ("conversionReviewVersions", .repeated(.string)),
        ])
        message("JSONSchemaProps", [
            1: ("id", .string.omitEmpty),
            2: ("$schema", .string.omitEmpty),
            3: ("$ref", .string),
            4: ("description", .string.omitEmpty),
            5: ("type", .string.omitEmpty),
            6: ("format", .string.omitEmpty),
            7: ("title", .string.omitEmpty),
            8: ("default", .json),
            9: ("maximum", .double),
            10: ("exclusiveMaximum", .bool.omitEmpty),
            11: ("minimum", .double),
            12: ("exclusiveMinimum", .bool.omitEmpty),
            13: ("maxLength", .int64),
            14: ("minLength", .int64),
            15: ("pattern", .string.omitEmpty),
            16: ("maxItems", .int64),
            17: ("minItems", .int64),
            18: ("uniqueItems", .bool.omitEmpty),
            19: ("multipleOf", .double),
            20: ("enum", .repeated(.json)),
            21: ("maxProperties", .int64),
            22: ("minProperties", .int64),
            23: ("required", .repeated(.string)),
            24: ("items", .schemaOrArray("JSONSchemaProps")),
            25: ("allOf", .repeated(.message("JSONSchemaProps"))),
            26: ("oneOf", .repeated(.message("JSONSchemaProps"))),
            27: ("anyOf", .repeated(.message("JSONSchemaProps"))),
            28: ("not", .message("JSONSchemaProps")),
            29: ("properties", .map(.message("JSONSchemaProps"))),
            30: ("additionalProperties", .schemaOrBool("JSONSchemaProps")),
            31: ("patternProperties", .map(.message("JSONSchemaProps"))),
            32: ("dependencies", .map(.schemaOrStringArray("JSONSchemaProps"))),
            33: ("additionalItems", .schemaOrBool("JSONSchemaProps")),
            34: ("definitions", .map(.message("JSONSchemaProps"))),
            35: ("externalDocs", .message("ExternalDocumentation")),
            36: ("example", .json),
            37: ("nullable", .bool.omitEmpty),
            38: ("x-kubernetes-preserve-unknown-fields", .bool),
            39: ("x-kubernetes-embedded-resource", .bool.omitEmpty),
            40: ("x-kubernetes-int-or-string", .bool.omitEmpty),
            41: ("x-kubernetes-list-map-keys", .repeated(.string)),
            42: ("x-kubernetes-list-type", .string),
            43: ("x-kubernetes-map-type", .string),
            44: ("x-kubernetes-validations", .repeated(.message("ValidationRule"))),
        ])
        message("CustomResourceSubresourceStatus", [:])
        message("CustomResourceSubresourceScale", [
            1: ("specReplicasPath", .string),
            2: ("statusReplicasPath", .string),
            3: ("labelSelectorPath", .string),
        ])
        goName("APIExtensionsV1WebhookClientConfig", "WebhookClientConfig")
        message("APIExtensionsV1WebhookClientConfig", [
            1: ("service", .message("APIExtensionsV1ServiceReference")),
            2: ("caBundle", .bytes.omitEmpty),
            3: ("url", .string),
        ])
        message("ExternalDocumentation", [
            1: ("description", .string.omitEmpty),
            2: ("url", .string.omitEmpty),
        ])
        message("ValidationRule", [
            1: ("rule", .string),
            2: ("message", .string.omitEmpty),
            3: ("messageExpression", .string.omitEmpty),
            4: ("reason", .string),
            5: ("fieldPath", .string.omitEmpty),
            6: ("optionalOldSelf", .bool),
        ])
        goName("APIExtensionsV1ServiceReference", "ServiceReference")
        message("APIExtensionsV1ServiceReference", [
            1: ("namespace", .string),
            2: ("name", .string),
            3: ("path", .string),
            4: ("port", .int32),
        ])

    }
}
