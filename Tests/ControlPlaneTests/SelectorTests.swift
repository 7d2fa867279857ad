import ControlPlane
import Foundation
import KubeModel
import Testing

@Suite struct LabelSelectorTests {
    let labels = ["app": "web", "tier": "front", "version": "3"]

    func matches(_ text: String, _ labels: [String: String]? = nil) throws -> Bool {
        try LabelSelectorExpression(parsing: text).matches(labels ?? self.labels)
    }

    @Test func equality() throws {
        #expect(try matches("app=web"))
        #expect(try matches("app==web"))
        #expect(try !matches("app=db"))
        #expect(try matches("app!=db"))
        #expect(try !matches("app!=web"))
        #expect(try matches("missing!=x"))
    }

    @Test func sets() throws {
        #expect(try matches("tier in (front, back)"))
        #expect(try !matches("tier in (back)"))
        #expect(try matches("tier notin (back,middle)"))
        #expect(try !matches("tier notin (front)"))
        #expect(try matches("missing notin (a)"))
        #expect(try !matches("missing in (a)"))
    }

    @Test func existence() throws {
        #expect(try matches("app"))
        #expect(try !matches("!app"))
        #expect(try matches("!missing"))
        #expect(try !matches("missing"))
    }

    @Test func conjunctionAndNumbers() throws {
        #expect(try matches("app=web,tier in (front),!missing"))
        #expect(try !matches("app=web,tier=back"))
        #expect(try matches("version>2"))
        #expect(try !matches("version<2"))
        #expect(try matches(""))
        #expect(try matches("example.com/role!=x"))
    }

    @Test(arguments: ["app=", "=web", "app in web", "app in ()", "app=a=b", "app,,", "app in (a", "a b", "app=web,", "Bad Key=x", "app=-bad"])
    func malformed(_ text: String) {
        if text == "app=" {
            // An empty value is allowed by Kubernetes.
            #expect((try? LabelSelectorExpression(parsing: text)) != nil)
            return
        }
        #expect(throws: Status.self) { try LabelSelectorExpression(parsing: text) }
        do {
            _ = try LabelSelectorExpression(parsing: text)
        } catch {
            #expect(error.code == 400)
        }
    }
}

@Suite struct FieldSelectorTests {
    let pod: JSONValue = [
        "metadata": ["name": "p1", "namespace": "ns"], "spec": ["nodeName": "n1", "schedulerName": "default-scheduler"],
        "status": ["phase": "Running"],
    ]

    func matches(_ text: String) throws -> Bool { try FieldSelectorExpression(parsing: text).matches(pod) }

    @Test func operators() throws {
        #expect(try matches("metadata.name=p1"))
        #expect(try matches("metadata.name==p1"))
        #expect(try matches("metadata.namespace!=other"))
        #expect(try matches("spec.nodeName=n1,status.phase=Running"))
        #expect(try !matches("spec.nodeName="))
        #expect(try matches("spec.schedulerName=default-scheduler"))
        #expect(try !matches("status.phase!=Running"))
        #expect(try matches("spec.missing="))
        #expect(try matches(""))
    }

    @Test func malformed() {
        #expect(throws: Status.self) { try FieldSelectorExpression(parsing: "metadata.name") }
        #expect(throws: Status.self) { try FieldSelectorExpression(parsing: "=x") }
        #expect(throws: Status.self) { try FieldSelectorExpression(parsing: "a=b=c") }
    }
}

@Suite struct SelectorHTTPTests {
    @Test func listWithSelectors() async throws {
        try await TestServer.with { s in
            for (name, app, node) in [("a", "web", "n1"), ("b", "web", "n2"), ("c", "db", "n1")] {
                _ = try await s.create(TestServer.pod(name, labels: ["app": app], node: node), in: "/api/v1/namespaces/default/pods")
            }
            func names(_ query: String) async throws -> [String] {
                let reply = try await s.request(.GET, "/api/v1/pods?\(query)")
                #expect(reply.status == 200)
                return (reply.json["items"]?.arrayValue ?? []).compactMap { $0[path: ["metadata", "name"]]?.stringValue }.sorted()
            }
            #expect(try await names("labelSelector=app%3Dweb") == ["a", "b"])
            #expect(try await names("labelSelector=app+in+(db,cache)") == ["c"])
            #expect(try await names("labelSelector=app!%3Dweb") == ["c"])
            #expect(try await names("fieldSelector=spec.nodeName%3Dn1") == ["a", "c"])
            #expect(try await names("labelSelector=app%3Dweb&fieldSelector=spec.nodeName%3Dn1") == ["a"])
            #expect(try await names("fieldSelector=status.phase%3DPending") == ["a", "b", "c"])
            #expect(try await names("fieldSelector=spec.schedulerName%3Ddefault-scheduler,spec.nodeName%3Dn2") == ["b"])
            #expect(try await names("fieldSelector=spec.nodeName%3D") == [])
            let bad = try await s.request(.GET, "/api/v1/pods?labelSelector=app+in+web")
            #expect(bad.status == 400)
            #expect(bad.reason == "BadRequest")
            let badField = try await s.request(.GET, "/api/v1/pods?fieldSelector=nonsense")
            #expect(badField.status == 400)
            let ok = try await s.request(.GET, "/api/v1/namespaces/default/pods")
            #expect(ok.status == 200)
        }
    }
}
