import Foundation
import KubeClient
import KubeModel
import KubeProtobuf

/// The built-in kinds both servers serve at the same group version (Kubernetes v1.21 and later): one
/// object of each is created, then listed as `kubectl get` lists it (a Table), and the admission rules
/// users rely on are tried. The embedded server must answer as the real one does.
public enum BuiltinKindChecks {
    public struct Sample: Sendable {
        public var type: ResourceType
        public var object: JSONValue
    }

    static func type(_ group: String, _ version: String, _ kind: String, _ plural: String, namespaced: Bool = true) -> ResourceType {
        ResourceType(group: group, version: version, kind: kind, plural: plural, namespaced: namespaced)
    }

    static func meta(_ name: String) -> JSONValue { ["name": .string(name), "labels": ["stead.dev/check": "kinds"]] }

    static let labels: JSONValue = ["app": "kinds"]
    static let template: JSONValue = [
        "metadata": ["labels": labels], "spec": ["containers": [["name": "app", "image": "registry.example/app:1"]]],
    ]
    static let jobTemplate: JSONValue = [
        "spec": [
            "restartPolicy": "Never", "containers": [["name": "app", "image": "registry.example/app:1"]],
        ]
    ]

    /// One object of each kind; cluster-scoped names start with `prefix`.
    public static func samples(prefix: String) -> [Sample] {
        [
            Sample(type: type("", "v1", "ConfigMap", "configmaps"), object: ["metadata": meta("kinds"), "data": ["a": "1", "b": "2"]]),
            Sample(
                type: type("", "v1", "Secret", "secrets"),
                object: ["metadata": meta("kinds"), "data": ["a": "MQ=="], "stringData": ["b": "two"]]),
            Sample(type: type("", "v1", "ServiceAccount", "serviceaccounts"), object: ["metadata": meta("kinds")]),
            Sample(
                type: type("", "v1", "Service", "services"),
                object: [
                    "metadata": meta("kinds"),
                    "spec": ["selector": labels, "ports": [["name": "http", "port": 80], ["name": "metrics", "port": 9090]]],
                ]),
            Sample(
                type: type("", "v1", "Endpoints", "endpoints"),
                object: [
                    "metadata": meta("kinds-manual"),
                    "subsets": [["addresses": [["ip": "10.1.0.1"], ["ip": "10.1.0.2"]], "ports": [["port": 8080]]]],
                ]),
            Sample(
                type: type("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims"),
                object: [
                    "metadata": meta("kinds"),
                    "spec": [
                        "accessModes": ["ReadWriteOnce"], "storageClassName": "manual",
                        "resources": ["requests": ["storage": "1Gi"]],
                    ],
                ]),
            Sample(
                type: type("", "v1", "PersistentVolume", "persistentvolumes", namespaced: false),
                object: [
                    "metadata": meta("\(prefix)-pv"),
                    "spec": [
                        "capacity": ["storage": "1Gi"], "accessModes": ["ReadWriteOnce"], "storageClassName": "manual",
                        "persistentVolumeReclaimPolicy": "Retain", "hostPath": ["path": "/tmp/kinds"],
                    ],
                ]),
            Sample(
                type: type("", "v1", "LimitRange", "limitranges"),
                object: ["metadata": meta("kinds"), "spec": ["limits": [["type": "Container", "default": ["cpu": "500m"]]]]]),
            Sample(
                type: type("", "v1", "ResourceQuota", "resourcequotas"),
                object: ["metadata": meta("kinds"), "spec": ["hard": ["pods": "10"]]]),
            Sample(
                type: type("", "v1", "PodTemplate", "podtemplates"), object: ["metadata": meta("kinds"), "template": template]),
            Sample(
                type: type("apps", "v1", "Deployment", "deployments"),
                object: [
                    "metadata": meta("kinds"),
                    "spec": ["replicas": 0, "selector": ["matchLabels": labels], "template": template],
                ]),
            Sample(
                type: type("apps", "v1", "StatefulSet", "statefulsets"),
                object: [
                    "metadata": meta("kinds"),
                    "spec": ["replicas": 0, "serviceName": "kinds", "selector": ["matchLabels": labels], "template": template],
                ]),
            Sample(
                type: type("apps", "v1", "DaemonSet", "daemonsets"),
                object: [
                    "metadata": meta("kinds"),
                    "spec": [
                        "selector": ["matchLabels": labels],
                        "template": [
                            "metadata": ["labels": labels],
                            "spec": [
                                "nodeSelector": ["stead.dev/none": "true"],
                                "containers": [["name": "app", "image": "registry.example/app:1"]],
                            ],
                        ],
                    ],
                ]),
            Sample(
                type: type("batch", "v1", "CronJob", "cronjobs"),
                object: [
                    "metadata": meta("kinds"),
                    "spec": [
                        "schedule": "0 3 * * *", "suspend": true,
                        "jobTemplate": ["spec": ["template": jobTemplate]],
                    ],
                ]),
            Sample(
                type: type("batch", "v1", "Job", "jobs"),
                object: ["metadata": meta("kinds"), "spec": ["suspend": true, "template": jobTemplate]]),
            Sample(
                type: type("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets"),
                object: ["metadata": meta("kinds"), "spec": ["minAvailable": "50%", "selector": ["matchLabels": labels]]]),
            Sample(
                type: type("rbac.authorization.k8s.io", "v1", "Role", "roles"),
                object: ["metadata": meta("kinds"), "rules": [["apiGroups": [""], "resources": ["pods"], "verbs": ["get"]]]]),
            Sample(
                type: type("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings"),
                object: [
                    "metadata": meta("kinds"),
                    "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "kinds"],
                    "subjects": [["kind": "ServiceAccount", "name": "kinds", "namespace": "kinds-ns"]],
                ]),
            Sample(
                type: type("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", namespaced: false),
                object: ["metadata": meta("\(prefix)-role"), "rules": []]),
            Sample(
                type: type("storage.k8s.io", "v1", "StorageClass", "storageclasses", namespaced: false),
                object: ["metadata": meta("\(prefix)-sc"), "provisioner": "example.com/disk", "allowVolumeExpansion": true]),
            Sample(
                type: type("storage.k8s.io", "v1", "CSIDriver", "csidrivers", namespaced: false),
                object: ["metadata": meta("\(prefix).csi.example.com"), "spec": ["attachRequired": false]]),
            Sample(
                type: type("networking.k8s.io", "v1", "IngressClass", "ingressclasses", namespaced: false),
                object: ["metadata": meta("\(prefix)-ic"), "spec": ["controller": "example.com/ingress"]]),
            Sample(
                type: type("networking.k8s.io", "v1", "Ingress", "ingresses"),
                object: [
                    "metadata": meta("kinds"),
                    "spec": [
                        "rules": [
                            [
                                "host": "kinds.example.com",
                                "http": [
                                    "paths": [
                                        [
                                            "path": "/", "pathType": "Prefix",
                                            "backend": ["service": ["name": "kinds", "port": ["number": 80]]],
                                        ]
                                    ]
                                ],
                            ]
                        ]
                    ],
                ]),
            Sample(
                type: type("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies"),
                object: ["metadata": meta("kinds"), "spec": ["podSelector": ["matchLabels": labels]]]),
            Sample(
                type: type("discovery.k8s.io", "v1", "EndpointSlice", "endpointslices"),
                object: [
                    "metadata": meta("kinds-slice"), "addressType": "IPv4", "ports": [["port": 8080]],
                    "endpoints": [["addresses": ["10.1.0.1"]]],
                ]),
            Sample(
                type: type("scheduling.k8s.io", "v1", "PriorityClass", "priorityclasses", namespaced: false),
                object: ["metadata": meta("\(prefix)-pc"), "value": 1000]),
            Sample(
                type: type("coordination.k8s.io", "v1", "Lease", "leases"),
                object: ["metadata": meta("kinds"), "spec": ["holderIdentity": "kinds-holder"]]),
            Sample(
                type: type("node.k8s.io", "v1", "RuntimeClass", "runtimeclasses", namespaced: false),
                object: ["metadata": meta("\(prefix)-rc"), "handler": "runc"]),
            Sample(
                type: type("admissionregistration.k8s.io", "v1", "ValidatingWebhookConfiguration", "validatingwebhookconfigurations", namespaced: false),
                object: ["metadata": meta("\(prefix)-vwc"), "webhooks": []]),
        ]
    }

    /// Creates every sample (in `namespace`, or cluster-wide), then lists each kind's sample by name (a
    /// real cluster's controllers make Endpoints and EndpointSlices of the same labels) as a Table: the column names and the cells of the chosen columns, by plural.
    public static func printedTables(_ client: KubeClient, namespace: String, prefix: String) async throws -> [String: Table] {
        var tables: [String: Table] = [:]
        for sample in samples(prefix: prefix) {
            let ns = sample.type.namespaced ? namespace : nil
            _ = try await client.create(sample.type, sample.object, namespace: ns)
            let name = sample.object[path: ["metadata", "name"]]?.stringValue ?? ""
            let path = sample.type.collectionPath(namespace: ns) + "?fieldSelector=metadata.name%3D\(name)"
            let table = try KubeJSON.parse(
                try await client.getRaw(path, accept: "application/json;as=Table;v=v1;g=meta.k8s.io,application/json"))
            let columns = (table["columnDefinitions"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
            let rows = table["rows"]?.arrayValue ?? []
            let cells = (rows.first?["cells"]?.arrayValue ?? []).map { cell in
                cell.stringValue ?? (try? KubeJSON.serialize(cell)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            }
            let stable = Set(expectedCells[sample.type.plural]?.keys.map { $0 } ?? [])
            let shown = Dictionary(zip(columns, cells).filter { stable.contains($0.0) }, uniquingKeysWith: { first, _ in first })
            tables[sample.type.plural] = Table(columns: columns, cells: shown, rows: rows.count)
        }
        return tables
    }

    /// Reads every sample (made by ``printedTables(_:namespace:prefix:)``) as JSON and as protobuf: Stead's
    /// codec must decode the server's protobuf into the JSON the server gives. Against a real cluster this
    /// checks the codec's field numbers and JSON names; the kinds whose protobuf differs are returned.
    public static func protobufReads(_ client: KubeClient, namespace: String, prefix: String) async throws -> [String] {
        var differing: [String] = []
        for sample in samples(prefix: prefix) {
            let ns = sample.type.namespaced ? namespace : nil
            let name = sample.object[path: ["metadata", "name"]]?.stringValue ?? ""
            let path = sample.type.objectPath(namespace: ns, name: name)
            let json = try KubeJSON.parse(try await client.getRaw(path))
            let decoded = try KubeProtobuf.decode(try await client.getRaw(path, accept: KubeProtobuf.contentType))
            if withoutEmptyLists(decoded) != withoutEmptyLists(json) {
                differing.append("\(sample.type.kind): json \(String(decoding: json.serialized(), as: UTF8.self)) protobuf \(String(decoding: decoded.serialized(), as: UTF8.self))")
            }
        }
        return differing
    }

    /// Protobuf has no empty list: `[]`, `null` and a missing list read the same from it (Go's JSON says
    /// `null` for the nil slice it decodes).
    static func withoutEmptyLists(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            return .object(object.filter { $0.value != .null && $0.value != [] }.mapValues(withoutEmptyLists))
        case .array(let items):
            return .array(items.map(withoutEmptyLists))
        default:
            return value
        }
    }

    /// Deletes the cluster-scoped samples (namespaced ones go with their namespace).
    public static func deleteClusterSamples(_ client: KubeClient, prefix: String) async {
        for sample in samples(prefix: prefix) where !sample.type.namespaced {
            let name = sample.object[path: ["metadata", "name"]]?.stringValue ?? ""
            _ = try? await client.delete(sample.type, name: name)
        }
    }

    public struct Table: Equatable, Sendable, CustomStringConvertible {
        public var columns: [String]
        /// The cells of the columns whose values do not depend on time or allocation.
        public var cells: [String: String]
        public var rows: Int

        public var description: String { "\(columns) \(cells.sorted { $0.key < $1.key }) rows: \(rows)" }
    }

    /// The columns Kubernetes v1.32 prints for each sample's kind; `minor` below 32 takes the
    /// differences of older printers (those of v1.21, the real control plane of the e2e suite).
    public static func expectedColumns(minor: Int) -> [String: [String]] {
        let wide = ["Containers", "Images", "Selector"]
        var columns: [String: [String]] = [
            "configmaps": ["Name", "Data", "Age"], "secrets": ["Name", "Type", "Data", "Age"],
            "serviceaccounts": ["Name", "Secrets", "Age"],
            "services": ["Name", "Type", "Cluster-IP", "External-IP", "Port(s)", "Age", "Selector"],
            "endpoints": ["Name", "Endpoints", "Age"],
            "persistentvolumeclaims": [
                "Name", "Status", "Volume", "Capacity", "Access Modes", "StorageClass", "VolumeAttributesClass", "Age",
                "VolumeMode",
            ],
            "persistentvolumes": [
                "Name", "Capacity", "Access Modes", "Reclaim Policy", "Status", "Claim", "StorageClass",
                "VolumeAttributesClass", "Reason", "Age", "VolumeMode",
            ],
            "limitranges": ["Name", "Created At"], "resourcequotas": ["Name", "Request", "Limit", "Age"],
            "podtemplates": ["Name", "Containers", "Images", "Pod Labels"],
            "deployments": ["Name", "Ready", "Up-to-date", "Available", "Age"] + wide,
            "statefulsets": ["Name", "Ready", "Age", "Containers", "Images"],
            "daemonsets": ["Name", "Desired", "Current", "Ready", "Up-to-date", "Available", "Node Selector", "Age"] + wide,
            "jobs": ["Name", "Status", "Completions", "Duration", "Age"] + wide,
            "cronjobs": ["Name", "Schedule", "Timezone", "Suspend", "Active", "Last Schedule", "Age"] + wide,
            "poddisruptionbudgets": ["Name", "Min Available", "Max Unavailable", "Allowed Disruptions", "Age"],
            "roles": ["Name", "Created At"],
            "rolebindings": ["Name", "Role", "Age", "Users", "Groups", "ServiceAccounts"],
            "clusterroles": ["Name", "Created At"],
            "storageclasses": ["Name", "Provisioner", "ReclaimPolicy", "VolumeBindingMode", "AllowVolumeExpansion", "Age"],
            "csidrivers": [
                "Name", "AttachRequired", "PodInfoOnMount", "StorageCapacity", "TokenRequests", "RequiresRepublish",
                "Modes", "Age",
            ],
            "ingressclasses": ["Name", "Controller", "Parameters", "Age"],
            "ingresses": ["Name", "Class", "Hosts", "Address", "Ports", "Age"],
            "networkpolicies": ["Name", "Pod-Selector", "Age"],
            "endpointslices": ["Name", "AddressType", "Ports", "Endpoints", "Age"],
            "priorityclasses": ["Name", "Value", "Global-Default", "Age", "PreemptionPolicy"],
            "leases": ["Name", "Holder", "Age"], "runtimeclasses": ["Name", "Handler", "Age"],
            "validatingwebhookconfigurations": ["Name", "Webhooks", "Age"],
        ]
        if minor < 32 {
            // Added after v1.21: CronJob's Timezone, the volume attributes class, PriorityClass's
            // preemption policy; a quota's Age moved last.
            columns["cronjobs"]?.removeAll { $0 == "Timezone" }
            columns["jobs"]?.removeAll { $0 == "Status" }
            columns["persistentvolumeclaims"]?.removeAll { $0 == "VolumeAttributesClass" }
            columns["persistentvolumes"]?.removeAll { $0 == "VolumeAttributesClass" }
            columns["priorityclasses"]?.removeAll { $0 == "PreemptionPolicy" }
            columns["resourcequotas"] = ["Name", "Age", "Request", "Limit"]
        }
        return columns
    }

    /// The cells of the columns whose values depend on neither time, allocation nor controllers: the
    /// same on both servers.
    public static let expectedCells: [String: [String: String]] = [
        "configmaps": ["Name": "kinds", "Data": "2"], "secrets": ["Type": "Opaque", "Data": "2"],
        "serviceaccounts": ["Name": "kinds"],
        "services": ["Type": "ClusterIP", "Port(s)": "80/TCP,9090/TCP", "Selector": "app=kinds", "External-IP": "<none>"],
        "endpoints": ["Endpoints": "10.1.0.1:8080,10.1.0.2:8080"],
        "persistentvolumeclaims": ["StorageClass": "manual"],
        "persistentvolumes": ["Capacity": "1Gi", "Access Modes": "RWO", "Reclaim Policy": "Retain", "StorageClass": "manual"],
        "podtemplates": ["Containers": "app", "Images": "registry.example/app:1", "Pod Labels": "app=kinds"],
        "deployments": ["Containers": "app", "Images": "registry.example/app:1", "Selector": "app=kinds"],
        "statefulsets": ["Containers": "app", "Images": "registry.example/app:1"],
        "jobs": ["Completions": "0/1", "Duration": "", "Containers": "app", "Images": "registry.example/app:1"],
        "daemonsets": [
            "Node Selector": "stead.dev/none=true", "Containers": "app", "Images": "registry.example/app:1",
            "Selector": "app=kinds",
        ],
        "cronjobs": [
            "Schedule": "0 3 * * *", "Suspend": "True", "Active": "0", "Last Schedule": "<none>", "Containers": "app",
            "Images": "registry.example/app:1",
        ],
        "poddisruptionbudgets": ["Min Available": "50%", "Max Unavailable": "N/A"],
        "rolebindings": ["Role": "Role/kinds", "ServiceAccounts": "kinds-ns/kinds"],
        "storageclasses": [
            "Provisioner": "example.com/disk", "ReclaimPolicy": "Delete", "VolumeBindingMode": "Immediate",
            "AllowVolumeExpansion": "true",
        ],
        "csidrivers": ["AttachRequired": "false", "PodInfoOnMount": "false", "Modes": "Persistent"],
        "ingressclasses": ["Controller": "example.com/ingress", "Parameters": "<none>"],
        "ingresses": ["Hosts": "kinds.example.com", "Ports": "80"], "networkpolicies": ["Pod-Selector": "app=kinds"],
        "endpointslices": ["AddressType": "IPv4", "Ports": "8080", "Endpoints": "10.1.0.1"],
        "priorityclasses": ["Value": "1000", "Global-Default": "false"], "leases": ["Holder": "kinds-holder"],
        "runtimeclasses": ["Handler": "runc"], "validatingwebhookconfigurations": ["Webhooks": "0"],
    ]

    /// The minor version the server reports (`21` for v1.21, whatever follows the digits dropped).
    public static func serverMinor(_ client: KubeClient) async throws -> Int {
        let version = try KubeJSON.parse(try await client.getRaw("/version"))
        return Int((version["minor"]?.stringValue ?? "").prefix { $0.isNumber }) ?? 0
    }

    /// What the servers answered to writes users make of built-in kinds: the HTTP code of each refused
    /// one (0 when accepted), and what a Secret and a Service were stored as.
    public struct Admission: Equatable, Sendable {
        public var secretDataKeys: [String] = []
        public var secretKeepsStringData = false
        public var codes: [String: Int] = [:]
        public var clusterIPAssigned = false
        /// A webhook's failurePolicy, matchPolicy, timeoutSeconds, rule scope, Service port and
        /// namespaceSelector as stored when left out.
        public var webhookDefaults = ""
    }

    /// A ValidatingWebhookConfiguration named after `namespace` whose one rule matches nothing that exists.
    static func webhookConfiguration(_ namespace: String, _ change: (inout JSONValue) -> Void = { _ in }) -> JSONValue {
        var webhook: JSONValue = [
            "name": .string("check.\(namespace).example.com"), "sideEffects": "None", "admissionReviewVersions": ["v1"],
            "clientConfig": ["service": ["namespace": .string(namespace), "name": "checker"]],
            "rules": [["operations": ["CREATE"], "apiGroups": ["example.com"], "apiVersions": ["v1"], "resources": ["widgets"]]],
        ]
        change(&webhook)
        return ["metadata": ["name": .string("adm-\(namespace)")], "webhooks": [webhook]]
    }

    public static func admission(_ client: KubeClient, namespace: String) async throws -> Admission {
        var seen = Admission()
        let secret = try await client.create(
            type("", "v1", "Secret", "secrets"),
            ["metadata": ["name": "adm-secret"], "data": ["a": "MQ=="], "stringData": ["a": "one", "b": "two"]],
            namespace: namespace)
        seen.secretDataKeys = (secret["data"]?.objectValue?.keys.map { $0 } ?? []).sorted()
        seen.secretKeepsStringData = secret["stringData"] != nil
        let service = try await client.create(
            type("", "v1", "Service", "services"), ["metadata": ["name": "adm-svc"], "spec": ["ports": [["port": 80]]]],
            namespace: namespace)
        let clusterIP = service[path: ["spec", "clusterIP"]]?.stringValue ?? ""
        seen.clusterIPAssigned = !clusterIP.isEmpty && clusterIP != "None"
        _ = try await client.create(
            type("", "v1", "ConfigMap", "configmaps"), ["metadata": ["name": "adm-frozen"], "data": ["a": "1"], "immutable": true],
            namespace: namespace)
        _ = try await client.create(
            type("apps", "v1", "StatefulSet", "statefulsets"),
            ["metadata": ["name": "adm-sts"], "spec": ["serviceName": "a", "selector": ["matchLabels": labels], "template": template]],
            namespace: namespace)
        let attempts: [(String, @Sendable () async throws -> Void)] = [
            ("secret with bad base64", {
                _ = try await client.create(
                    type("", "v1", "Secret", "secrets"), ["metadata": ["name": "adm-bad"], "data": ["a": "not base64!"]],
                    namespace: namespace)
            }),
            ("frozen ConfigMap changed", {
                _ = try await client.patch(
                    type("", "v1", "ConfigMap", "configmaps"), name: "adm-frozen", namespace: namespace,
                    patch: .merge(["data": ["a": "2"]]))
            }),
            ("cluster IP changed", {
                _ = try await client.patch(
                    type("", "v1", "Service", "services"), name: "adm-svc", namespace: namespace,
                    patch: .merge(["spec": ["clusterIP": .string(clusterIP == "10.96.0.50" ? "10.96.0.51" : "10.96.0.50")]]))
            }),
            ("service name not a DNS-1035 label", {
                _ = try await client.create(
                    type("", "v1", "Service", "services"), ["metadata": ["name": "1svc"], "spec": ["ports": [["port": 80]]]],
                    namespace: namespace)
            }),
            ("selector not matching the template", {
                _ = try await client.create(
                    type("apps", "v1", "Deployment", "deployments"),
                    ["metadata": ["name": "adm-deploy"], "spec": ["selector": ["matchLabels": ["app": "other"]], "template": template]],
                    namespace: namespace)
            }),
            ("Job restarting always", {
                _ = try await client.create(
                    type("batch", "v1", "Job", "jobs"), ["metadata": ["name": "adm-job"], "spec": ["template": template]],
                    namespace: namespace)
            }),
            ("StatefulSet serviceName changed", {
                _ = try await client.patch(
                    type("apps", "v1", "StatefulSet", "statefulsets"), name: "adm-sts", namespace: namespace,
                    patch: .merge(["spec": ["serviceName": "b"]]))
            }),
            ("StatefulSet scaled", {
                _ = try await client.patch(
                    type("apps", "v1", "StatefulSet", "statefulsets"), name: "adm-sts", namespace: namespace,
                    patch: .merge(["spec": ["replicas": 0]]))
            }),
        ]
        for (name, attempt) in attempts {
            do {
                try await attempt()
                seen.codes[name] = 0
            } catch let error as KubeAPIError {
                seen.codes[name] = error.httpCode
            }
        }
        seen.webhookDefaults = try await webhookAdmission(client, namespace: namespace, codes: &seen.codes)
        return seen
    }

    /// Webhook configurations refused for what v1 requires, and the defaults of an accepted one.
    static func webhookAdmission(_ client: KubeClient, namespace: String, codes: inout [String: Int]) async throws -> String {
        let configurations = type("admissionregistration.k8s.io", "v1", "ValidatingWebhookConfiguration", "validatingwebhookconfigurations", namespaced: false)
        let refused: [(String, JSONValue)] = [
            ("webhook without sideEffects", webhookConfiguration(namespace) { $0["sideEffects"] = nil }),
            ("webhook called over http", webhookConfiguration(namespace) { $0["clientConfig"] = ["url": "http://127.0.0.1:1/check"] }),
            ("webhook with a one-segment name", webhookConfiguration(namespace) { $0["name"] = "check" }),
            ("webhook waiting 60 s", webhookConfiguration(namespace) { $0["timeoutSeconds"] = 60 }),
        ]
        for (name, configuration) in refused {
            do {
                _ = try await client.create(configurations, configuration)
                codes[name] = 0
                _ = try? await client.delete(configurations, name: "adm-\(namespace)")
            } catch let error as KubeAPIError {
                codes[name] = error.httpCode
            }
        }
        let stored = try await client.create(configurations, webhookConfiguration(namespace))
        _ = try? await client.delete(configurations, name: "adm-\(namespace)")
        let webhook = stored["webhooks"]?.arrayValue?.first ?? [:]
        let fields: [JSONValue?] = [
            webhook["failurePolicy"], webhook["matchPolicy"], webhook["timeoutSeconds"],
            webhook["rules"]?.arrayValue?.first?["scope"], webhook[path: ["clientConfig", "service", "port"]],
            webhook["namespaceSelector"],
        ]
        return fields.map { $0.map { value in (try? KubeJSON.serialize(value)).map { String(decoding: $0, as: UTF8.self) } ?? "?" } ?? "-" }
            .joined(separator: " ")
    }

    public static let expectedAdmission = Admission(
        secretDataKeys: ["a", "b"], secretKeepsStringData: false,
        codes: [
            "secret with bad base64": 400, "frozen ConfigMap changed": 422, "cluster IP changed": 422,
            "service name not a DNS-1035 label": 422, "selector not matching the template": 422,
            "Job restarting always": 422, "StatefulSet serviceName changed": 422, "StatefulSet scaled": 0,
            "webhook without sideEffects": 422, "webhook called over http": 422, "webhook with a one-segment name": 422,
            "webhook waiting 60 s": 422,
        ],
        clusterIPAssigned: true, webhookDefaults: #""Fail" "Equivalent" 10 "*" 443 {}"#)
}
