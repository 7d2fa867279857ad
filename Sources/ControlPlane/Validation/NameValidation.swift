import KubeModel

/// Kubernetes name rules (RFC 1123 labels and subdomains).
public enum NameValidation {
    /// At most 63 characters of `[a-z0-9-]`, starting and ending alphanumeric.
    public static func isDNS1123Label(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard !bytes.isEmpty, bytes.count <= 63, isAlnum(bytes[0]), isAlnum(bytes[bytes.count - 1]) else {
            return false
        }
        return bytes.allSatisfy { isAlnum($0) || $0 == UInt8(ascii: "-") }
    }

    /// A DNS-1123 label that starts with a letter (version names, resource names of CRDs).
    public static func isDNS1035Label(_ name: String) -> Bool {
        guard let first = name.utf8.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") else { return false }
        return isDNS1123Label(name)
    }

    static let dns1123LabelRule =
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
    static let dns1035Rule =
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"
    static let dns1123SubdomainRule =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"

    /// At most 253 characters: DNS-1123 labels joined by dots.
    public static func isDNS1123Subdomain(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 253 else { return false }
        return name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy {
            isDNS1123Label(String($0))
        }
    }

    private static func isAlnum(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    public static func missingName(kind: String) -> Status {
        .failure(
            .invalid, "\(kind) \"\" is invalid: metadata.name: Required value: name or generateName is required",
            details: StatusDetails(
                kind: kind,
                causes: [
                    StatusCause(
                        reason: "FieldValueRequired", message: "Required value: name or generateName is required",
                        field: "metadata.name")
                ]))
    }
}
