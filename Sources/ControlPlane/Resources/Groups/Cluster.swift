import Foundation
import KubeModel

/// The resources of the groups that configure the cluster itself: scheduling, leases, runtimes,
/// certificates, admission, API registration, autoscaling, flow control, and the events.k8s.io Events.
extension BuiltinResources {
    static let priorityClasses = ResourceInfo(
        .group("scheduling.k8s.io", "v1", "PriorityClass", "priorityclasses", namespaced: false), shortNames: ["pc"],
        strategy: PriorityClassStrategy(),
        printer: TablePrinter([
            .name, .count("Value", ["value"]),
            PrinterColumn("Global-Default", type: "boolean") { .bool($0["globalDefault"]?.boolValue ?? false) }, .age,
            .field("PreemptionPolicy", ["preemptionPolicy"], absent: ""),
        ]))

    static let leases = ResourceInfo(
        .group("coordination.k8s.io", "v1", "Lease", "leases"), strategy: PlainStrategy(),
        printer: TablePrinter([.name, .field("Holder", ["spec", "holderIdentity"], absent: ""), .age]))

    static let runtimeClasses = ResourceInfo(
        .group("node.k8s.io", "v1", "RuntimeClass", "runtimeclasses", namespaced: false), strategy: PlainStrategy(),
        printer: TablePrinter([.name, .field("Handler", ["handler"], absent: ""), .age]))

    static let certificateSigningRequests = ResourceInfo(
        .group("certificates.k8s.io", "v1", "CertificateSigningRequest", "certificatesigningrequests", namespaced: false),
        shortNames: ["csr"], subresources: ["status", "approval"], strategy: PlainStrategy(),
        printer: TablePrinter([
            .name, .age, .field("SignerName", ["spec", "signerName"]), .field("Requestor", ["spec", "username"], absent: ""),
            PrinterColumn("RequestedDuration") { request in
                guard let seconds = request[path: ["spec", "expirationSeconds"]]?.intValue else { return "<none>" }
                return .string(Cells.humanDuration(TimeInterval(seconds)))
            },
            PrinterColumn("Condition") { .string(signingCondition($0)) },
        ]))

    static let mutatingWebhookConfigurations = ResourceInfo(
        .group("admissionregistration.k8s.io", "v1", "MutatingWebhookConfiguration", "mutatingwebhookconfigurations", namespaced: false),
        categories: ["api-extensions"], strategy: WebhookConfigurationStrategy(mutating: true), printer: webhookPrinter)

    static let validatingWebhookConfigurations = ResourceInfo(
        .group(
            "admissionregistration.k8s.io", "v1", "ValidatingWebhookConfiguration", "validatingwebhookconfigurations",
            namespaced: false),
        categories: ["api-extensions"], strategy: WebhookConfigurationStrategy(mutating: false), printer: webhookPrinter)

    static let validatingAdmissionPolicies = ResourceInfo(
        .group(
            "admissionregistration.k8s.io", "v1", "ValidatingAdmissionPolicy", "validatingadmissionpolicies",
            namespaced: false),
        subresources: ["status"], categories: ["api-extensions"], strategy: PlainStrategy(),
        printer: TablePrinter([
            .name,
            PrinterColumn("Validations", type: "integer") { .int(Int64($0[path: ["spec", "validations"]]?.arrayValue?.count ?? 0)) },
            PrinterColumn("ParamKind") { policy in
                guard let kind = policy[path: ["spec", "paramKind"]], kind != .null else { return "<unset>" }
                return .string("\(kind["apiVersion"]?.stringValue ?? "")/\(kind["kind"]?.stringValue ?? "")")
            },
            .age,
        ]))

    static let validatingAdmissionPolicyBindings = ResourceInfo(
        .group(
            "admissionregistration.k8s.io", "v1", "ValidatingAdmissionPolicyBinding",
            "validatingadmissionpolicybindings", namespaced: false),
        categories: ["api-extensions"], strategy: PlainStrategy(),
        printer: TablePrinter([
            .name, .field("PolicyName", ["spec", "policyName"], absent: ""),
            PrinterColumn("ParamRef") { binding in
                guard let reference = binding[path: ["spec", "paramRef"]], reference != .null else { return "<unset>" }
                guard let name = Cells.text(reference["name"]) else { return .string(FieldError.describe(reference["selector"] ?? .null)) }
                return .string("\(Cells.text(reference["namespace"]) ?? "*")/\(name)")
            },
            .age,
        ]))

    static let apiServices = ResourceInfo(
        .group("apiregistration.k8s.io", "v1", "APIService", "apiservices", namespaced: false), subresources: ["status"],
        categories: ["api-extensions"], strategy: PlainStrategy(),
        printer: TablePrinter([
            .name,
            PrinterColumn("Service") { service in
                guard let reference = service[path: ["spec", "service"]], reference != .null else { return "Local" }
                return .string("\(reference["namespace"]?.stringValue ?? "")/\(reference["name"]?.stringValue ?? "")")
            },
            PrinterColumn("Available") { service in
                let conditions = service[path: ["status", "conditions"]]?.arrayValue ?? []
                guard let available = conditions.first(where: { $0["type"] == "Available" }) else { return "Unknown" }
                let status = available["status"]?.stringValue ?? ""
                if status == "True" { return "True" }
                return .string(Cells.text(available["reason"]).map { "\(status) (\($0))" } ?? status)
            },
            .age,
        ]))

    static let horizontalPodAutoscalers = ResourceInfo(
        .group("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers"), shortNames: ["hpa"],
        subresources: ["status"], categories: ["all"], strategy: PlainStrategy(),
        printer: TablePrinter([
            .name,
            PrinterColumn("Reference") { hpa in
                .string("\(hpa[path: ["spec", "scaleTargetRef", "kind"]]?.stringValue ?? "")/\(hpa[path: ["spec", "scaleTargetRef", "name"]]?.stringValue ?? "")")
            },
            PrinterColumn("Targets") { .string(AutoscalerTargets.text($0)) },
            .field("MinPods", ["spec", "minReplicas"], absent: "<unset>"), .count("MaxPods", ["spec", "maxReplicas"]),
            .count("Replicas", ["status", "currentReplicas"]), .age,
        ]))

    static let flowSchemas = ResourceInfo(
        .group("flowcontrol.apiserver.k8s.io", "v1", "FlowSchema", "flowschemas", namespaced: false),
        subresources: ["status"], strategy: PlainStrategy(),
        printer: TablePrinter([
            .name, .field("PriorityLevel", ["spec", "priorityLevelConfiguration", "name"], absent: ""),
            .count("MatchingPrecedence", ["spec", "matchingPrecedence"]),
            .field("DistinguisherMethod", ["spec", "distinguisherMethod", "type"]), .age,
            PrinterColumn("MissingPL") { schema in
                let conditions = schema[path: ["status", "conditions"]]?.arrayValue ?? []
                return .string(conditions.first { $0["type"] == "Dangling" }?["status"]?.stringValue ?? "?")
            },
        ]))

    static let priorityLevelConfigurations = ResourceInfo(
        .group("flowcontrol.apiserver.k8s.io", "v1", "PriorityLevelConfiguration", "prioritylevelconfigurations", namespaced: false),
        subresources: ["status"], strategy: PlainStrategy(),
        printer: TablePrinter([
            .name, .field("Type", ["spec", "type"], absent: ""),
            .field("NominalConcurrencyShares", ["spec", "limited", "nominalConcurrencyShares"]),
            .field("Queues", ["spec", "limited", "limitResponse", "queuing", "queues"]),
            .field("HandSize", ["spec", "limited", "limitResponse", "queuing", "handSize"]),
            .field("QueueLengthLimit", ["spec", "limited", "limitResponse", "queuing", "queueLengthLimit"]), .age,
        ]))

    /// Stored apart from core/v1 Events (kube-apiserver keeps both in one storage and converts).
    static let eventsV1: ResourceInfo = {
        var info = ResourceInfo(
            .group("events.k8s.io", "v1", "Event", "events"), shortNames: ["ev"], strategy: PlainStrategy(),
            printer: EventPrinter.events,
            fieldLabels: ["regarding.kind", "regarding.namespace", "regarding.name", "regarding.uid", "reason", "reportingController", "type"])
        info.conversion = .events
        return info
    }()

    private static let webhookPrinter = TablePrinter([
        .name, PrinterColumn("Webhooks", type: "integer") { .int(Int64($0["webhooks"]?.arrayValue?.count ?? 0)) }, .age,
    ])

    /// Denied or Approved or Pending, then Failed, then Issued once there is a certificate.
    static func signingCondition(_ request: JSONValue) -> String {
        let types = Set((request[path: ["status", "conditions"]]?.arrayValue ?? []).compactMap { $0["type"]?.stringValue })
        var parts = [types.contains("Denied") ? "Denied" : types.contains("Approved") ? "Approved" : "Pending"]
        if types.contains("Failed") { parts.append("Failed") }
        if Cells.text(request[path: ["status", "certificate"]]) != nil { parts.append("Issued") }
        return parts.joined(separator: ",")
    }
}

/// System priority classes may not be created by users; values above one billion are reserved.
struct PriorityClassStrategy: ResourceStrategy {
    func prepareForCreate(_ priorityClass: inout JSONValue, context: AdmissionContext) throws(Status) {
        priorityClass["preemptionPolicy"] = priorityClass["preemptionPolicy"] ?? "PreemptLowerPriority"
    }

    func validate(_ priorityClass: JSONValue) -> [FieldError] {
        let name = priorityClass[path: ["metadata", "name"]]?.stringValue ?? ""
        let value = priorityClass["value"]?.intValue ?? 0
        if name.hasPrefix("system-") && !["system-cluster-critical", "system-node-critical"].contains(name) {
            return [.forbidden("metadata.name", "priority class names with 'system-' prefix are reserved for system use only")]
        }
        if value > 1_000_000_000 && !name.hasPrefix("system-") {
            return [.forbidden("value", "maximum allowed value of a user defined priority is 1000000000")]
        }
        return []
    }

    func validateUpdate(_ priorityClass: JSONValue, old: JSONValue) -> [FieldError] {
        (priorityClass["value"] ?? .null) == (old["value"] ?? .null) ? [] : [.forbidden("value", "may not be changed in an update.")]
    }
}

/// The TARGETS column of `kubectl get hpa`: each metric's current value over its target, the first two.
enum AutoscalerTargets {
    static func text(_ hpa: JSONValue) -> String {
        let metrics = hpa[path: ["spec", "metrics"]]?.arrayValue ?? []
        guard !metrics.isEmpty else { return "<none>" }
        let current = hpa[path: ["status", "currentMetrics"]]?.arrayValue ?? []
        let entries = metrics.enumerated().map { index, metric in
            entry(metric, current: index < current.count ? current[index] : nil)
        }
        let shown = entries.prefix(2).joined(separator: ", ")
        return entries.count > 2 ? "\(shown) + \(entries.count - 2) more..." : shown
    }

    private static func entry(_ metric: JSONValue, current: JSONValue?) -> String {
        let type = metric["type"]?.stringValue ?? ""
        switch type {
        case "Resource", "ContainerResource":
            let key = type == "Resource" ? "resource" : "containerResource"
            let name = metric[path: [key, "name"]]?.stringValue ?? ""
            let target = metric[path: [key, "target"]]
            if let average = Cells.text(target?["averageValue"]) {
                return "\(name): \(Cells.text(current?[path: [key, "current", "averageValue"]]) ?? "<unknown>")/\(average)"
            }
            let now = current?[path: [key, "current", "averageUtilization"]]?.intValue.map { "\($0)%" } ?? "<unknown>"
            let goal = target?["averageUtilization"]?.intValue.map { "\($0)%" } ?? "<auto>"
            return "\(name): \(now)/\(goal)"
        case "Pods":
            return "\(Cells.text(current?[path: ["pods", "current", "averageValue"]]) ?? "<unknown>")/\(Cells.text(metric[path: ["pods", "target", "averageValue"]]) ?? "")"
        case "Object", "External":
            let key = type == "Object" ? "object" : "external"
            if let average = Cells.text(metric[path: [key, "target", "averageValue"]]) {
                return "\(Cells.text(current?[path: [key, "current", "averageValue"]]) ?? "<unknown>")/\(average) (avg)"
            }
            return "\(Cells.text(current?[path: [key, "current", "value"]]) ?? "<unknown>")/\(Cells.text(metric[path: [key, "target", "value"]]) ?? "")"
        default:
            return "<unknown type>"
        }
    }
}

extension BuiltinResources {
    /// The questions of authorization.k8s.io and authentication.k8s.io (`kubectl auth can-i`, `whoami`).
    static let reviews: [ResourceInfo] = [
        ("authorization.k8s.io", "SelfSubjectAccessReview", "selfsubjectaccessreviews", false),
        ("authorization.k8s.io", "SelfSubjectRulesReview", "selfsubjectrulesreviews", false),
        ("authorization.k8s.io", "SubjectAccessReview", "subjectaccessreviews", false),
        ("authorization.k8s.io", "LocalSubjectAccessReview", "localsubjectaccessreviews", true),
        ("authentication.k8s.io", "SelfSubjectReview", "selfsubjectreviews", false),
        ("authentication.k8s.io", "TokenReview", "tokenreviews", false),
    ].map { group, kind, plural, namespaced in
        var review = ResourceInfo(
            .group(group, "v1", kind, plural, namespaced: namespaced), strategy: PlainStrategy(), printer: .createdAt)
        review.isReview = true
        return review
    }
}
