import AsyncHTTPClient
@testable import ControlPlane
import Foundation
import KubeModel
import Testing

@Suite struct PaginationTests {
    @Test func pagesThroughEverythingConsistently() async throws {
        try await TestServer.with { s in
            for i in 0..<25 {
                _ = try await s.create(TestServer.configMap("cm-\(i)"), in: "/api/v1/namespaces/default/configmaps")
            }
            var seen: [String] = []
            var token: String?
            var listRV: String?
            var pages = 0
            repeat {
                var path = "/api/v1/namespaces/default/configmaps?limit=10"
                if let token { path += "&continue=\(token)" }
                let reply = try await s.request(.GET, path)
                #expect(reply.status == 200)
                #expect(reply.json["kind"] == "ConfigMapList")
                let rv = reply.json[path: ["metadata", "resourceVersion"]]?.stringValue
                if listRV == nil { listRV = rv } else { #expect(rv == listRV) }
                seen += (reply.json["items"]?.arrayValue ?? []).compactMap { $0[path: ["metadata", "name"]]?.stringValue }
                token = reply.json[path: ["metadata", "continue"]]?.stringValue
                pages += 1
                if pages == 1 {
                    // Changes after the first page do not show in later pages.
                    _ = try await s.create(TestServer.configMap("cm-zz"), in: "/api/v1/namespaces/default/configmaps")
                    _ = try await s.request(.DELETE, "/api/v1/namespaces/default/configmaps/cm-9")
                }
            } while token != nil && pages < 10
            #expect(pages == 3)
            #expect(seen.count == 25)
            #expect(Set(seen).count == 25)
            #expect(seen.contains("cm-9"))
            #expect(!seen.contains("cm-zz"))
            // The list's resourceVersion is the global one at the time of the list.
            let all = try await s.request(.GET, "/api/v1/configmaps")
            #expect(all.json["items"]?.arrayValue?.count == 25)
            let bad = try await s.request(.GET, "/api/v1/configmaps?limit=5&continue=garbage!!")
            #expect(bad.status == 400)
        }
    }

    @Test func continueTooOldIsExpired() async throws {
        try await TestServer.with(configure: { $0.watchHistoryLimit = 3 }) { s in
            for i in 0..<4 { _ = try await s.create(TestServer.configMap("c\(i)"), in: "/api/v1/namespaces/default/configmaps") }
            let first = try await s.request(.GET, "/api/v1/namespaces/default/configmaps?limit=2")
            let token = first.json[path: ["metadata", "continue"]]?.stringValue ?? ""
            for i in 0..<5 { _ = try await s.create(TestServer.configMap("d\(i)"), in: "/api/v1/namespaces/default/configmaps") }
            let next = try await s.request(.GET, "/api/v1/namespaces/default/configmaps?limit=2&continue=\(token)")
            #expect(next.status == 410)
            #expect(next.reason == "Expired")
        }
    }
}

@Suite struct WatchTests {
    @Test func watchFromResourceVersionReplaysLaterEvents() async throws {
        try await TestServer.with { s in
            let a = try await s.create(TestServer.configMap("a"), in: "/api/v1/namespaces/default/configmaps")
            let b = try await s.create(TestServer.configMap("b"), in: "/api/v1/namespaces/default/configmaps")
            var changed = b
            changed["data"] = ["k": "changed"]
            _ = try await s.request(.PUT, "/api/v1/namespaces/default/configmaps/b", json: changed)
            _ = try await s.request(.DELETE, "/api/v1/namespaces/default/configmaps/a")
            _ = try await s.create(TestServer.pod("p"), in: "/api/v1/namespaces/default/pods")
            let result = try await s.watch(
                "/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=\(a.resourceVersion)", until: { $0.count >= 3 })
            #expect(result.status == 200)
            #expect(result.events.map(\.type) == [.added, .modified, .deleted])
            #expect(result.events.map { $0.object[path: ["metadata", "name"]]?.stringValue ?? "" } == ["b", "b", "a"])
            let rvs = result.events.map(\.object.rvNumber)
            #expect(rvs == rvs.sorted() && rvs[0] > a.rvNumber)
        }
    }

    @Test func watchWithoutVersionSendsCurrentThenLive() async throws {
        try await TestServer.with { s in
            _ = try await s.create(TestServer.configMap("a"), in: "/api/v1/namespaces/default/configmaps")
            let writer = Task {
                try await Task.sleep(for: .milliseconds(300))
                _ = try await s.create(TestServer.configMap("live"), in: "/api/v1/namespaces/default/configmaps")
            }
            let result = try await s.watch("/api/v1/configmaps?watch=true", until: { $0.count >= 2 })
            try await writer.value
            #expect(result.events.map(\.type) == [.added, .added])
            #expect(result.events.last?.object[path: ["metadata", "name"]] == "live")
        }
    }

    @Test func tooOldResourceVersionIsGone() async throws {
        try await TestServer.with(configure: { $0.watchHistoryLimit = 5 }) { s in
            let first = try await s.create(TestServer.configMap("c0"), in: "/api/v1/namespaces/default/configmaps")
            for i in 1..<10 { _ = try await s.create(TestServer.configMap("c\(i)"), in: "/api/v1/namespaces/default/configmaps") }
            // As kube-apiserver: the watch starts (200) and ends at once with one ERROR event, 410 Expired.
            let result = try await s.watch("/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=\(first.resourceVersion)")
            #expect(result.status == 200)
            #expect(result.events.map(\.type) == [.error])
            let status = try #require(result.events.first?.object)
            #expect(status["kind"] == "Status" && status["reason"] == "Expired" && status["code"] == 410)
            #expect(status["message"]?.stringValue?.hasPrefix("too old resource version: \(first.resourceVersion) (") == true)
        }
    }

    @Test func selectorTransitionsAndTimeout() async throws {
        try await TestServer.with { s in
            let pod = try await s.create(TestServer.pod("p", labels: ["app": "web"]), in: "/api/v1/namespaces/default/pods")
            var relabelled = pod
            relabelled["metadata"]?["labels"] = ["app": "db"]
            let moved = try await s.request(.PUT, "/api/v1/namespaces/default/pods/p", json: relabelled)
            var back = moved.json
            back["metadata"]?["labels"] = ["app": "web"]
            _ = try await s.request(.PUT, "/api/v1/namespaces/default/pods/p", json: back)
            let started = ContinuousClock.now
            let result = try await s.watch(
                "/api/v1/namespaces/default/pods?watch=1&labelSelector=app%3Dweb&resourceVersion=\(pod.resourceVersion)&timeoutSeconds=1")
            #expect(result.events.map(\.type) == [.deleted, .added])
            // A hang guard, not a timing check: the server ends the watch after timeoutSeconds=1.
            #expect(ContinuousClock.now - started < .seconds(60))
        }
    }

    @Test func bookmarks() async throws {
        try await TestServer.with(configure: { $0.watchBookmarkInterval = 0.2 }) { s in
            let result = try await s.watch(
                "/api/v1/pods?watch=1&allowWatchBookmarks=true&resourceVersion=0&timeoutSeconds=2",
                until: { $0.contains { $0.type == .bookmark } })
            let bookmark = try #require(result.events.first { $0.type == .bookmark })
            #expect(bookmark.object["kind"] == "Pod")
            #expect(bookmark.object["apiVersion"] == "v1")
            #expect(bookmark.object.rvNumber > 0)
        }
    }

    @Test func disconnectWatchersEndsStreams() async throws {
        try await TestServer.with { s in
            // Without timeoutSeconds the watch lasts 30 minutes unless the disconnect ends it; the
            // watch's own 20 s guard fails the test otherwise.
            async let watched = s.watch("/api/v1/pods?watch=1", timeout: .seconds(20))
            // A disconnect that comes before the server holds the watch has nothing to end.
            let deadline = ContinuousClock.now + .seconds(20)
            while s.server.store.watcherCount == 0 {
                guard ContinuousClock.now < deadline else { throw TestFailure("the watch never reached the server") }
                try await Task.sleep(for: .milliseconds(10))
            }
            await s.server.disconnectWatchers()
            let result = try await watched
            #expect(result.status == 200)
            let after = try await s.request(.GET, "/api/v1/pods")
            #expect(after.status == 200)
        }
    }

    @Test func slowWatcherIsClosedWithoutBlockingWriters() async throws {
        try await TestServer.with(configure: { $0.watchBufferSize = 16 }) { s in
            // A watch whose client never reads.
            var request = HTTPClientRequest(url: s.server.baseURL + "/api/v1/configmaps?watch=1")
            request.headers.add(name: "Authorization", value: "Bearer \(s.server.token)")
            let response = try await s.client.execute(request, timeout: .seconds(30))
            #expect(response.status.code == 200)
            // A writer blocked by the full watcher would never finish: race the writes against a
            // generous deadline that only a hang can reach.
            let finished = try await withThrowingTaskGroup(of: Bool.self) { group in
                group.addTask {
                    for i in 0..<200 {
                        _ = try await s.create(TestServer.configMap("c\(i)"), in: "/api/v1/namespaces/default/configmaps")
                    }
                    return true
                }
                group.addTask {
                    try await Task.sleep(for: .seconds(120))
                    return false
                }
                let first = try await group.next() ?? false
                group.cancelAll()
                return first
            }
            #expect(finished, "200 writes did not complete while a watcher was not reading")
            let list = try await s.request(.GET, "/api/v1/namespaces/default/configmaps")
            #expect(list.json["items"]?.arrayValue?.count == 200)
        }
    }
}

@Suite struct TableTests {
    @Test func podTableForKubectlGet() async throws {
        try await TestServer.with { s in
            _ = try await s.create(TestServer.pod("p1", node: "n1"), in: "/api/v1/namespaces/default/pods")
            var request = HTTPClientRequest(url: s.server.baseURL + "/api/v1/namespaces/default/pods")
            request.headers.add(name: "Authorization", value: "Bearer \(s.server.token)")
            request.headers.add(name: "Accept", value: "application/json;as=Table;v=v1;g=meta.k8s.io,application/json")
            let response = try await s.client.execute(request, timeout: .seconds(10))
            var body = try await response.body.collect(upTo: 1 << 20)
            let table = try KubeJSON.parse(body.readData(length: body.readableBytes) ?? Data())
            #expect(table["kind"] == "Table")
            let columns = (table["columnDefinitions"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
            #expect(Array(columns.prefix(5)) == ["Name", "Ready", "Status", "Restarts", "Age"])
            let cells = table["rows"]?.arrayValue?.first?["cells"]?.arrayValue ?? []
            #expect(cells.first == "p1")
            #expect(cells[1] == "0/1")
            #expect(cells[2] == "Pending")
            #expect(cells[6] == "n1")

            let watched = try await s.watch(
                "/api/v1/namespaces/default/pods?watch=1", accept: "application/json;as=Table;v=v1;g=meta.k8s.io",
                until: { !$0.isEmpty })
            #expect(watched.events.first?.type == .added)
            #expect(watched.events.first?.object["kind"] == "Table")
            #expect(watched.events.first?.object["rows"]?.arrayValue?.first?["cells"]?.arrayValue?.first == "p1")
        }
    }
}
