import ControlPlane
import Foundation
import KubeModel
import SteadTestSupport
import Testing
import Yams

/// Every CustomResourceDefinition of `Tests/Corpus/CRDs` is accepted or refused by the embedded server as
/// a real Kubernetes v1.21 API server did (each file's first line records what that server said).
@Suite struct CRDCorpusTests {
    static let cases = (try? CRDCorpus.cases()) ?? []

    @Test func theCorpusCoversBothOutcomes() throws {
        let cases = try CRDCorpus.cases()
        #expect(cases.count >= 40)
        #expect(cases.contains { $0.expectation == .accepted })
        #expect(cases.contains { if case .rejected = $0.expectation { true } else { false } })
    }

    @Test(arguments: cases)
    func judgedLikeKubernetes(_ corpusCase: CRDCorpusCase) async throws {
        let crd = try Self.json(fromYAML: corpusCase.yaml)
        try await TestServer.with { s in
            let reply = try await s.request(.POST, CustomResourceFixtures.definitions + "?dryRun=All", json: crd)
            let message = reply.json["message"]?.stringValue ?? ""
            switch corpusCase.expectation {
            case .accepted:
                #expect(reply.status == 201, "\(message)")
            case .rejected(let fragment):
                #expect(reply.status == 422, "\(reply.status): \(message)")
                #expect(reply.reason == "Invalid")
                #expect(corpusCase.messageMatches(message), "expected \(fragment) in: \(message)")
            }
        }
    }

    /// YAML to JSON as kubectl does it before it sends a manifest.
    static func json(fromYAML yaml: String) throws -> JSONValue {
        guard let node = try Yams.compose(yaml: yaml) else { throw TestFailure("empty YAML") }
        return try json(node)
    }

    private static func json(_ node: Yams.Node) throws -> JSONValue {
        switch node {
        case .mapping(let mapping):
            var object: JSONObject = [:]
            for (key, value) in mapping {
                guard let name = key.string else { throw TestFailure("a YAML key that is not a string") }
                object[name] = try json(value)
            }
            return .object(object)
        case .sequence(let sequence):
            return .array(try sequence.map(json))
        case .scalar(let scalar):
            if scalar.style != .plain { return .string(scalar.string) }
            if node.null != nil { return .null }
            if let flag = node.bool { return .bool(flag) }
            if let number = node.int { return .int(Int64(number)) }
            if let number = node.float { return .double(number) }
            return .string(scalar.string)
        case .alias:
            throw TestFailure("YAML aliases are not used in the corpus")
        }
    }
}
