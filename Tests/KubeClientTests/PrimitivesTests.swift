import Foundation
import KubeModel
import Testing

@testable import KubeClient

@Suite("Primitives")
struct PrimitivesTests {
    @Test func lineSplitterHandlesLinesAcrossChunks() throws {
        let events = [
            #"{"type":"ADDED","object":{"metadata":{"name":"a","resourceVersion":"1"}}}"#,
            #"{"type":"MODIFIED","object":{"metadata":{"name":"a","resourceVersion":"2"}}}"#,
            #"{"type":"DELETED","object":{"metadata":{"name":"a","resourceVersion":"3"}}}"#,
        ]
        let bytes = Array((events.joined(separator: "\n") + "\n").utf8)
        // Every chunk size from 1 byte to the whole stream yields the same three events.
        for size in [1, 2, 3, 7, 50, 64, 100, bytes.count] {
            var splitter = LineSplitter()
            var lines: [Data] = []
            var index = 0
            while index < bytes.count {
                lines += splitter.append(bytes[index..<min(index + size, bytes.count)])
                index += size
            }
            if let last = splitter.finish() { lines.append(last) }
            let decoded = try lines.map { try KubeClient.watchEvent(line: $0, path: "/x") }
            #expect(decoded.map(\.type) == [.added, .modified, .deleted], "chunk size \(size)")
            #expect(decoded.map { $0.object["metadata"]?["resourceVersion"]?.stringValue } == ["1", "2", "3"])
        }
        // A final line without newline, CRLF and blank lines.
        var splitter = LineSplitter()
        #expect(splitter.append(Array("a\r\n\n  \nb".utf8)) == [Data("a".utf8)])
        #expect(splitter.finish() == Data("b".utf8))
    }

    @Test func watchErrorEventBecomesAPIError() {
        let line = Data(#"{"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","status":"Failure","message":"too old resource version","reason":"Expired","code":410}}"#.utf8)
        let error = #expect(throws: KubeAPIError.self) { try KubeClient.watchEvent(line: line, path: "/x") }
        #expect(error?.isGone == true)
        #expect(error?.httpCode == 410)
    }

    @Test func apiErrorFromStatusBodyAndPlainText() {
        let body = Data(#"{"kind":"Status","apiVersion":"v1","status":"Failure","message":"pods \"x\" not found","reason":"NotFound","code":404}"#.utf8)
        let notFound = KubeClient.apiError(body: body, httpCode: 404)
        #expect(notFound.isNotFound && !notFound.isConflict)
        #expect(notFound.message == #"pods "x" not found"#)
        let plain = KubeClient.apiError(body: Data("upstream broke".utf8), httpCode: 409)
        #expect(plain.isConflict && plain.message == "upstream broke")
        #expect(KubeClient.apiError(body: Data(), httpCode: 401).isUnauthorized)
    }

    @Test func queryEncoding() {
        let query = KubeClient.encodeQuery([("labelSelector", "app=web,tier in (a,b)"), ("fieldSelector", "spec.nodeName=n1")])
        #expect(query == "?labelSelector=app%3Dweb%2Ctier%20in%20%28a%2Cb%29&fieldSelector=spec.nodeName%3Dn1")
        #expect(KubeClient.encodeQuery([]) == "")
        #expect(KubeClient.encodeQuery([("limit", "500"), ("continue", "eyJydiI6NX0~x_y.z")]) == "?limit=500&continue=eyJydiI6NX0~x_y.z")
    }

    /// Names of unreserved characters go out as they are; anything else is percent-encoded, and a
    /// slash never splits the segment.
    @Test func pathSegmentEncoding() {
        #expect(KubeClient.pathSegment("web-0.example_x~1") == "web-0.example_x~1")
        #expect(KubeClient.pathSegment("a/b c") == "a%2Fb%20c")
        #expect(KubeClient.pathSegment("system:node:n1") == "system:node:n1")
        #expect(KubeClient.pathSegment("ünï") == "%C3%BCn%C3%AF")
    }

    @Test func patchContentTypes() throws {
        #expect(Patch.merge([:]).contentType == "application/merge-patch+json")
        #expect(Patch.json([]).contentType == "application/json-patch+json")
        #expect(Patch.strategic([:]).contentType == "application/strategic-merge-patch+json")
        #expect(Patch.apply(yaml: "a: 1").contentType == "application/apply-patch+yaml")
        #expect(try Patch.json([["op": "remove", "path": "/a"]]).body() == Array(#"[{"op":"remove","path":"\/a"}]"#.utf8)
            || Patch.json([["op": "remove", "path": "/a"]]).body() == Array(#"[{"op":"remove","path":"/a"}]"#.utf8))
    }

    @Test func tokenBucketAllowsBurstThenRate() {
        let start = ContinuousClock.now
        let bucket = TokenBucket(qps: 10, burst: 3, now: start)
        // The burst is free.
        for _ in 0..<3 { #expect(bucket.reserve(now: start) == .zero) }
        // Then each token is 100 ms further away.
        #expect(bucket.reserve(now: start) == .milliseconds(100))
        #expect(bucket.reserve(now: start) == .milliseconds(200))
        // After 1 s the debt (2 tokens) is paid and 8 of the 10 refilled tokens remain, capped at the burst (3).
        let later = start + .seconds(1)
        for _ in 0..<3 { #expect(bucket.reserve(now: later) == .zero) }
        #expect(bucket.reserve(now: later) > .zero)
    }

    @Test func tokenBucketWaitsInRealTime() async throws {
        let bucket = TokenBucket(qps: 20, burst: 1)
        let clock = ContinuousClock()
        let elapsed = try await clock.measure {
            for _ in 0..<5 { try await bucket.wait() }
        }
        // 1 free token then 4 at 50 ms each.
        // No upper bound here: a loaded machine stretches sleeps; `reserve(now:)` above pins the arithmetic.
        #expect(elapsed >= .milliseconds(190))
    }

    @Test func backoffPolicy() {
        let policy = RateLimitPolicy()
        #expect(policy.backoff(failures: 0) == .milliseconds(5))
        #expect(policy.backoff(failures: 1) == .milliseconds(10))
        #expect(policy.backoff(failures: 10) == .milliseconds(5120))
        #expect(policy.backoff(failures: 30) == .seconds(1000))
        #expect(policy.backoff(failures: 500) == .seconds(1000))
    }
}
