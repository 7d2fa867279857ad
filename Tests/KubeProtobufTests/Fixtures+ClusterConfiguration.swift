extension Fixtures {
    /// certificates, admissionregistration, apiregistration, flowcontrol, apiextensions.
    static let clusterConfigurationKinds: [String] = [
        // A kubelet's client certificate request, approved and issued.
        #"""
        {
          "apiVersion": "certificates.k8s.io/v1", "kind": "CertificateSigningRequest",
          "metadata": {
            "name": "csr-8x2kq", "generateName": "csr-", "uid": "5a0f6c1d-7e2b-4f3a-9c8d-1e2f3a4b5c6d",
            "resourceVersion": "48213", "creationTimestamp": "2024-05-06T07:08:09Z"
          },
          "spec": {
            "request": "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURSBSRVFVRVNULS0tLS0KTUlJQkJqQ0JyQUlCQURCS01SVXdFd1lEVlFRS0V3eHplWE4wWlcwNmJtOWtaWE14TVRBdkJnTlZCQU1US0hONQpjM1JsYlRwdWIyUmxPbmR2Y210bGNpMHgKLS0tLS1FTkQgQ0VSVElGSUNBVEUgUkVRVUVTVC0tLS0tCg==",
            "signerName": "kubernetes.io/kube-apiserver-client-kubelet",
            "expirationSeconds": 86400,
            "usages": ["digital signature", "client auth"],
            "username": "system:node:worker-1", "uid": "b7c1e2d3-0000-4000-8000-000000000001",
            "groups": ["system:nodes", "system:authenticated"],
            "extra": {
              "authentication.kubernetes.io/credential-id": ["X509SHA256=7f3a9c"],
              "authentication.kubernetes.io/node-name": ["worker-1"],
              "scopes": []
            }
          },
          "status": {
            "conditions": [{
              "type": "Approved", "status": "True", "reason": "AutoApproved",
              "message": "Auto approving kubelet client certificate after SubjectAccessReview.",
              "lastUpdateTime": "2024-05-06T07:08:10Z", "lastTransitionTime": "2024-05-06T07:08:10Z"
            }],
            "certificate": "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUNNekNDQWRtZ0F3SUJBZ0lSQUtwM2MwaFhiM0pyWlhJeE1Bb0dDQ3FHU000OUJBTUNNQlV4RXpBUkJnTlYKQkFNVENtdDFZbVZ5Ym1WMFpYTT0KLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo="
          }
        }
        """#,
        // A sidecar injector's webhooks, the way its Helm chart and the API server leave them.
        #"""
        {
          "apiVersion": "admissionregistration.k8s.io/v1", "kind": "MutatingWebhookConfiguration",
          "metadata": {
            "name": "istio-sidecar-injector", "uid": "0c9d8e7f-1a2b-4c3d-8e9f-0a1b2c3d4e5f", "resourceVersion": "912",
            "generation": 2, "creationTimestamp": "2024-02-03T04:05:06Z",
            "labels": {"app": "sidecar-injector", "istio.io/rev": "default"}
          },
          "webhooks": [{
            "name": "namespace.sidecar-injector.istio.io",
            "clientConfig": {
              "service": {"namespace": "istio-system", "name": "istiod", "path": "/inject", "port": 443},
              "caBundle": "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJkekNDQVIyZ0F3SUJBZ0lCQURBS0JnZ3Foa2pPUFFRREFqQWpNU0V3SHdZRFZRUUREQmgzWldKb2IyOXIKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo="
            },
            "rules": [{"operations": ["CREATE"], "apiGroups": [""], "apiVersions": ["v1"], "resources": ["pods"], "scope": "*"}],
            "failurePolicy": "Fail", "matchPolicy": "Equivalent",
            "namespaceSelector": {
              "matchLabels": {"istio-injection": "enabled"},
              "matchExpressions": [{"key": "kubernetes.io/metadata.name", "operator": "NotIn", "values": ["kube-system", "istio-system"]}]
            },
            "objectSelector": {"matchExpressions": [{"key": "sidecar.istio.io/inject", "operator": "NotIn", "values": ["false"]}]},
            "sideEffects": "None", "timeoutSeconds": 10, "admissionReviewVersions": ["v1", "v1beta1"],
            "reinvocationPolicy": "IfNeeded",
            "matchConditions": [{"name": "not-a-dry-run-probe", "expression": "!has(object.metadata.annotations) || !('probe' in object.metadata.annotations)"}]
          }, {
            "name": "object.sidecar-injector.istio.io",
            "clientConfig": {"url": "https://istiod.istio-system.svc:443/inject/rev"},
            "rules": [{"operations": ["CREATE", "UPDATE"], "apiGroups": [""], "apiVersions": ["v1"], "resources": ["pods"]}],
            "failurePolicy": "Ignore", "sideEffects": "NoneOnDryRun", "timeoutSeconds": 5,
            "admissionReviewVersions": ["v1"]
          }]
        }
        """#,
        #"""
        {
          "apiVersion": "admissionregistration.k8s.io/v1", "kind": "ValidatingWebhookConfiguration",
          "metadata": {"name": "cert-manager-webhook", "annotations": {"cert-manager.io/inject-ca-from-secret": "cert-manager/cert-manager-webhook-ca"}},
          "webhooks": [{
            "name": "webhook.cert-manager.io",
            "clientConfig": {"service": {"namespace": "cert-manager", "name": "cert-manager-webhook", "path": "/validate"}},
            "rules": [{
              "operations": ["CREATE", "UPDATE"], "apiGroups": ["cert-manager.io", "acme.cert-manager.io"],
              "apiVersions": ["v1"], "resources": ["*/*"], "scope": "Namespaced"
            }],
            "failurePolicy": "Fail", "matchPolicy": "Equivalent",
            "namespaceSelector": {"matchExpressions": [{"key": "cert-manager.io/disable-validation", "operator": "NotIn", "values": ["true"]}]},
            "objectSelector": {},
            "sideEffects": "None", "timeoutSeconds": 30, "admissionReviewVersions": ["v1"],
            "matchConditions": [{"name": "skip-system", "expression": "request.userInfo.username != 'system:kube-scheduler'"}]
          }]
        }
        """#,
        #"""
        {
          "apiVersion": "admissionregistration.k8s.io/v1", "kind": "ValidatingAdmissionPolicy",
          "metadata": {"name": "replica-limit", "uid": "6e5d4c3b-2a19-4807-9f6e-5d4c3b2a1908", "resourceVersion": "7731", "generation": 3,
            "creationTimestamp": "2024-06-01T10:00:00Z"},
          "spec": {
            "paramKind": {"apiVersion": "rules.example.com/v1", "kind": "ReplicaLimit"},
            "matchConstraints": {
              "namespaceSelector": {"matchLabels": {"environment": "production"}},
              "objectSelector": {},
              "resourceRules": [{
                "resourceNames": ["web", "api"], "operations": ["CREATE", "UPDATE"],
                "apiGroups": ["apps"], "apiVersions": ["v1"], "resources": ["deployments", "deployments/scale"], "scope": "Namespaced"
              }],
              "excludeResourceRules": [{"operations": ["*"], "apiGroups": ["apps"], "apiVersions": ["*"], "resources": ["deployments"]}],
              "matchPolicy": "Equivalent"
            },
            "validations": [
              {"expression": "object.spec.replicas <= params.maxReplicas", "messageExpression": "'at most ' + string(params.maxReplicas) + ' replicas'", "reason": "Invalid"},
              {"expression": "variables.hasOwner", "message": "an owner label is required"}
            ],
            "failurePolicy": "Fail",
            "auditAnnotations": [{"key": "high-replica-count", "valueExpression": "object.spec.replicas > 50 ? 'high' : null"}],
            "matchConditions": [{"name": "not-kube-system", "expression": "request.namespace != 'kube-system'"}],
            "variables": [{"name": "hasOwner", "expression": "has(object.metadata.labels) && 'owner' in object.metadata.labels"}]
          },
          "status": {
            "observedGeneration": 3,
            "typeChecking": {"expressionWarnings": [{"fieldRef": "spec.validations[0].expression", "warning": "no type information for params"}]},
            "conditions": [{"type": "Ready", "status": "True", "observedGeneration": 3, "lastTransitionTime": "2024-06-01T10:00:01Z", "reason": "", "message": ""}]
          }
        }
        """#,
        #"""
        {
          "apiVersion": "admissionregistration.k8s.io/v1", "kind": "ValidatingAdmissionPolicyBinding",
          "metadata": {"name": "replica-limit-production", "creationTimestamp": "2024-06-01T10:00:05Z"},
          "spec": {
            "policyName": "replica-limit",
            "paramRef": {"namespace": "policy", "selector": {"matchLabels": {"tier": "production"}}, "parameterNotFoundAction": "Deny"},
            "matchResources": {
              "namespaceSelector": {"matchExpressions": [{"key": "environment", "operator": "In", "values": ["production"]}]},
              "resourceRules": [{"operations": ["CREATE"], "apiGroups": ["apps"], "apiVersions": ["v1"], "resources": ["deployments"]}],
              "matchPolicy": "Exact"
            },
            "validationActions": ["Deny", "Audit"]
          }
        }
        """#,
        // metrics-server's aggregated API, available.
        #"""
        {
          "apiVersion": "apiregistration.k8s.io/v1", "kind": "APIService",
          "metadata": {"name": "v1beta1.metrics.k8s.io", "labels": {"k8s-app": "metrics-server"}, "creationTimestamp": "2024-01-10T08:00:00Z"},
          "spec": {
            "service": {"namespace": "kube-system", "name": "metrics-server", "port": 443},
            "group": "metrics.k8s.io", "version": "v1beta1",
            "caBundle": "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJkekNDQVIyZ0F3SUJBZ0lCQURBS0JnZ3Foa2pPUFFRREFqQWpNU0V3SHdZRFZRUUREQmgzWldKb2IyOXIKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=",
            "groupPriorityMinimum": 100, "versionPriority": 100
          },
          "status": {
            "conditions": [{"type": "Available", "status": "True", "lastTransitionTime": "2024-01-10T08:00:30Z", "reason": "Passed", "message": "all checks passed"}]
          }
        }
        """#,
        // The built-in FlowSchema for service accounts, with the dangling condition the API server keeps.
        #"""
        {
          "apiVersion": "flowcontrol.apiserver.k8s.io/v1", "kind": "FlowSchema",
          "metadata": {"name": "service-accounts", "annotations": {"apf.kubernetes.io/autoupdate-spec": "true"}, "generation": 1,
            "creationTimestamp": "2024-01-01T00:00:00Z"},
          "spec": {
            "priorityLevelConfiguration": {"name": "workload-low"},
            "matchingPrecedence": 9000,
            "distinguisherMethod": {"type": "ByUser"},
            "rules": [{
              "subjects": [
                {"kind": "Group", "group": {"name": "system:serviceaccounts"}},
                {"kind": "ServiceAccount", "serviceAccount": {"namespace": "kube-system", "name": "*"}},
                {"kind": "User", "user": {"name": "system:kube-controller-manager"}}
              ],
              "resourceRules": [
                {"verbs": ["*"], "apiGroups": ["*"], "resources": ["*"], "clusterScope": true, "namespaces": ["*"]},
                {"verbs": ["get", "list"], "apiGroups": [""], "resources": ["configmaps"], "namespaces": ["kube-system"]}
              ],
              "nonResourceRules": [{"verbs": ["*"], "nonResourceURLs": ["/healthz", "/metrics/*"]}]
            }]
          },
          "status": {
            "conditions": [{"type": "Dangling", "status": "False", "lastTransitionTime": "2024-01-01T00:00:05Z", "reason": "Found",
              "message": "This FlowSchema references the PriorityLevelConfiguration object named \"workload-low\" and it exists"}]
          }
        }
        """#,
        #"""
        {
          "apiVersion": "flowcontrol.apiserver.k8s.io/v1", "kind": "PriorityLevelConfiguration",
          "metadata": {"name": "workload-low", "annotations": {"apf.kubernetes.io/autoupdate-spec": "true"}, "creationTimestamp": "2024-01-01T00:00:00Z"},
          "spec": {
            "type": "Limited",
            "limited": {
              "nominalConcurrencyShares": 100,
              "limitResponse": {"type": "Queue", "queuing": {"queues": 128, "handSize": 6, "queueLengthLimit": 50}},
              "lendablePercent": 90, "borrowingLimitPercent": 0
            }
          },
          "status": {
            "conditions": [{"type": "ConcurrencyShared", "status": "True", "lastTransitionTime": "2024-01-01T00:00:05Z", "reason": "Configured"}]
          }
        }
        """#,
        // A CustomResourceDefinition as an operator installs it, established, with a structural schema
        // (defaults, enums with null, numbers with fractions, list and map types, CEL rules, both forms of
        // additionalProperties) and a conversion webhook.
        #"""
        {
          "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
          "metadata": {
            "name": "widgets.example.com", "uid": "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a", "resourceVersion": "5521", "generation": 2,
            "creationTimestamp": "2024-04-05T06:07:08Z",
            "annotations": {"controller-gen.kubebuilder.io/version": "v0.16.1"}
          },
          "spec": {
            "group": "example.com",
            "names": {"plural": "widgets", "singular": "widget", "shortNames": ["wd"], "kind": "Widget", "listKind": "WidgetList", "categories": ["all", "example"]},
            "scope": "Namespaced",
            "versions": [{
              "name": "v1alpha1", "served": true, "storage": false, "deprecated": true,
              "deprecationWarning": "example.com/v1alpha1 Widget is deprecated; use example.com/v1 Widget",
              "schema": {"openAPIV3Schema": {"type": "object", "x-kubernetes-preserve-unknown-fields": true}}
            }, {
              "name": "v1", "served": true, "storage": true,
              "schema": {"openAPIV3Schema": {
                "description": "Widget is the Schema for the widgets API.",
                "type": "object",
                "required": ["spec"],
                "properties": {
                  "apiVersion": {"type": "string"},
                  "kind": {"type": "string"},
                  "metadata": {"type": "object"},
                  "spec": {
                    "type": "object",
                    "required": ["size"],
                    "properties": {
                      "replicas": {"type": "integer", "format": "int32", "minimum": 0, "maximum": 100, "default": 1},
                      "ratio": {"type": "number", "minimum": 0.5, "maximum": 1.5, "exclusiveMaximum": true, "multipleOf": 0.25},
                      "size": {"type": "string", "enum": ["small", "large", null], "nullable": true, "default": "small"},
                      "name": {"type": "string", "minLength": 1, "maxLength": 63, "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"},
                      "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 16, "x-kubernetes-list-type": "set"},
                      "labels": {"type": "object", "additionalProperties": {"type": "string"}, "maxProperties": 32, "x-kubernetes-map-type": "granular"},
                      "ports": {
                        "type": "array",
                        "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["name", "protocol"],
                        "items": {
                          "type": "object", "required": ["name", "port"],
                          "properties": {
                            "name": {"type": "string"},
                            "port": {"x-kubernetes-int-or-string": true, "anyOf": [{"type": "integer"}, {"type": "string"}]},
                            "protocol": {"type": "string", "default": "TCP"}
                          }
                        }
                      },
                      "selector": {"type": "object", "additionalProperties": false, "properties": {"app": {"type": "string"}}, "x-kubernetes-map-type": "atomic"},
                      "template": {"type": "object", "x-kubernetes-embedded-resource": true, "x-kubernetes-preserve-unknown-fields": true},
                      "config": {"type": "object", "x-kubernetes-preserve-unknown-fields": false, "default": {"mode": "auto", "retries": 3, "weights": [0.5, 1]},
                        "example": {"mode": "manual"}}
                    },
                    "x-kubernetes-validations": [
                      {"rule": "self.replicas <= 10 || self.size == 'large'", "message": "small widgets have at most 10 replicas"},
                      {"rule": "!has(oldSelf.name) || self.name == oldSelf.name", "messageExpression": "'name is immutable, was ' + oldSelf.name",
                        "reason": "FieldValueForbidden", "fieldPath": ".name", "optionalOldSelf": true}
                    ]
                  },
                  "status": {
                    "type": "object",
                    "properties": {
                      "readyReplicas": {"type": "integer", "format": "int32"},
                      "conditions": {"type": "array", "items": {"type": "object", "required": ["type", "status"],
                        "properties": {"type": {"type": "string"}, "status": {"type": "string", "enum": ["True", "False", "Unknown"]},
                          "lastTransitionTime": {"type": "string", "format": "date-time"}}}}
                    }
                  }
                }
              }},
              "subresources": {"status": {}, "scale": {"specReplicasPath": ".spec.replicas", "statusReplicasPath": ".status.readyReplicas", "labelSelectorPath": ".status.selector"}},
              "additionalPrinterColumns": [
                {"name": "Size", "type": "string", "jsonPath": ".spec.size"},
                {"name": "Ready", "type": "integer", "format": "int32", "description": "ready replicas", "priority": 1, "jsonPath": ".status.readyReplicas"},
                {"name": "Age", "type": "date", "jsonPath": ".metadata.creationTimestamp"}
              ],
              "selectableFields": [{"jsonPath": ".spec.size"}]
            }],
            "conversion": {
              "strategy": "Webhook",
              "webhook": {
                "clientConfig": {
                  "service": {"namespace": "widget-system", "name": "widget-webhook", "path": "/convert", "port": 9443},
                  "caBundle": "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJkekNDQVIyZ0F3SUJBZ0lCQURBS0JnZ3Foa2pPUFFRREFqQWpNU0V3SHdZRFZRUUREQmgzWldKb2IyOXIKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo="
                },
                "conversionReviewVersions": ["v1"]
              }
            }
          },
          "status": {
            "conditions": [
              {"type": "NamesAccepted", "status": "True", "lastTransitionTime": "2024-04-05T06:07:08Z", "reason": "NoConflicts", "message": "no conflicts found"},
              {"type": "Established", "status": "True", "lastTransitionTime": "2024-04-05T06:07:09Z", "reason": "InitialNamesAccepted", "message": "the initial names have been accepted", "observedGeneration": 2}
            ],
            "acceptedNames": {"plural": "widgets", "singular": "widget", "shortNames": ["wd"], "kind": "Widget", "listKind": "WidgetList", "categories": ["all", "example"]},
            "storedVersions": ["v1alpha1", "v1"],
            "observedGeneration": 2
          }
        }
        """#,
        // The JSON Schema keywords a CustomResourceDefinition carries but Kubernetes' validation of one
        // refuses (it comes back as it went): items as an array, additionalItems, dependencies in both forms,
        // definitions, patternProperties, $ref.
        #"""
        {
          "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
          "metadata": {"name": "shapes.example.com"},
          "spec": {
            "group": "example.com", "names": {"plural": "shapes", "kind": "Shape"}, "scope": "Cluster",
            "versions": [{"name": "v1", "served": true, "storage": true, "schema": {"openAPIV3Schema": {
              "id": "https://example.com/schemas/shape", "$schema": "http://json-schema.org/draft-04/schema#",
              "title": "Shape", "type": "object",
              "properties": {
                "point": {"type": "array", "items": [{"type": "number"}, {"type": "number", "minimum": -1.5e-3}], "additionalItems": false, "minItems": 2},
                "path": {"type": "array", "items": [{"type": "string"}], "additionalItems": {"type": "integer"}},
                "billing": {
                  "type": "object", "minProperties": 1,
                  "dependencies": {"creditCard": ["billingAddress", "cardHolder"], "tls": {"required": ["cert", "key"]}},
                  "patternProperties": {"^x-": {"type": "string"}},
                  "additionalProperties": true
                },
                "owner": {"$ref": "#/definitions/person"},
                "color": {"not": {"enum": ["invisible"]}, "oneOf": [{"pattern": "^#"}, {"enum": ["red", 7, true, {"rgb": [255, 0, 0]}]}],
                  "allOf": [{"type": "string"}], "externalDocs": {"description": "CSS colours", "url": "https://www.w3.org/TR/css-color-4/"}}
              },
              "definitions": {"person": {"type": "object", "properties": {"name": {"type": "string"}}, "uniqueItems": true, "exclusiveMinimum": true, "minimum": 1e+21}}
            }}}]
          }
        }
        """#,
    ]
}
