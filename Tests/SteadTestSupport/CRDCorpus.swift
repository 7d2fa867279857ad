import Foundation

/// One CustomResourceDefinition of `Tests/Corpus/CRDs` and what a real Kubernetes v1.21 API server
/// does with it, from the file's first line:
///
///     # expect: accepted
///     # expect: rejected: spec.validation.openAPIV3Schema.type: Required value: must not be empty at the root
public struct CRDCorpusCase: Sendable, Hashable, CustomStringConvertible {
    public enum Expectation: Sendable, Hashable {
        case accepted
        /// A fragment of the server's error message; ` ... ` inside it stands for any text, where the real
        /// message holds a value only Go prints that way (`[]string{"id"}`).
        case rejected(String)
    }

    /// The file name without `.yaml`.
    public var name: String
    public var yaml: String
    public var expectation: Expectation

    public init(name: String, yaml: String, expectation: Expectation) {
        self.name = name
        self.yaml = yaml
        self.expectation = expectation
    }

    public var description: String { name }

    /// Whether `message` holds the expected fragment's parts, in order. Always false for `.accepted`.
    public func messageMatches(_ message: String) -> Bool {
        guard case .rejected(let fragment) = expectation else { return false }
        var rest = message[...]
        for part in fragment.components(separatedBy: " ... ") {
            guard let found = rest.range(of: part) else { return false }
            rest = rest[found.upperBound...]
        }
        return true
    }
}

public enum CRDCorpus {
    public struct BadHeader: Error, CustomStringConvertible {
        public var file: String
        public var description: String { "\(file): the first line must be '# expect: accepted' or '# expect: rejected: <fragment>'" }
    }

    /// `Tests/Corpus/CRDs`, found from this file's place in the checkout.
    public static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Corpus/CRDs", isDirectory: true)
    }

    /// Every case, sorted by name.
    public static func cases() throws -> [CRDCorpusCase] {
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        return try files.map { file in
            let yaml = try String(contentsOf: file, encoding: .utf8)
            let name = file.deletingPathExtension().lastPathComponent
            guard let expectation = expectation(header: yaml.prefix { $0 != "\n" }) else {
                throw BadHeader(file: file.lastPathComponent)
            }
            return CRDCorpusCase(name: name, yaml: yaml, expectation: expectation)
        }
    }

    static func expectation(header: Substring) -> CRDCorpusCase.Expectation? {
        let prefix = "# expect: "
        guard header.hasPrefix(prefix) else { return nil }
        let verdict = header.dropFirst(prefix.count)
        if verdict.trimmingCharacters(in: .whitespaces) == "accepted" { return .accepted }
        let rejected = "rejected: "
        guard verdict.hasPrefix(rejected) else { return nil }
        let fragment = String(verdict.dropFirst(rejected.count)).trimmingCharacters(in: .whitespaces)
        return fragment.isEmpty ? nil : .rejected(fragment)
    }
}
