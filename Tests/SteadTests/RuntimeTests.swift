import Foundation
import KubeModel
import SteadRuntime
import Testing

@testable import stead

@Suite("stead runtime pieces")
struct RuntimeTests {
    @Test(arguments: [
        ("127.0.0.1:8080", "127.0.0.1", 8080), ("0.0.0.0:0", "0.0.0.0", 0), ("[::1]:9090", "::1", 9090),
        ("localhost:65535", "localhost", 65535),
    ])
    func listenAddressParses(text: String, host: String, port: Int) throws {
        let address = try #require(ListenAddress(argument: text))
        #expect(address.host == host && address.port == port)
        #expect(address.description == text)
    }

    @Test(arguments: ["8080", ":8080", "host:", "host:http", "host:70000", "host:-1"])
    func listenAddressRejects(text: String) {
        #expect(ListenAddress(argument: text) == nil)
    }

    @Test func readinessNeedsEveryRequiredCheck() {
        let readiness = Readiness()
        #expect(readiness.pending == ["starting"])
        readiness.require("scheduler")
        readiness.require("controller")
        #expect(readiness.pending == ["controller", "scheduler"])
        readiness.markReady("scheduler")
        #expect(readiness.pending == ["controller"])
        readiness.markReady("controller")
        #expect(readiness.isReady)
        readiness.require("controller")
        #expect(!readiness.isReady)
        readiness.release("controller")
        #expect(readiness.isReady)
    }

    @Test func jsonLogLinesAreOneObjectEach() throws {
        let data = JSONLogHandler.line(
            time: Date(timeIntervalSince1970: 0), level: .warning, label: "stead.run", message: "lost \"the\" lease",
            metadata: ["lease": "default/stead", "msg": "metadata cannot hide the message"])
        #expect(data.last == 0x0A)
        #expect(data.dropLast().contains(0x0A) == false)
        let object = try JSONValue.parse(data.dropLast())
        #expect(object["level"] == "warning")
        #expect(object["logger"] == "stead.run")
        #expect(object["msg"] == "lost \"the\" lease")
        #expect(object["lease"] == "default/stead")
        #expect(object["time"]?.stringValue?.hasPrefix("1970-01-01T00:00:00") == true)
    }

    @Test func yamlKeepsStringsThatLookLikeOtherTypesAsStrings() throws {
        let yaml = try YAMLDocuments.render([
            ["apiVersion": "v1", "kind": "ConfigMap", "data": ["count": "8", "flag": "true", "empty": "", "none": "null"],
             "spec": ["replicas": 2, "on": true]],
            ["kind": "Second"],
        ])
        #expect(yaml.hasPrefix("apiVersion: v1\nkind: ConfigMap\n"))
        #expect(yaml.contains("count: '8'") && yaml.contains("flag: 'true'") && yaml.contains("none: 'null'"))
        #expect(yaml.contains("replicas: 2") && yaml.contains("'on': true"))
        #expect(yaml.contains("---\nkind: Second\n"))
    }
}
