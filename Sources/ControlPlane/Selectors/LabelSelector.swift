import KubeModel

/// A parsed `labelSelector` query value: requirements joined by commas, all of which must hold.
///
/// Grammar (as in Kubernetes `labels.Parse`): `key`, `!key`, `key=value`, `key==value`, `key!=value`,
/// `key in (a,b)`, `key notin (a,b)`, `key>n`, `key<n`.
public struct LabelSelectorExpression: Sendable, Hashable {
    public enum Operator: Sendable, Hashable {
        case exists, doesNotExist, equals, notEquals, `in`, notIn, greaterThan, lessThan
    }

    public struct Requirement: Sendable, Hashable {
        public var key: String
        public var op: Operator
        public var values: [String]

        public func matches(_ labels: [String: String]) -> Bool {
            let value = labels[key]
            switch op {
            case .exists: return value != nil
            case .doesNotExist: return value == nil
            case .equals, .in: return value.map { values.contains($0) } ?? false
            case .notEquals, .notIn: return value.map { !values.contains($0) } ?? true
            case .greaterThan, .lessThan:
                guard let value, let number = Int64(value), let bound = values.first.flatMap({ Int64($0) }) else {
                    return false
                }
                return op == .greaterThan ? number > bound : number < bound
            }
        }
    }

    public var requirements: [Requirement]

    public static let everything = LabelSelectorExpression(requirements: [])

    public init(requirements: [Requirement]) {
        self.requirements = requirements
    }

    public var isEmpty: Bool { requirements.isEmpty }

    public func matches(_ labels: [String: String]) -> Bool {
        requirements.allSatisfy { $0.matches(labels) }
    }

    /// Parses the selector text; throws a 400 BadRequest `Status` when it is malformed.
    public init(parsing text: String) throws(Status) {
        var parser = LabelSelectorParser(text)
        self.requirements = try parser.parse()
    }
}

/// Reads label selector text one requirement at a time.
struct LabelSelectorParser {
    private let chars: [Character]
    private var index = 0
    private let text: String

    init(_ text: String) {
        self.text = text
        self.chars = Array(text)
    }

    mutating func parse() throws(Status) -> [LabelSelectorExpression.Requirement] {
        var requirements: [LabelSelectorExpression.Requirement] = []
        skipSpaces()
        if index == chars.count { return [] }
        while true {
            requirements.append(try requirement())
            skipSpaces()
            if index == chars.count { return requirements }
            guard chars[index] == "," else { throw fail("expected ',' at position \(index)") }
            index += 1
        }
    }

    private mutating func requirement() throws(Status) -> LabelSelectorExpression.Requirement {
        skipSpaces()
        if peek() == "!" {
            index += 1
            skipSpaces()
            let key = try labelKey()
            return .init(key: key, op: .doesNotExist, values: [])
        }
        let key = try labelKey()
        skipSpaces()
        guard index < chars.count, chars[index] != "," else {
            return .init(key: key, op: .exists, values: [])
        }
        if match("==") || match("=") {
            return .init(key: key, op: .equals, values: [try labelValue()])
        }
        if match("!=") {
            return .init(key: key, op: .notEquals, values: [try labelValue()])
        }
        if match(">") {
            return .init(key: key, op: .greaterThan, values: [try integerValue()])
        }
        if match("<") {
            return .init(key: key, op: .lessThan, values: [try integerValue()])
        }
        let word = identifier()
        switch word {
        case "in": return .init(key: key, op: .in, values: try valueSet())
        case "notin": return .init(key: key, op: .notIn, values: try valueSet())
        default: throw fail("unexpected '\(word.isEmpty ? String(chars[index]) : word)' after key \"\(key)\"")
        }
    }

    private mutating func valueSet() throws(Status) -> [String] {
        skipSpaces()
        guard match("(") else { throw fail("expected '(' after set operator") }
        var values: [String] = []
        while true {
            skipSpaces()
            if match(")") {
                if values.isEmpty { throw fail("a set must have at least one value") }
                return values
            }
            values.append(try labelValue(allowEmpty: true))
            skipSpaces()
            if match(",") { continue }
            if match(")") { return values }
            throw fail("expected ',' or ')' in value set")
        }
    }

    private mutating func labelKey() throws(Status) -> String {
        let key = identifier()
        guard !key.isEmpty else { throw fail("expected a label key at position \(index)") }
        guard LabelSyntax.isQualifiedName(key) else { throw fail("invalid label key \"\(key)\"") }
        return key
    }

    private mutating func labelValue(allowEmpty: Bool = true) throws(Status) -> String {
        skipSpaces()
        let value = identifier()
        guard LabelSyntax.isLabelValue(value) else { throw fail("invalid label value \"\(value)\"") }
        return value
    }

    private mutating func integerValue() throws(Status) -> String {
        skipSpaces()
        let value = identifier()
        guard Int64(value) != nil else { throw fail("\(value) is not an integer") }
        return value
    }

    private mutating func identifier() -> String {
        let start = index
        while index < chars.count, LabelSyntax.isIdentifierCharacter(chars[index]) { index += 1 }
        return String(chars[start..<index])
    }

    private mutating func skipSpaces() {
        while index < chars.count, chars[index].isWhitespace { index += 1 }
    }

    private func peek() -> Character? { index < chars.count ? chars[index] : nil }

    private mutating func match(_ token: String) -> Bool {
        let tokenChars = Array(token)
        guard index + tokenChars.count <= chars.count, Array(chars[index..<index + tokenChars.count]) == tokenChars
        else { return false }
        index += tokenChars.count
        return true
    }

    private func fail(_ reason: String) -> Status {
        .failure(.badRequest, "unable to parse requirement: found invalid label selector \"\(text)\": \(reason)")
    }
}

/// Syntax rules for label keys and values.
enum LabelSyntax {
    static func isIdentifierCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_" || c == "." || c == "/")
    }

    /// `[prefix/]name`: prefix a DNS-1123 subdomain, name up to 63 characters of `[A-Za-z0-9_.-]` starting
    /// and ending alphanumeric.
    static func isQualifiedName(_ key: String) -> Bool {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 1: return isName(parts[0])
        case 2: return NameValidation.isDNS1123Subdomain(String(parts[0])) && isName(parts[1])
        default: return false
        }
    }

    static func isLabelValue(_ value: String) -> Bool {
        value.isEmpty || isName(Substring(value))
    }

    private static func isName(_ name: Substring) -> Bool {
        guard !name.isEmpty, name.count <= 63, let first = name.first, let last = name.last,
            first.isASCII, last.isASCII, first.isLetter || first.isNumber, last.isLetter || last.isNumber
        else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
    }
}
