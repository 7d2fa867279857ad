import Foundation
import KubeModel
import SteadTestSupport
import Testing

extension EndToEnd {
    /// The embedded API server's OpenAPI, made from the tables its protobuf codec reads, says of every
    /// built-in kind what the real cluster's says: the same fields with the same types, in the whole
    /// `/openapi/v2` document and in what `kubectl explain` prints.
    @Suite("OpenAPI on both servers", .serialized)
    struct OpenAPIOnBothServers {
        static let explained = [
            "pods.spec", "pods.spec.containers", "pods.spec.containers.resources", "pods.status",
            "deployments.spec", "deployments.spec.strategy.rollingUpdate", "statefulsets.spec",
            "services.spec.ports", "persistentvolumeclaims.spec", "persistentvolumes.spec", "jobs.spec",
            "cronjobs.spec.jobTemplate.spec", "nodes.status", "ingresses.spec.rules", "configmaps", "secrets",
            "poddisruptionbudgets.spec", "endpointslices.endpoints", "csidrivers.spec", "leases.spec",
            "networkpolicies.spec",
        ]

        @Test func theBuiltinSchemasSayWhatTheRealServersSay() async throws {
            let installation = try await Installation.shared()
            let embedded = try await APIServerProcess.start(dataDirectory: try TestPaths.temporaryDirectory())
            defer { embedded.child.signal(SIGKILL) }

            let real = try KubeJSON.parse(try await installation.admin.getRaw("/openapi/v2"))
            let oursText = try await embedded.kubectl(["get", "--raw", "/openapi/v2"])
            let ours = try KubeJSON.parse(Data(oursText.stdout.utf8))
            let compared = (real["definitions"]?.objectValue ?? [:]).count
            #expect(compared > 300, "the real document has \(compared) definitions")
            #expect(OpenAPIChecks.differences(real: real, ours: ours) == [])

            for path in Self.explained {
                // v1.21 has no OpenAPI v3: both are asked for the v2 form, which kubectl reads in protobuf.
                let arguments = ["explain", path, "--output", "plaintext-openapiv2"]
                let realOutput = try await installation.kubectl.run(arguments)
                let ourOutput = try await embedded.kubectl(arguments)
                #expect(realOutput.status == 0 && ourOutput.status == 0, "\(path): \(realOutput.stderr) \(ourOutput.stderr)")
                let realFields = OpenAPIChecks.explainedFields(realOutput.stdout)
                let ourFields = OpenAPIChecks.explainedFields(ourOutput.stdout)
                #expect(realFields.count >= 2, "\(path): \(realOutput.stdout)")
                let removed = ["clusterName", "topologyKeys"]
                let missing = realFields.filter { ourFields[$0.key] != $0.value && !removed.contains($0.key) }
                #expect(missing.isEmpty, "\(path): real \(missing), ours \(ourFields)")
            }
        }
    }
}
