import Foundation

/// Schema patterns as Kubernetes reads them: Go's RE2 syntax. Stead runs them through
/// NSRegularExpression (ICU), which knows more (lookaround, backreferences) and spells named groups
/// differently.
enum GoRegex {
    /// Why Go refuses `pattern` where ICU would compile it, in Go's words; nil if Go takes it.
    static func unsupported(_ pattern: String) -> String? {
        let characters = Array(pattern)
        var index = 0
        while index + 1 < characters.count {
            let (character, next) = (characters[index], characters[index + 1])
            if character == "\\" {
                if next.isASCII && next.isNumber && next != "0" { return "invalid escape sequence: `\\\(next)`" }
                index += 2
                continue
            }
            if character == "(", next == "?", index + 2 < characters.count, "=!<>".contains(characters[index + 2]) {
                return "invalid or unsupported Perl syntax: `(?\(characters[index + 2])`"
            }
            index += 1
        }
        return nil
    }

    /// Go's `(?P<name>...)` is ICU's `(?<name>...)`.
    static func compile(_ pattern: String) throws -> NSRegularExpression {
        try NSRegularExpression(pattern: pattern.replacingOccurrences(of: "(?P<", with: "(?<"))
    }
}
