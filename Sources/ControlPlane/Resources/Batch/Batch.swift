import Foundation
import KubeModel

extension BuiltinResources {
    static let jobs = ResourceInfo(
        .group("batch", "v1", "Job", "jobs"), subresources: ["status"], categories: ["all"],
        strategy: WorkloadStrategy(kind: "Job", restartPolicies: ["OnFailure", "Never"], templateImmutable: true) {
            spec, metadata in
            if spec["completions"] == nil && spec["parallelism"] == nil { spec["completions"] = 1 }
            spec["parallelism"] = spec["parallelism"] ?? 1
            if spec["backoffLimitPerIndex"] == nil { spec["backoffLimit"] = spec["backoffLimit"] ?? 6 }
            spec["completionMode"] = spec["completionMode"] ?? "NonIndexed"
            spec["suspend"] = spec["suspend"] ?? false
            if spec["podFailurePolicy"] == nil { spec["podReplacementPolicy"] = spec["podReplacementPolicy"] ?? "TerminatingOrFailed" }
            if spec["manualSelector"]?.boolValue != true { generateSelector(&spec, metadata: metadata) }
        },
        printer: TablePrinter([
            .name, PrinterColumn("Status") { .string(jobStatus($0)) },
            PrinterColumn("Completions") { .string(completions($0)) },
            PrinterColumn("Duration") { job, now in .string(duration(job, now: now)) }, .age,
        ] + templateColumns(selector: true)))

    static let cronJobs = ResourceInfo(
        .group("batch", "v1", "CronJob", "cronjobs"), shortNames: ["cj"], subresources: ["status"], categories: ["all"],
        strategy: CronJobStrategy(),
        printer: TablePrinter([
            .name, .field("Schedule", ["spec", "schedule"], absent: ""),
            .field("Timezone", ["spec", "timeZone"]),
            PrinterColumn("Suspend", type: "boolean") { cronJob in
                guard let suspend = cronJob[path: ["spec", "suspend"]]?.boolValue else { return "<unset>" }
                return .string(suspend ? "True" : "False")
            },
            PrinterColumn("Active", type: "integer") { .int(Int64($0[path: ["status", "active"]]?.arrayValue?.count ?? 0)) },
            PrinterColumn("Last Schedule") { job, now in
                .string(Cells.since(job[path: ["status", "lastScheduleTime"]], now: now) ?? "<none>")
            },
            .age,
        ] + templateColumns(selector: true, template: ["spec", "jobTemplate", "spec", "template"]).dropLast() + [
            PrinterColumn("Selector", priority: 1) {
                .string(Cells.selector($0[path: ["spec", "jobTemplate", "spec", "selector"]]))
            }
        ]))

    /// The selector a Job gets unless it asks for its own (`manualSelector`): its uid, put on the template too.
    private static func generateSelector(_ spec: inout JSONObject, metadata: JSONValue) {
        guard let uid = metadata["uid"]?.stringValue else { return }
        let name = metadata["name"]?.stringValue ?? ""
        if spec["selector"] == nil { spec["selector"] = ["matchLabels": ["batch.kubernetes.io/controller-uid": .string(uid)]] }
        var template = spec["template"]?.objectValue ?? [:]
        var templateMetadata = template["metadata"]?.objectValue ?? [:]
        var labels = templateMetadata["labels"]?.objectValue ?? [:]
        labels["batch.kubernetes.io/controller-uid"] = .string(uid)
        labels["batch.kubernetes.io/job-name"] = .string(name)
        labels["controller-uid"] = .string(uid)
        labels["job-name"] = .string(name)
        templateMetadata["labels"] = .object(labels)
        template["metadata"] = .object(templateMetadata)
        spec["template"] = .object(template)
    }

    /// The STATUS column of `kubectl get jobs`: Complete, Failed, Terminating, Suspended, FailureTarget,
    /// the first that holds, else Running. A condition counts by the first entry of its type.
    static func jobStatus(_ job: JSONValue) -> String {
        let conditions = job[path: ["status", "conditions"]]?.arrayValue ?? []
        func holds(_ type: String) -> Bool { conditions.first { $0["type"]?.stringValue == type }?["status"] == "True" }
        if holds("Complete") { return "Complete" }
        if holds("Failed") { return "Failed" }
        if DeleteRules.isDeleting(job) { return "Terminating" }
        if holds("Suspended") { return "Suspended" }
        if holds("FailureTarget") { return "FailureTarget" }
        return "Running"
    }

    /// `succeeded/completions`, or `succeeded/1 of parallelism` for a work queue Job.
    static func completions(_ job: JSONValue) -> String {
        let succeeded = job[path: ["status", "succeeded"]]?.intValue ?? 0
        if let completions = job[path: ["spec", "completions"]]?.intValue { return "\(succeeded)/\(completions)" }
        let parallelism = job[path: ["spec", "parallelism"]]?.intValue ?? 0
        return parallelism > 1 ? "\(succeeded)/1 of \(parallelism)" : "\(succeeded)/1"
    }

    /// From start to completion, or to now while the Job runs.
    static func duration(_ job: JSONValue, now: Date) -> String {
        guard let start = job[path: ["status", "startTime"]]?.stringValue.flatMap(KubeTime.init(text:)) else { return "" }
        let end = job[path: ["status", "completionTime"]]?.stringValue.flatMap(KubeTime.init(text:))?.date ?? now
        return Cells.humanDuration(end.timeIntervalSince(start.date))
    }
}

/// CronJobs: the defaults Kubernetes gives them, and a schedule of five fields (or a macro).
struct CronJobStrategy: ResourceStrategy {
    func prepareForCreate(_ cronJob: inout JSONValue, context: AdmissionContext) throws(Status) {
        cronJob["status"] = [:]
        defaults(&cronJob)
    }

    func prepareForUpdate(_ cronJob: inout JSONValue, old: JSONValue) throws(Status) { defaults(&cronJob) }

    private func defaults(_ cronJob: inout JSONValue) {
        var spec = cronJob["spec"]?.objectValue ?? [:]
        spec["concurrencyPolicy"] = spec["concurrencyPolicy"] ?? "Allow"
        spec["suspend"] = spec["suspend"] ?? false
        spec["successfulJobsHistoryLimit"] = spec["successfulJobsHistoryLimit"] ?? 3
        spec["failedJobsHistoryLimit"] = spec["failedJobsHistoryLimit"] ?? 1
        if var jobTemplate = spec["jobTemplate"]?.objectValue {
            var jobSpec = jobTemplate["spec"]?.objectValue ?? [:]
            jobSpec["template"] = PodTemplateRules.defaults(jobSpec["template"])
            jobTemplate["spec"] = .object(jobSpec)
            spec["jobTemplate"] = .object(jobTemplate)
        }
        cronJob["spec"] = .object(spec)
    }

    func validate(_ cronJob: JSONValue) -> [FieldError] {
        var errors: [FieldError] = []
        let schedule = cronJob[path: ["spec", "schedule"]]?.stringValue ?? ""
        if schedule.isEmpty {
            errors.append(.required("spec.schedule"))
        } else {
            do {
                _ = try CronSchedule(parsing: schedule)
            } catch {
                errors.append(.invalid("spec.schedule", schedule, "unparseable schedule: \(error)"))
            }
        }
        if let zone = cronJob[path: ["spec", "timeZone"]]?.stringValue, TimeZone(identifier: zone) == nil {
            errors.append(.invalid("spec.timeZone", zone, "unknown time zone \(zone)"))
        }
        errors += PodTemplateRules.templateErrors(
            cronJob[path: ["spec", "jobTemplate", "spec", "template"]], field: "spec.jobTemplate.spec.template",
            restartPolicies: ["OnFailure", "Never"])
        return errors
    }
}
