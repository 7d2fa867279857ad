import KubeModel
import Testing

@testable import ControlPlane

@Suite("Resource registry lookups")
struct ResourceRegistryTests {
    static func widget(_ version: String) -> ResourceInfo {
        ResourceInfo(
            ResourceType(group: "example.com", version: version, kind: "Widget", plural: "widgets", namespaced: true))
    }

    @Test func ownerReferencesAndStorageKeysFindEveryServedVersion() {
        let registry = ResourceRegistry([])
        registry.register(Self.widget("v1"))
        registry.register(Self.widget("v2"))
        #expect(registry.resource(apiVersion: "example.com/v2", kind: "Widget")?.type.version == "v2")
        #expect(registry.resource(apiVersion: "example.com/v9", kind: "Widget")?.type.version == "v1", "another version of the kind")
        #expect(registry.resource(apiVersion: "example.com/v1", kind: "Gadget") == nil)
        #expect(registry.resource(storageKey: "example.com/widgets")?.type.plural == "widgets")

        registry.unregister(Self.widget("v1").type)
        #expect(registry.resource(apiVersion: "example.com/v1", kind: "Widget")?.type.version == "v2")
        #expect(registry.resource(storageKey: "example.com/widgets")?.type.version == "v2")

        registry.unregister(Self.widget("v2").type)
        #expect(registry.resource(apiVersion: "example.com/v2", kind: "Widget") == nil)
        #expect(registry.resource(storageKey: "example.com/widgets") == nil)
    }

    @Test func coreResourcesByVersionAlone() {
        let registry = ResourceRegistry()
        #expect(registry.resource(apiVersion: "v1", kind: "Pod")?.storageKey == "/pods")
        #expect(registry.resource(apiVersion: "apps/v1", kind: "ControllerRevision")?.type.plural == "controllerrevisions")
    }

    @Test func registeringAgainReplacesTheVersion() {
        let registry = ResourceRegistry([])
        registry.register(Self.widget("v1"))
        var changed = Self.widget("v1")
        changed.shortNames = ["wd"]
        registry.register(changed)
        #expect(registry.resource(storageKey: "example.com/widgets")?.shortNames == ["wd"])
        registry.unregister(changed.type)
        #expect(registry.resource(storageKey: "example.com/widgets") == nil)
    }
}
