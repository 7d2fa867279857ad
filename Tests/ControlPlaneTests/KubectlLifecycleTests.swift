import ControlPlane
import Foundation
import KubeModel
import Testing

private let kubectlInstalled = FileManager.default.isExecutableFile(atPath: "/usr/bin/kubectl")

/// kubectl apply (three-way), edit, patch, describe, get -o wide and delete --cascade against the
/// server over HTTPS, as a user runs them.
@Suite(.enabled(if: kubectlInstalled, "kubectl is not installed at /usr/bin/kubectl"))
struct KubectlLifecycleTests {
    /// A TLS server with a kubeconfig, and a runner that checks kubectl's exit code.
    struct Session {
        let server: TestServer
        let kubeconfig: String

        @discardableResult
        func run(
            _ arguments: String..., environment: [String: String] = [:], expect code: Int32 = 0,
            sourceLocation: SourceLocation = #_sourceLocation
        ) async throws -> KubectlTests.Run {
            let result = try await KubectlTests.kubectl(arguments, kubeconfig: kubeconfig, environment: environment)
            #expect(
                result.status == code, "kubectl \(arguments.joined(separator: " ")): \(result.error)",
                sourceLocation: sourceLocation)
            return result
        }

        func json(_ arguments: String...) async throws -> JSONValue {
            let result = try await KubectlTests.kubectl(arguments + ["-o", "json"], kubeconfig: kubeconfig)
            guard result.status == 0 else { throw TestFailure("kubectl \(arguments): \(result.error)") }
            return try KubeJSON.parse(Data(result.output.utf8))
        }

        func file(_ name: String, _ text: String) throws -> String {
            let path = server.directory + "/" + name
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
    }

    static func withSession(_ body: (Session) async throws -> Void) async throws {
        try await TestServer.with(configure: { $0.tls = true }) { s in
            let kubeconfig = s.directory + "/kubeconfig"
            try s.server.writeKubeconfig(to: kubeconfig)
            try await body(Session(server: s, kubeconfig: kubeconfig))
        }
    }

    static func pod(labels: String, image: String) -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: three
          namespace: default
          labels: {\(labels)}
        spec:
          containers:
          - {name: app, image: "\(image)"}
          - {name: side, image: "envoy:1"}
        """
    }

    @Test func applyTwiceMergesThreeWays() async throws {
        try await Self.withSession { k in
            try await k.run("apply", "-f", try k.file("v1.yaml", Self.pod(labels: "app: three, old: \"yes\"", image: "nginx:1.25")))
            try await k.run("label", "pod", "three", "extra=kept")
            try await k.run("apply", "-f", try k.file("v2.yaml", Self.pod(labels: "app: three", image: "nginx:1.26")))
            let pod = try await k.json("get", "pod", "three")
            // Removed from the manifest: gone. Added by someone else: kept. Changed: changed.
            #expect(pod[path: ["metadata", "labels"]] == ["app": "three", "extra": "kept"])
            #expect(pod[path: ["spec", "containers"]]?.arrayValue?.map { $0["image"] } == ["nginx:1.26", "envoy:1"])
            let applied = pod[path: ["metadata", "annotations", "kubectl.kubernetes.io/last-applied-configuration"]]?.stringValue ?? ""
            #expect(try KubeJSON.parse(Data(applied.utf8))[path: ["metadata", "labels"]] == ["app": "three"])

            // The same manifest applied server-side: its values are the ones client-side apply set, so
            // nothing conflicts and nothing changes.
            let serverSide = try await k.run("apply", "--server-side", "-f", k.server.directory + "/v2.yaml")
            #expect(serverSide.output.contains("pod/three serverside-applied"), "\(serverSide.output)")
            let after = try await k.json("get", "pod", "three")
            #expect(after[path: ["metadata", "labels"]] == ["app": "three", "extra": "kept"])
        }
    }

    @Test func editAndEachPatchType() async throws {
        try await Self.withSession { k in
            try await k.run("apply", "-f", try k.file("v1.yaml", Self.pod(labels: "app: three", image: "nginx:1.25")))
            try await k.run("edit", "pod", "three", environment: ["EDITOR": "sed -i s/envoy:1/envoy:2/", "KUBE_EDITOR": ""])
            try await k.run("patch", "pod", "three", "--type", "merge", "-p", #"{"metadata":{"labels":{"m":"1"}}}"#)
            try await k.run("patch", "pod", "three", "--type", "json", "-p", #"[{"op":"add","path":"/metadata/labels/j","value":"2"}]"#)
            try await k.run("patch", "pod", "three", "--type", "strategic", "-p", #"{"spec":{"containers":[{"name":"app","image":"nginx:1.27"}]}}"#)
            let pod = try await k.json("get", "pod", "three")
            #expect(pod[path: ["metadata", "labels"]] == ["app": "three", "m": "1", "j": "2"])
            #expect(pod[path: ["spec", "containers"]]?.arrayValue?.map { $0["image"] } == ["nginx:1.27", "envoy:2"])
        }
    }

    @Test func describeShowsEventsAndWideColumns() async throws {
        try await Self.withSession { k in
            try await k.run("apply", "-f", try k.file("objects.yaml", """
                apiVersion: v1
                kind: Node
                metadata: {name: node-1}
                status:
                  addresses: [{type: InternalIP, address: 10.0.0.7}]
                  nodeInfo: {kubeletVersion: v1.32.0, osImage: SimOS, kernelVersion: "6.1", containerRuntimeVersion: "sim://1"}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: default}
                spec:
                  nodeName: node-1
                  containers: [{name: app, image: "nginx:1.25"}]
                """))
            let uid = try await k.json("get", "pod", "web")[path: ["metadata", "uid"]]?.stringValue ?? ""
            try await k.run("create", "-f", try k.file("event.yaml", """
                apiVersion: v1
                kind: Event
                metadata: {name: web.1, namespace: default}
                involvedObject: {apiVersion: v1, kind: Pod, name: web, namespace: default, uid: "\(uid)"}
                reason: Placed
                message: placed on node-1 by the sticky path
                type: Normal
                source: {component: stead-scheduler}
                firstTimestamp: "2026-01-01T00:00:00Z"
                lastTimestamp: "2026-01-01T00:00:00Z"
                count: 1
                """))
            let described = try await k.run("describe", "pod", "web")
            #expect(described.output.contains("Events:"))
            #expect(described.output.contains("placed on node-1 by the sticky path"))
            #expect(described.output.contains("stead-scheduler"))
            let bySource = try await k.run("get", "events", "--field-selector", "source=stead-scheduler,reason=Placed", "-o", "name")
            #expect(bySource.output.contains("web.1"))

            let pods = try await k.run("get", "pods", "-o", "wide")
            #expect(pods.output.contains("NOMINATED NODE") && pods.output.contains("node-1"))
            let nodes = try await k.run("get", "nodes", "-o", "wide")
            #expect(nodes.output.contains("INTERNAL-IP") && nodes.output.contains("10.0.0.7") && nodes.output.contains("SimOS"))
        }
    }

    @Test func deleteCascadeVariants() async throws {
        try await Self.withSession { k in
            let policies = ["background", "foreground", "orphan"]
            try await k.run("apply", "-f", try k.file("owners.yaml", policies.map { "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: owner-\($0)}\n" }.joined(separator: "---\n")))
            var dependents: [String] = []
            for policy in policies {
                let uid = try await k.json("get", "configmap", "owner-\(policy)")[path: ["metadata", "uid"]]?.stringValue ?? ""
                for index in 1...3 {
                    dependents.append("""
                        apiVersion: v1
                        kind: ConfigMap
                        metadata:
                          name: \(policy)-\(index)
                          ownerReferences: [{apiVersion: v1, kind: ConfigMap, name: owner-\(policy), uid: "\(uid)", blockOwnerDeletion: true}]
                        """)
                }
            }
            try await k.run("create", "-f", try k.file("dependents.yaml", dependents.joined(separator: "\n---\n")))
            func names() async throws -> Set<String> {
                let list = try await k.json("get", "configmaps")["items"]?.arrayValue ?? []
                return Set(list.compactMap { $0[path: ["metadata", "name"]]?.stringValue })
            }

            try await k.run("delete", "configmap", "owner-foreground", "--cascade=foreground")
            // kubectl waited for the owner, which waited for its blocking dependents.
            #expect(try await names().isDisjoint(with: ["foreground-1", "foreground-2", "foreground-3"]))

            try await k.run("delete", "configmap", "owner-background", "--cascade=background")
            try await k.server.waitUntil("background dependents collected") {
                try await names().isDisjoint(with: ["background-1", "background-2", "background-3"])
            }

            try await k.run("delete", "configmap", "owner-orphan", "--cascade=orphan")
            #expect(try await names() == ["orphan-1", "orphan-2", "orphan-3"])
            for index in 1...3 {
                let orphan = try await k.json("get", "configmap", "orphan-\(index)")
                #expect(orphan[path: ["metadata", "ownerReferences"]] == nil)
            }
        }
    }

    @Test func namespaceDeletionAndAGenerator() async throws {
        try await Self.withSession { k in
            try await k.run("apply", "-f", try k.file("ns.yaml", """
                apiVersion: v1
                kind: Namespace
                metadata: {name: shop}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings, namespace: shop}
                data: {a: "1"}
                """))
            try await k.run("delete", "namespace", "shop")
            try await k.run("get", "namespace", "shop", expect: 1)
            // kubectl's generators send protobuf.
            try await k.run("create", "namespace", "generated")
            let generator = try await k.run("create", "configmap", "x", "--from-literal=a=b", "-n", "generated")
            #expect(generator.output.contains("configmap/x created"))
        }
    }
}
