import KubeModel

/// Checks the pod template on its JSON, so a template that does not even decode still gets precise errors.
enum TemplateValidator {
    static func validate(_ template: PodTemplateSpec, path: String) -> [FieldError] {
        guard template.json.objectValue != nil else { return [FieldError(path, "Required value")] }
        var errors: [FieldError] = []
        for (key, value) in template.labels.sorted(by: { $0.key < $1.key }) {
            if let problem = NameRules.labelValueProblem(value) {
                errors.append(FieldError("\(path).metadata.labels[\(key)]", "Invalid value: \"\(value)\": \(problem)"))
            }
        }
        guard let spec = template.json["spec"], spec.objectValue != nil else {
            return errors + [FieldError("\(path).spec", "Required value")]
        }
        let containers = spec["containers"]?.arrayValue ?? []
        if containers.isEmpty {
            errors.append(FieldError("\(path).spec.containers", "Required value: at least one container is required"))
        }
        var names: Set<String> = []
        for (field, list) in [("containers", containers), ("initContainers", spec["initContainers"]?.arrayValue ?? [])] {
            for (index, container) in list.enumerated() {
                let containerPath = "\(path).spec.\(field)[\(index)]"
                let name = container["name"]?.stringValue ?? ""
                if let problem = NameRules.dns1123LabelProblem(name) {
                    errors.append(FieldError("\(containerPath).name", problem))
                } else if !names.insert(name).inserted {
                    errors.append(FieldError("\(containerPath).name", "Duplicate value: \"\(name)\""))
                }
                if (container["image"]?.stringValue ?? "").isEmpty {
                    errors.append(FieldError("\(containerPath).image", "Required value"))
                }
                for key in ["requests", "limits"] {
                    errors += QuantityChecks.check(
                        container[path: ["resources", key]], path: "\(containerPath).resources.\(key)")
                }
            }
        }
        if let restartPolicy = spec["restartPolicy"]?.stringValue, restartPolicy != "Always" {
            errors.append(
                FieldError(
                    "\(path).spec.restartPolicy",
                    "Unsupported value: \"\(restartPolicy)\": supported values: \"Always\""))
        }
        if errors.isEmpty {
            do { _ = try template.decodedSpec() } catch {
                errors.append(FieldError("\(path).spec", "Invalid value: \(error)"))
            }
        }
        return errors
    }
}

enum QuantityChecks {
    /// Every value of a resource list must parse as a quantity and be non-negative.
    static func check(_ list: JSONValue?, path: String) -> [FieldError] {
        guard let object = list?.objectValue else { return [] }
        var errors: [FieldError] = []
        for (name, value) in object.sorted(by: { $0.key < $1.key }) {
            let text: String
            switch value {
            case .string(let string): text = string
            case .int(let number): text = String(number)
            case .double(let number): text = String(number)
            default:
                errors.append(FieldError("\(path).\(name)", "Invalid value: must be a quantity"))
                continue
            }
            do {
                let quantity = try Quantity(parsing: text)
                if quantity.nanoValue < 0 {
                    errors.append(FieldError("\(path).\(name)", "Invalid value: \"\(text)\": must be greater than or equal to 0"))
                }
            } catch {
                errors.append(FieldError("\(path).\(name)", "Invalid value: \"\(text)\": \(error.reason)"))
            }
        }
        return errors
    }
}
