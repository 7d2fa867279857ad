import Foundation
import Testing

@testable import KubeModel

@Suite("Unknown fields survive a round trip")
struct UnknownFieldsTests {
    static let podJSON = """
        {
          "apiVersion": "v1", "kind": "Pod",
          "metadata": {"name": "web-0", "namespace": "default", "labels": {"app": "web"},
                       "managedFields": [{"manager": "kubectl", "operation": "Update"}]},
          "spec": {
            "containers": [
              {"name": "app", "image": "nginx:1.25", "stdin": true,
               "securityContext": {"runAsUser": 1000},
               "resources": {"requests": {"cpu": "100m"}, "claims": [{"name": "gpu"}]}},
              {"name": "sidecar", "image": "envoy:1", "livenessProbe": {"periodSeconds": 3}}
            ],
            "dnsPolicy": "ClusterFirst",
            "nodeSelector": {"disk": "ssd"},
            "affinity": {"nodeAffinity": {"requiredDuringSchedulingIgnoredDuringExecution":
                {"nodeSelectorTerms": [{"matchExpressions": [{"key": "zone", "operator": "In", "values": ["a"]}]}]}}},
            "volumes": [{"name": "data", "persistentVolumeClaim": {"claimName": "data-web-0"}},
                        {"name": "tmp", "emptyDir": {"medium": "Memory"}}],
            "futureField": {"nested": [1, 2.5, null, "x"]}
          },
          "status": {"phase": "Running", "qosClass": "Burstable"}
        }
        """

    @Test func decodeEncodeKeepsEveryField() throws {
        let pod = try KubeJSON.decode(Pod.self, from: Data(Self.podJSON.utf8))
        #expect(pod.spec?.containers.map(\.name) == ["app", "sidecar"])
        let reencoded = try KubeJSON.encodeToValue(pod)
        #expect(reencoded == (try KubeJSON.parse(Data(Self.podJSON.utf8))))
    }

    @Test func changingAKnownFieldKeepsTheUnknownOnes() throws {
        var pod = try KubeJSON.decode(Pod.self, from: Data(Self.podJSON.utf8))
        pod.spec?.containers[0].image = "nginx:1.26"
        pod.spec?.nodeSelector = nil
        let value = try KubeJSON.encodeToValue(pod)
        let app = value[path: ["spec", "containers"]]?.arrayValue?.first
        #expect(app?["image"] == "nginx:1.26")
        #expect(app?["stdin"] == true)
        #expect(app?[path: ["securityContext", "runAsUser"]] == 1000)
        #expect(app?[path: ["resources", "claims"]] == [["name": "gpu"]])
        #expect(value[path: ["spec", "nodeSelector"]] == nil, "a known field set to nil is removed")
        #expect(value[path: ["spec", "futureField", "nested"]] == [1, 2.5, nil, "x"])
        #expect(value[path: ["metadata", "managedFields"]] != nil)
        #expect(value[path: ["status", "qosClass"]] == "Burstable")
    }

    @Test func unknownFieldsFollowTheirContainerByName() throws {
        var pod = try KubeJSON.decode(Pod.self, from: Data(Self.podJSON.utf8))
        pod.spec?.containers.removeFirst()
        pod.spec?.containers.append(Container(name: "new", image: "busybox"))
        let containers = try KubeJSON.encodeToValue(pod)[path: ["spec", "containers"]]?.arrayValue ?? []
        #expect(containers.count == 2)
        #expect(containers[0]["name"] == "sidecar")
        #expect(containers[0][path: ["livenessProbe", "periodSeconds"]] == 3)
        #expect(containers[1] == ["name": "new", "image": "busybox"], "no fields of the removed container leak")
    }

    @Test func listsKeepUnknownFieldsOfEveryItem() throws {
        let listJSON = "{\"kind\":\"PodList\",\"metadata\":{\"resourceVersion\":\"7\"},\"items\":[\(Self.podJSON)]}"
        let list = try ResourceList<Pod>.decode(from: Data(listJSON.utf8))
        #expect(list.metadata.resourceVersion == "7")
        #expect(try KubeJSON.encodeToValue(list.items[0])[path: ["spec", "dnsPolicy"]] == "ClusterFirst")
    }

    /// Past a few dozen read fields the decoder's read marks switch to a hashed index: large maps and
    /// long arrays must keep exactly the fields no model declares.
    @Test func largeMapsAndLongArraysKeepTheirUnknownFields() throws {
        var labels: JSONObject = [:]
        for index in 0..<40 { labels["label-\(index)"] = .string("v\(index)") }
        let containers: [JSONValue] = (0..<30).map { index in
            ["name": .string("c\(index)"), "image": "busybox", "futureField": .int(Int64(index))]
        }
        var resources: JSONObject = [:]
        for index in 0..<20 { resources["example.com/r\(index)"] = .string("\(index)") }
        var container = containers[0]
        container["resources"] = ["requests": .object(resources), "futureLimit": true]
        var allContainers = containers
        allContainers[0] = container
        let raw: JSONValue = [
            "apiVersion": "v1", "kind": "Pod",
            "metadata": ["name": "big", "namespace": "default", "labels": .object(labels)],
            "spec": ["containers": .array(allContainers), "futureSpec": ["a": 1]],
        ]
        let pod = try KubeJSON.decode(Pod.self, from: raw)
        #expect(pod.metadata.labels?.count == 40)
        #expect(pod.spec?.containers.count == 30)
        #expect(try KubeJSON.encodeToValue(pod) == raw)
    }

    @Test func typeMetaIsFilled() throws {
        var node = Node(metadata: ObjectMeta(name: "n1"))
        node.apiVersion = nil
        node.kind = nil
        node.fillTypeMeta()
        #expect(node.apiVersion == "v1" && node.kind == "Node")
        let lease = Lease(metadata: ObjectMeta(name: "x", namespace: "kube-node-lease"))
        #expect(try KubeJSON.encodeToValue(lease)["apiVersion"] == "coordination.k8s.io/v1")
    }
}
