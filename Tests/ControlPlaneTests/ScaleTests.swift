import AsyncHTTPClient
import ControlPlane
import Foundation
import KubeModel
import Testing

@Suite struct ScaleTests {
    /// Many objects: writes from several clients at once, then GET and paginated LIST stay fast.
    @Test func manyObjects() async throws {
        try await TestServer.with { s in
            let count = 2000
            let createStarted = ContinuousClock.now
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<8 {
                    group.addTask {
                        for i in stride(from: worker, to: count, by: 8) {
                            _ = try await s.create(TestServer.pod("pod-\(i)", labels: ["n": "\(i % 10)"]), in: "/api/v1/namespaces/default/pods")
                        }
                    }
                }
                try await group.waitForAll()
            }
            let createTime = ContinuousClock.now - createStarted
            // Time the server only; parsing the replies (JSONValue in a debug build) is slow.
            var serverTime = Duration.zero
            func timed(_ path: String) async throws -> TestServer.Reply {
                let started = ContinuousClock.now
                let reply = try await s.request(.GET, path)
                serverTime += ContinuousClock.now - started
                #expect(reply.status == 200)
                return reply
            }
            let all = try await timed("/api/v1/pods")
            let selected = try await timed("/api/v1/namespaces/default/pods?labelSelector=n%3D3")
            _ = try await timed("/api/v1/namespaces/default/pods/pod-1234")
            var pages: [TestServer.Reply] = []
            var token: String? = nil
            repeat {
                let page = try await timed("/api/v1/pods?limit=500" + (token.map { "&continue=\($0)" } ?? ""))
                pages.append(page)
                let object = try? JSONSerialization.jsonObject(with: page.data) as? [String: Any]
                token = (object?["metadata"] as? [String: Any])?["continue"] as? String
            } while token != nil
            print("ScaleTests: \(count) creates in \(createTime), GET+LIST+pages in \(serverTime)")
            // Foundation's parser: much faster than decoding JSONValue in a debug build.
            func items(_ reply: TestServer.Reply) -> [[String: Any]] {
                let object = try? JSONSerialization.jsonObject(with: reply.data) as? [String: Any]
                return object?["items"] as? [[String: Any]] ?? []
            }
            let allItems = items(all)
            #expect(allItems.count == count)
            #expect(items(selected).count == count / 10)
            #expect(pages.count == count / 500)
            // Every resourceVersion is distinct.
            let rvs = allItems.compactMap { ($0["metadata"] as? [String: Any])?["resourceVersion"] as? String }
            #expect(Set(rvs).count == count)
        }
    }
}
