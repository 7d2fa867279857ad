import ControlPlane
import Foundation
import KubeModel
import Testing

/// kubectl against custom resources, over HTTPS as a user runs it: apply a CRD and a custom resource with
/// default validation, printer columns, scale, the status subresource, invalid objects, deletion.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/kubectl"), "kubectl is not installed at /usr/bin/kubectl"))
struct CustomResourceKubectlTests {
    static let definition = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: statefulpodsets.stead.dev
        spec:
          group: stead.dev
          scope: Namespaced
          names: {plural: statefulpodsets, singular: statefulpodset, kind: StatefulPodSet, shortNames: [sps], categories: [all]}
          versions:
          - name: v1alpha1
            served: true
            storage: true
            subresources:
              status: {}
              scale: {specReplicasPath: .spec.replicas, statusReplicasPath: .status.replicas, labelSelectorPath: .status.selector}
            additionalPrinterColumns:
            - {name: Replicas, type: integer, jsonPath: .spec.replicas}
            - {name: Ready, type: integer, jsonPath: .status.readyReplicas}
            - {name: Policy, type: string, jsonPath: .spec.podManagementPolicy}
            - {name: Service, type: string, jsonPath: .spec.serviceName, priority: 1}
            - {name: Age, type: date, jsonPath: .metadata.creationTimestamp}
            schema:
              openAPIV3Schema:
                type: object
                required: [spec]
                properties:
                  spec:
                    type: object
                    required: [template]
                    properties:
                      replicas: {type: integer, minimum: 0, maximum: 100, default: 1}
                      serviceName: {type: string}
                      podManagementPolicy: {type: string, enum: [OrderedReady, Parallel], default: OrderedReady}
                      template: {type: object, x-kubernetes-preserve-unknown-fields: true}
                  status:
                    type: object
                    properties:
                      replicas: {type: integer}
                      readyReplicas: {type: integer}
                      selector: {type: string}
        """

    static func statefulPodSet(_ name: String, spec: String) -> String {
        """
        apiVersion: stead.dev/v1alpha1
        kind: StatefulPodSet
        metadata:
          name: \(name)
          namespace: default
        spec:
        \(spec)
        """
    }

    struct Kubectl {
        let kubeconfig: String
        let directory: String

        func run(_ arguments: String..., expect code: Int32 = 0, sourceLocation: SourceLocation = #_sourceLocation)
            async throws -> KubectlTests.Run
        {
            let result = try await KubectlTests.kubectl(arguments, kubeconfig: kubeconfig)
            #expect(
                result.status == code, "kubectl \(arguments.joined(separator: " ")): \(result.output) \(result.error)",
                sourceLocation: sourceLocation)
            return result
        }

        func apply(_ yaml: String, expect code: Int32 = 0, sourceLocation: SourceLocation = #_sourceLocation)
            async throws -> KubectlTests.Run
        {
            let file = directory + "/manifest-\(UUID().uuidString).yaml"
            try yaml.write(toFile: file, atomically: true, encoding: .utf8)
            return try await run("apply", "-f", file, expect: code, sourceLocation: sourceLocation)
        }

        func object(_ arguments: String...) async throws -> JSONValue {
            let result = try await KubectlTests.kubectl(arguments + ["-o", "json"], kubeconfig: kubeconfig)
            return (try? KubeJSON.parse(Data(result.output.utf8))) ?? .null
        }
    }

    @Test func crdLifecycleThroughKubectl() async throws {
        try await TestServer.with(configure: { $0.tls = true }) { s in
            let kubeconfig = s.directory + "/kubeconfig"
            try s.server.writeKubeconfig(to: kubeconfig)
            let k = Kubectl(kubeconfig: kubeconfig, directory: s.directory)
            _ = try await k.apply(Self.definition)
            _ = try await k.run("wait", "--for=condition=Established", "crd/statefulpodsets.stead.dev", "--timeout=60s")

            let web = Self.statefulPodSet("web", spec: "  replicas: 2\n  template: {spec: {containers: [{name: app, image: nginx}]}}")
            _ = try await k.apply(web)
            let table = try await k.run("get", "statefulpodsets")
            #expect(table.output.contains("REPLICAS"))
            #expect(table.output.contains("POLICY"))
            #expect(table.output.contains("AGE"))
            #expect(!table.output.contains("SERVICE"))
            let row = table.output.split(separator: "\n").first { $0.hasPrefix("web ") }.map(String.init) ?? ""
            #expect(row.split(separator: " ", omittingEmptySubsequences: true).prefix(2) == ["web", "2"], "\(table.output)")
            #expect(row.contains("OrderedReady"))
            let wide = try await k.run("get", "sps", "-o", "wide")
            #expect(wide.output.contains("SERVICE"))

            _ = try await k.run("scale", "sps/web", "--replicas=5")
            let scaled = try await k.object("get", "sps", "web")
            #expect(scaled[path: ["spec", "replicas"]] == 5)
            #expect(scaled[path: ["metadata", "generation"]] == 2)

            _ = try await k.run(
                "patch", "sps", "web", "--subresource=status", "--type=merge",
                "-p", #"{"status":{"replicas":5,"readyReplicas":3},"spec":{"replicas":9}}"#)
            let patched = try await k.object("get", "sps", "web")
            #expect(patched[path: ["status", "readyReplicas"]] == 3)
            #expect(patched[path: ["spec", "replicas"]] == 5)
            #expect(patched[path: ["metadata", "generation"]] == 2)

            // A second apply with a change: a three-way merge keeps what kubectl scale wrote.
            _ = try await k.apply(
                Self.statefulPodSet("web", spec: "  replicas: 2\n  serviceName: web\n  template: {spec: {containers: [{name: app, image: nginx}]}}"))
            let reapplied = try await k.object("get", "sps", "web")
            #expect(reapplied[path: ["spec", "serviceName"]] == "web")
            #expect(reapplied[path: ["status", "readyReplicas"]] == 3)

            let wrongType = try await k.apply(
                Self.statefulPodSet("bad", spec: "  replicas: two\n  template: {}"), expect: 1)
            #expect(wrongType.error.contains("spec.replicas"), "\(wrongType.error)")
            #expect(wrongType.error.contains("must be of type integer"), "\(wrongType.error)")
            let missing = try await k.apply(Self.statefulPodSet("bad", spec: "  replicas: 1"), expect: 1)
            #expect(missing.error.contains("spec.template: Required value"), "\(missing.error)")
            let outOfRange = try await k.apply(
                Self.statefulPodSet("bad", spec: "  replicas: 101\n  template: {}"), expect: 1)
            #expect(outOfRange.error.contains("spec.replicas"), "\(outOfRange.error)")
            #expect(outOfRange.error.contains("less than or equal to 100"), "\(outOfRange.error)")
            _ = try await k.run("get", "sps", "bad", expect: 1)

            _ = try await k.run("delete", "crd", "statefulpodsets.stead.dev")
            let gone = try await k.run("get", "statefulpodsets", expect: 1)
            #expect(gone.error.contains("statefulpodsets"), "\(gone.error)")
            _ = try await k.apply(Self.definition)
            _ = try await k.run("wait", "--for=condition=Established", "crd/statefulpodsets.stead.dev", "--timeout=60s")
            let empty = try await k.run("get", "sps", "-o", "name")
            #expect(empty.output.isEmpty, "objects survived their CRD: \(empty.output)")
        }
    }
}
