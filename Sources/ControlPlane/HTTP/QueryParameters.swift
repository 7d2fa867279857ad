import KubeModel

/// The query string as Go's `url.ParseQuery` reads it: `+` is a space, `%XX` escapes are decoded, and
/// the first value of a repeated key wins.
struct QueryParameters: Sendable {
    private var values: [String: String] = [:]

    init(_ query: String?) {
        guard let query else { return }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            if values[key] == nil { values[key] = value }
        }
    }

    subscript(_ key: String) -> String? { values[key] }

    func flag(_ key: String) -> Bool {
        guard let value = values[key] else { return false }
        return value == "1" || value.lowercased() == "true"
    }

    func integer(_ key: String) throws(Status) -> Int64? {
        guard let text = values[key], !text.isEmpty else { return nil }
        guard let value = Int64(text) else {
            throw Status.failure(.badRequest, "invalid value for \(key): \"\(text)\" is not an integer")
        }
        return value
    }

    /// `dryRun=All` (the only value Kubernetes accepts); other values are a 400.
    func dryRun() throws(Status) -> Bool {
        guard let value = values["dryRun"], !value.isEmpty else { return false }
        guard value == "All" else {
            throw Status.failure(.badRequest, "Invalid dryRun value \"\(value)\": only \"All\" is supported")
        }
        return true
    }

    /// `fieldValidation` is accepted with Kubernetes' values. The server keeps objects as schemaless JSON,
    /// so it never finds unknown fields to warn about or reject.
    func checkFieldValidation() throws(Status) {
        guard let value = values["fieldValidation"], !value.isEmpty else { return }
        guard ["Strict", "Warn", "Ignore"].contains(value) else {
            throw Status.failure(
                .badRequest, "fieldValidation must be one of Strict, Warn or Ignore, not \"\(value)\"")
        }
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
