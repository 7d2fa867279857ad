import KubeModel

/// What an update of a pod (PUT or PATCH, not its subresources) may change in `spec`, as Kubernetes'
/// pod update validation allows: container and init container images, `activeDeadlineSeconds`, added
/// tolerations, `terminationGracePeriodSeconds`, and removed scheduling gates. Resources change through
/// `pods/resize`, the node through `pods/binding`; anything else needs a new pod.
enum PodUpdateRule {
    static let forbiddenDetail =
        "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,"
        + "`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),"
        + "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)"

    static func check(new: JSONValue, old: JSONValue, name: String) throws(Status) {
        let oldSpec = old["spec"] ?? .object([:])
        let newSpec = new["spec"] ?? .object([:])
        var problems: [FieldError] = []
        let oldTolerations = oldSpec["tolerations"]?.arrayValue ?? []
        let newTolerations = newSpec["tolerations"]?.arrayValue ?? []
        if !oldTolerations.allSatisfy(newTolerations.contains) {
            problems.append(.forbidden("spec.tolerations", "existing toleration can not be modified except its tolerationSeconds"))
        }
        let oldGates = oldSpec["schedulingGates"]?.arrayValue ?? []
        if !(newSpec["schedulingGates"]?.arrayValue ?? []).allSatisfy(oldGates.contains) {
            problems.append(.forbidden("spec.schedulingGates", "only deletion is allowed"))
        }
        if masked(newSpec, from: oldSpec) != masked(oldSpec, from: oldSpec) {
            problems.append(.forbidden("spec", forbiddenDetail))
        }
        guard problems.isEmpty else { throw problems.invalidStatus(kind: "Pod", group: "", name: name) }
    }

    /// `spec` with every field an update may change set to what `reference` has.
    private static func masked(_ spec: JSONValue, from reference: JSONValue) -> JSONValue {
        var spec = spec
        for field in ["activeDeadlineSeconds", "tolerations", "terminationGracePeriodSeconds", "schedulingGates"] {
            spec[field] = reference[field]
        }
        for list in ["containers", "initContainers"] {
            guard var containers = spec[list]?.arrayValue else { continue }
            let referenceImages = (reference[list]?.arrayValue ?? []).map { $0["image"] }
            for index in containers.indices {
                containers[index]["image"] = index < referenceImages.count ? referenceImages[index] : nil
            }
            spec[list] = .array(containers)
        }
        return spec
    }
}
