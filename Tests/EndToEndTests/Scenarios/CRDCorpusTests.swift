import Foundation
import SteadTestSupport
import Testing

extension EndToEnd {
    /// Every CustomResourceDefinition of `Tests/Corpus/CRDs` gets the same answer from the real cluster
    /// and from Stead's embedded API server (`stead apiserver`), both asked by kubectl with a server-side
    /// dry run; the real cluster's answer is also the one the file records.
    @Suite("CRD corpus", .serialized)
    struct CRDCorpusOnBothServers {
        @Test func bothServersAcceptAndRefuseTheSameDefinitions() async throws {
            let installation = try await Installation.shared()
            let embedded = try await APIServerProcess.start(dataDirectory: try TestPaths.temporaryDirectory())
            defer { embedded.child.signal(SIGKILL) }
            let local = Kubectl(executable: installation.kubectl.executable, kubeconfig: embedded.kubeconfig)
            let cases = try CRDCorpus.cases()
            #expect(cases.count >= 40)
            let verdicts = try await withThrowingTaskGroup(of: (CRDCorpusCase, Verdict, Verdict).self) { group in
                var results: [(CRDCorpusCase, Verdict, Verdict)] = []
                for (index, corpusCase) in cases.enumerated() {
                    if index >= 6 { if let result = try await group.next() { results.append(result) } }
                    group.addTask {
                        async let real = Verdict(installation.kubectl, corpusCase.yaml)
                        async let stead = Verdict(local, corpusCase.yaml)
                        return (corpusCase, try await real, try await stead)
                    }
                }
                for try await result in group { results.append(result) }
                return results
            }
            for (corpusCase, real, stead) in verdicts {
                #expect(real.accepted == stead.accepted, "\(corpusCase.name): real \(real), embedded \(stead)")
                switch corpusCase.expectation {
                case .accepted:
                    #expect(real.accepted, "\(corpusCase.name): the real cluster refused it: \(real)")
                case .rejected:
                    #expect(!real.accepted && corpusCase.messageMatches(real.output),
                            "\(corpusCase.name): the real cluster no longer says what the file records: \(real)")
                }
            }
        }

        struct Verdict: CustomStringConvertible {
            var accepted: Bool
            var output: String

            init(_ kubectl: Kubectl, _ yaml: String) async throws {
                let result = try await kubectl.run(["apply", "--dry-run=server", "--validate=false", "-f", "-"], input: yaml)
                accepted = result.status == 0
                output = accepted ? result.stdout : result.stderr
            }

            var description: String { (accepted ? "accepted: " : "refused: ") + output.prefix(300) }
        }
    }
}
