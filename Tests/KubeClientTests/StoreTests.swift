import KubeModel
import Testing

@testable import KubeClient

@Suite("Store")
struct StoreTests {
    func object(_ name: String, namespace: String = "ns", rv: String = "1", owner: String? = nil, node: String? = nil) -> ConfigMap {
        var map = configMap(name, namespace: namespace, data: node.map { ["node": $0] })
        map.metadata.resourceVersion = rv
        if let owner {
            map.metadata.ownerReferences = [OwnerReference(apiVersion: "apps/v1", kind: "X", name: "o", uid: owner, controller: true)]
        }
        return map
    }

    @Test func indexesFollowChanges() async {
        let store = Store<ConfigMap>()
        await store.addIndex("node") { $0.data?["node"].map { [$0] } ?? [] }
        await store.upsert(object("a", owner: "u1", node: "n1"))
        await store.upsert(object("b", namespace: "other", owner: "u1", node: "n2"))
        await store.upsert(object("c", node: "n1"))
        #expect(await store.byNamespace("ns").map(\.name).sorted() == ["a", "c"])
        #expect(await store.byOwner(uid: "u1").map(\.name).sorted() == ["a", "b"])
        #expect(await store.byIndex("node", "n1").map(\.name).sorted() == ["a", "c"])

        await store.upsert(object("a", rv: "2", node: "n2"))  // moves node, loses owner
        #expect(await store.byIndex("node", "n1").map(\.name) == ["c"])
        #expect(await store.byIndex("node", "n2").map(\.name).sorted() == ["a", "b"])
        #expect(await store.byOwner(uid: "u1").map(\.name) == ["b"])

        await store.upsert(object("c", rv: "3", node: "n1"))  // indexed values unchanged
        #expect(await store.byIndex("node", "n1").map { $0.metadata.resourceVersion } == ["3"])
        #expect(await store.byNamespace("ns").map(\.name).sorted() == ["a", "c"])

        await store.remove(key: "other/b")
        #expect(await store.byIndex("node", "n2").map(\.name) == ["a"])
        #expect(await store.indexValues("node").sorted() == ["n1", "n2"])
        #expect(await store.get(ObjectKey(namespace: "ns", name: "a"))?.metadata.resourceVersion == "2")

        // An index added later covers existing objects.
        await store.addIndex("rv") { [$0.metadata.resourceVersion ?? ""] }
        #expect(await store.byIndex("rv", "2").map(\.name) == ["a"])
        #expect(await store.byIndex("missing-index", "x").isEmpty)
    }

    @Test func replaceReportsDifferences() async {
        let store = Store<ConfigMap>()
        await store.upsert(object("keep", rv: "1"))
        await store.upsert(object("change", rv: "1"))
        await store.upsert(object("gone", rv: "1", node: "n1"))
        await store.addIndex("node") { $0.data?["node"].map { [$0] } ?? [] }
        let changes = await store.replace(with: [object("keep", rv: "1"), object("change", rv: "5"), object("new", rv: "6")])
        #expect(changes.added.map(\.name) == ["new"])
        #expect(changes.updated.map { $0.0.metadata.resourceVersion! + "->" + $0.1.metadata.resourceVersion! } == ["1->5"])
        #expect(changes.deleted.map(\.name) == ["gone"])
        #expect(await store.count == 3)
        #expect(await store.byIndex("node", "n1").isEmpty)
    }
}
