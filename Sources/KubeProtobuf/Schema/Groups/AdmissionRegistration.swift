// Field numbers and wire types: this group's generated.proto in kubernetes/api (kubernetes/apimachinery
// for meta/v1), master at commit 10b39a3 of July 2026 (Kubernetes 1.37 in development). JSON names and
// `.omitEmpty` (omitempty on a non-pointer scalar): the json tags of the same Go types. Message names are
// unique across groups.
extension Schema.Builder {
    /// admissionregistration.k8s.io/v1.
    mutating func declareAdmissionRegistrationV1() {
        inPackage("io.k8s.api.admissionregistration.v1")
        message("MutatingWebhookConfiguration", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("webhooks", .repeated(.message("MutatingWebhook"))),
        ])
        message("MutatingWebhook", [
            1: ("name", .string),
            2: ("clientConfig", .message("WebhookClientConfig")),
            3: ("rules", .repeated(.message("RuleWithOperations"))),
            4: ("failurePolicy", .string),
            5: ("namespaceSelector", .message("LabelSelector")),
            6: ("sideEffects", .string),
            7: ("timeoutSeconds", .int32),
            8: ("admissionReviewVersions", .repeated(.string)),
            9: ("matchPolicy", .string),
            10: ("reinvocationPolicy", .string),
            11: ("objectSelector", .message("LabelSelector")),
            12: ("matchConditions", .repeated(.message("MatchCondition"))),
        ])
        message("WebhookClientConfig", [
            1: ("service", .message("ServiceReference")),
            2: ("caBundle", .bytes.omitEmpty),
            3: ("url", .string),
        ])
        message("RuleWithOperations", [
            1: ("operations", .repeated(.string)),
            2: ("rule", .inline("Rule")),
        ])
        message("MatchCondition", [
            1: ("name", .string),
            2: ("expression", .string),
        ])
        message("ServiceReference", [
            1: ("namespace", .string),
            2: ("name", .string),
            3: ("path", .string),
            4: ("port", .int32),
        ])
        message("Rule", [
            1: ("apiGroups", .repeated(.string)),
            2: ("apiVersions", .repeated(.string)),
            3: ("resources", .repeated(.string)),
            4: ("scope", .string),
        ])
        message("ValidatingWebhookConfiguration", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("webhooks", .repeated(.message("ValidatingWebhook"))),
        ])
        message("ValidatingWebhook", [
            1: ("name", .string),
            2: ("clientConfig", .message("WebhookClientConfig")),
            3: ("rules", .repeated(.message("RuleWithOperations"))),
            4: ("failurePolicy", .string),
            5: ("namespaceSelector", .message("LabelSelector")),
            6: ("sideEffects", .string),
            7: ("timeoutSeconds", .int32),
            8: ("admissionReviewVersions", .repeated(.string)),
            9: ("matchPolicy", .string),
            10: ("objectSelector", .message("LabelSelector")),
            11: ("matchConditions", .repeated(.message("MatchCondition"))),
        ])
        message("ValidatingAdmissionPolicy", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("spec", .message("ValidatingAdmissionPolicySpec")),
            3: ("status", .message("ValidatingAdmissionPolicyStatus")),
        ])
        message("ValidatingAdmissionPolicySpec", [
            1: ("paramKind", .message("ParamKind")),
            2: ("matchConstraints", .message("MatchResources")),
            3: ("validations", .repeated(.message("Validation"))),
            4: ("failurePolicy", .string),
            5: ("auditAnnotations", .repeated(.message("AuditAnnotation"))),
            6: ("matchConditions", .repeated(.message("MatchCondition"))),
            7: ("variables", .repeated(.message("Variable"))),
        ])
        message("ValidatingAdmissionPolicyStatus", [
            1: ("observedGeneration", .int64.omitEmpty),
            2: ("typeChecking", .message("TypeChecking")),
            3: ("conditions", .repeated(.message("Condition"))),
        ])
        message("ParamKind", [
            1: ("apiVersion", .string.omitEmpty),
            2: ("kind", .string.omitEmpty),
        ])
        message("MatchResources", [
            1: ("namespaceSelector", .message("LabelSelector")),
            2: ("objectSelector", .message("LabelSelector")),
            3: ("resourceRules", .repeated(.message("NamedRuleWithOperations"))),
            4: ("excludeResourceRules", .repeated(.message("NamedRuleWithOperations"))),
            7: ("matchPolicy", .string),
        ])
        message("Validation", [
            1: ("expression", .string),
            2: ("message", .string.omitEmpty),
            3: ("reason", .string),
            4: ("messageExpression", .string.omitEmpty),
        ])
        message("AuditAnnotation", [
            1: ("key", .string),
            2: ("valueExpression", .string),
        ])
        message("Variable", [
            1: ("name", .string),
            2: ("expression", .string),
        ])
        message("TypeChecking", [
            1: ("expressionWarnings", .repeated(.message("ExpressionWarning"))),
        ])
        message("NamedRuleWithOperations", [
            1: ("resourceNames", .repeated(.string)),
            2: ("ruleWithOperations", .inline("RuleWithOperations")),
        ])
        message("ExpressionWarning", [
            2: ("fieldRef", .string),
            3: ("warning", .string),
        ])
        message("ValidatingAdmissionPolicyBinding", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("spec", .message("ValidatingAdmissionPolicyBindingSpec")),
        ])
        message("ValidatingAdmissionPolicyBindingSpec", [
            1: ("policyName", .string.omitEmpty),
            2: ("paramRef", .message("ParamRef")),
            3: ("matchResources", .message("MatchResources")),
            4: ("validationActions", .repeated(.string)),
        ])
        message("ParamRef", [
            1: ("name", .string.omitEmpty),
            2: ("namespace", .string.omitEmpty),
            3: ("selector", .message("LabelSelector")),
            4: ("parameterNotFoundAction", .string),
        ])
    }
}
