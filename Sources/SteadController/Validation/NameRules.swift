/// Kubernetes' name formats (apimachinery validation).
enum NameRules {
    /// RFC 1123 label: lowercase alphanumerics and '-', starting and ending alphanumeric, at most 63.
    static func dns1123LabelProblem(_ name: String, maxLength: Int = 63) -> String? {
        if name.isEmpty { return "Required value" }
        if name.count > maxLength { return "must be no more than \(maxLength) characters" }
        let bytes = Array(name.utf8)
        let valid = bytes.allSatisfy { isLowerAlphanumeric($0) || $0 == 45 }
        if !valid || !isLowerAlphanumeric(bytes.first!) || !isLowerAlphanumeric(bytes.last!) {
            return "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', "
                + "and must start and end with an alphanumeric character"
        }
        return nil
    }

    /// Label keys (`prefix/name`) and values, as metav1 validates them.
    static func labelValueProblem(_ value: String) -> String? {
        if value.isEmpty { return nil }
        if value.count > 63 { return "must be no more than 63 characters" }
        let bytes = Array(value.utf8)
        let valid = bytes.allSatisfy { isAlphanumeric($0) || $0 == 45 || $0 == 95 || $0 == 46 }
        if !valid || !isAlphanumeric(bytes.first!) || !isAlphanumeric(bytes.last!) {
            return "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', "
                + "and must start and end with an alphanumeric character"
        }
        return nil
    }

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isLowerAlphanumeric(byte) || (byte >= 65 && byte <= 90)
    }
}
