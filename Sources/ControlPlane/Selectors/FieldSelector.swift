import KubeModel

/// A parsed `fieldSelector` query value: `field=value`, `field==value`, `field!=value`, joined by commas.
///
/// Fields are dotted paths into the object (`metadata.name`, `spec.nodeName`, `status.phase`, ...);
/// a missing field reads as the empty string, as in Kubernetes. Values may escape `\,`, `\=` and `\\`.
public struct FieldSelectorExpression: Sendable, Hashable {
    public struct Requirement: Sendable, Hashable {
        public var field: String
        public var negated: Bool
        public var value: String
    }

    public var requirements: [Requirement]

    public static let everything = FieldSelectorExpression(requirements: [])

    public init(requirements: [Requirement]) {
        self.requirements = requirements
    }

    public var isEmpty: Bool { requirements.isEmpty }

    public init(parsing text: String) throws(Status) {
        var requirements: [Requirement] = []
        for term in Self.splitTerms(text) {
            let trimmed = term.trimmingSpaces()
            if trimmed.isEmpty { continue }
            requirements.append(try Self.parseTerm(trimmed, whole: text))
        }
        self.requirements = requirements
    }

    public func matches(_ object: JSONValue) -> Bool {
        requirements.allSatisfy { requirement in
            let actual = Self.fieldValue(object, path: requirement.field)
            return (actual == requirement.value) != requirement.negated
        }
    }

    /// The text value of a dotted field path; missing fields are "".
    static func fieldValue(_ object: JSONValue, path: String) -> String {
        if path == "source", object["kind"] == "Event" {
            // Kubernetes' `source` field of events: the reporting component.
            return object[path: ["source", "component"]]?.stringValue ?? object["reportingComponent"]?.stringValue ?? ""
        }
        let value = object[path: path.split(separator: ".").map(String.init)]
        switch value {
        case .string(let text)?: return text
        case .int(let number)?: return String(number)
        case .bool(let flag)?: return flag ? "true" : "false"
        case .double(let number)?: return String(number)
        default: return ""
        }
    }

    private static func splitTerms(_ text: String) -> [String] {
        var terms: [String] = []
        var current = ""
        var escaped = false
        for c in text {
            if escaped {
                current.append("\\")
                current.append(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == "," {
                terms.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        if escaped { current.append("\\") }
        terms.append(current)
        return terms
    }

    private static func parseTerm(_ term: String, whole: String) throws(Status) -> Requirement {
        let chars = Array(term)
        var i = 0
        while i < chars.count {
            if chars[i] == "\\" {
                i += 2
                continue
            }
            if chars[i] == "!" && i + 1 < chars.count && chars[i + 1] == "=" {
                return try make(chars, fieldEnd: i, valueStart: i + 2, negated: true, whole: whole)
            }
            if chars[i] == "=" {
                let doubled = i + 1 < chars.count && chars[i + 1] == "="
                return try make(chars, fieldEnd: i, valueStart: doubled ? i + 2 : i + 1, negated: false, whole: whole)
            }
            i += 1
        }
        throw Status.failure(.badRequest, "invalid field selector \"\(whole)\": \"\(term)\" has no operator")
    }

    private static func make(
        _ chars: [Character], fieldEnd: Int, valueStart: Int, negated: Bool, whole: String
    ) throws(Status) -> Requirement {
        let field = String(chars[0..<fieldEnd]).trimmingSpaces()
        guard !field.isEmpty,
            field.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-") })
        else {
            throw Status.failure(.badRequest, "invalid field selector \"\(whole)\": bad field name \"\(field)\"")
        }
        let rawValue = valueStart <= chars.count ? Array(chars[valueStart...]) : []
        var value = ""
        var i = 0
        while i < rawValue.count {
            if rawValue[i] == "\\", i + 1 < rawValue.count {
                value.append(rawValue[i + 1])
                i += 2
                continue
            }
            if rawValue[i] == "=" || rawValue[i] == "\\" {
                throw Status.failure(.badRequest, "invalid field selector \"\(whole)\": unescaped '\(rawValue[i])'")
            }
            value.append(rawValue[i])
            i += 1
        }
        return Requirement(field: field, negated: negated, value: value.trimmingSpaces())
    }
}

extension String {
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
