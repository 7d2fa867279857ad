import AsyncHTTPClient
import ControlPlane
import Foundation
import KubeModel
import NIOCore
import NIOHTTP1
import NIOPosix
import SteadTestSupport
import Testing

/// Seeded fuzzing of the API server's request handling: malformed and hostile requests, each of which
/// must get a 4xx `Status` whose `code` matches the HTTP status, while the server keeps serving and the
/// objects already stored stay exactly as they were. A failure prints the seed and the case to replay.
@Suite struct RequestFuzzTests {
    static let seed: UInt64 = 0x5EED_0001
    static let cases = 400

    struct FuzzCase {
        var label: String
        var method: HTTPMethod
        var path: String
        var body: Data?
        var contentType: String? = "application/json"
    }

    static let configMaps = "/api/v1/namespaces/default/configmaps"
    static let pods = "/api/v1/namespaces/default/pods"

    static func validPod(_ name: String) -> JSONValue {
        [
            "apiVersion": "v1", "kind": "Pod", "metadata": ["name": .string(name), "labels": ["app": "fuzz"]],
            "spec": ["containers": [["name": "app", "image": "nginx:1.27"]]],
        ]
    }

    static func text(_ value: JSONValue) -> String {
        String(decoding: (try? KubeJSON.serialize(value)) ?? Data(), as: UTF8.self)
    }

    // MARK: Generators, one per kind of bad input

    static func brokenJSON(_ rng: inout SplitMix64) -> FuzzCase {
        var bytes = Array(text(validPod("broken")).utf8)
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: bytes = Array(bytes.prefix(Int.random(in: 0..<max(1, bytes.count - 1), using: &rng)))
        case 1:
            for _ in 0..<Int.random(in: 1...8, using: &rng) {
                let index = Int.random(in: 0..<bytes.count, using: &rng)
                bytes[index] = Array("{}[]:,\"\\x0".utf8).randomElement(using: &rng) ?? 0
            }
        case 2: bytes.insert(contentsOf: Array("\u{0}\u{1}\u{FF}".utf8), at: Int.random(in: 0..<bytes.count, using: &rng))
        default: bytes = (0..<Int.random(in: 1...200, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
        }
        let target = Bool.random(using: &rng) ? pods : pods + "/keep-0"
        return FuzzCase(label: "broken JSON", method: target == pods ? .POST : .PUT, path: target, body: Data(bytes))
    }

    static func hugeNumbers(_ rng: inout SplitMix64) -> FuzzCase {
        // Not here: an integer beyond Int64 in a built-in kind's integer field is stored as a float (the
        // server keeps objects as JSON, not typed), where Kubernetes would refuse it: a known gap.
        let numbers = ["1e999", "-1e999", "1.7976931348623157e309", "-1.8e308e5", "0x10", "01", "+1", ".5", "NaN", "Infinity"]
        let number = numbers.randomElement(using: &rng) ?? "1e999"
        let body = """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"huge","generation":\(number)},\
            "spec":{"containers":[{"name":"app","image":"x","resources":{"requests":{"cpu":\(number)}}}],\
            "terminationGracePeriodSeconds":\(number)}}
            """
        return FuzzCase(label: "huge number \(number)", method: .POST, path: pods, body: Data(body.utf8))
    }

    static func deepNesting(_ rng: inout SplitMix64) -> FuzzCase {
        let depth = [600, 5_000, 100_000].randomElement(using: &rng) ?? 600
        let array = Bool.random(using: &rng)
        let open = array ? "[" : "{\"a\":"
        let close = array ? "]" : "}"
        let body = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"deep\"},\"data\":"
            + String(repeating: open, count: depth) + "1" + String(repeating: close, count: depth) + "}"
        return FuzzCase(label: "nesting depth \(depth)", method: .POST, path: configMaps, body: Data(body.utf8))
    }

    static func wrongTypes(_ rng: inout SplitMix64) -> FuzzCase {
        // null is left out: Kubernetes reads a null field as absent.
        let values: [JSONValue] = [1, true, "text", [1, 2], ["a": 1], 1.5]
        var pod = validPod("typed")
        let value = values.randomElement(using: &rng) ?? 1
        switch Int.random(in: 0..<5, using: &rng) {
        case 0: pod["metadata"] = value
        case 1: pod["metadata"]?["name"] = value.stringValue == nil ? value : 7
        case 2: pod["metadata"]?["labels"] = value.objectValue == nil ? value : ["a": 1]
        case 3: pod["apiVersion"] = value.stringValue == nil ? value : "v1/v2/v3"
        default: pod["metadata"]?["namespace"] = value.stringValue == nil ? value : "other"
        }
        return FuzzCase(label: "wrong type", method: .POST, path: pods, body: Data(text(pod).utf8))
    }

    static func invalidNames(_ rng: inout SplitMix64) -> FuzzCase {
        let names = [
            "UPPER", "has space", "-leading", "trailing-", String(repeating: "a", count: 300), "a/b", "..", "é",
            "semi;colon", "",
        ]
        let name = names.randomElement(using: &rng) ?? "UPPER"
        return FuzzCase(label: "invalid name \(name.prefix(20))", method: .POST, path: pods, body: Data(text(validPod(name)).utf8))
    }

    static func invalidSelectors(_ rng: inout SplitMix64) -> FuzzCase {
        let selectors = [
            "labelSelector=a%20in%20(", "labelSelector=%3D%3D%3D", "labelSelector=a!", "labelSelector=(((",
            "fieldSelector=spec.nodeName%3D%3D%3Dx", "fieldSelector=no.such.field%3Dx", "limit=abc",
            "resourceVersion=notanumber&watch=1", "continue=%00garbage", "timeoutSeconds=abc&watch=1",
        ]
        let query = selectors.randomElement(using: &rng) ?? "limit=abc"
        return FuzzCase(label: "bad query \(query)", method: .GET, path: pods + "?" + query, body: nil)
    }

    static func badPatches(_ rng: inout SplitMix64) -> FuzzCase {
        let patches: [(String, String)] = [
            ("application/json-patch+json", "[{\"op\":\"explode\",\"path\":\"/spec\"}]"),
            ("application/json-patch+json", "[{\"op\":\"remove\",\"path\":\"/no/such/path\"}]"),
            ("application/json-patch+json", "{\"not\":\"a list\"}"),
            ("application/merge-patch+json", "[1,2,3]"),
            ("application/strategic-merge-patch+json", "{\"spec\":{\"containers\":[{\"$patch\":\"boom\"}]}}"),
            ("application/json-patch+json", "[{\"op\":\"test\",\"path\":\"/metadata/name\",\"value\":\"other\"}]"),
            ("text/plain", "hello"),
        ]
        let (type, body) = patches.randomElement(using: &rng) ?? patches[0]
        return FuzzCase(label: "bad patch \(type)", method: .PATCH, path: pods + "/keep-0", body: Data(body.utf8), contentType: type)
    }

    /// Label and annotation keys and label values that ValidateObjectMeta refuses (422).
    static func badMetadata(_ rng: inout SplitMix64) -> FuzzCase {
        let keys = ["bad key", "-x", "a/b/c", "é", "", String(repeating: "k", count: 64)]
        let values = ["has space", "-lead", "trail.", String(repeating: "v", count: 64)]
        let key = keys.randomElement(using: &rng) ?? "-x"
        var pod = validPod("meta")
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: pod["metadata"]?["labels"] = .object([key: "v"])
        case 1: pod["metadata"]?["labels"] = .object(["ok": .string(values.randomElement(using: &rng) ?? "-lead")])
        default: pod["metadata"]?["annotations"] = .object([key: "v"])
        }
        return FuzzCase(label: "bad metadata", method: .POST, path: pods, body: Data(text(pod).utf8))
    }

    static func oversized(_ rng: inout SplitMix64) -> FuzzCase {
        let size = Int.random(in: 70_000...200_000, using: &rng)
        let body = text(TestServer.configMap("big", data: ["k": String(repeating: "x", count: size)]))
        return FuzzCase(label: "body of \(size) bytes", method: .POST, path: configMaps, body: Data(body.utf8))
    }

    static let generators: [@Sendable (inout SplitMix64) -> FuzzCase] = [
        brokenJSON, hugeNumbers, deepNesting, wrongTypes, invalidNames, invalidSelectors, badPatches, oversized,
        badMetadata,
    ]

    // MARK: The test

    @Test func hostileRequestsGetA4xxStatusAndChangeNothing() async throws {
        try await TestServer.with(configure: { $0.maxRequestBodyBytes = 64 * 1024 }) { s in
            for index in 0..<3 { _ = try await s.create(Self.validPod("keep-\(index)"), in: Self.pods) }
            _ = try await s.create(TestServer.configMap("keep-config"), in: Self.configMaps)
            let before = try await Self.snapshot(s)

            var rng = SplitMix64(seed: Self.seed)
            var counts: [String: Int] = [:]
            for number in 0..<Self.cases {
                let make = Self.generators[number % Self.generators.count]
                let fuzz = make(&rng)
                let reply = try await s.request(
                    fuzz.method, fuzz.path, body: fuzz.body, contentType: fuzz.contentType)
                let replay = "seed \(Self.seed), case \(number): \(fuzz.label)"
                #expect((400..<500).contains(reply.status), "\(replay): \(reply.status) \(String(decoding: reply.data.prefix(300), as: UTF8.self))")
                #expect(reply.json["kind"] == "Status", "\(replay)")
                #expect(reply.json["code"]?.intValue == Int64(reply.status), "\(replay)")
                counts[String(fuzz.label.prefix(while: { $0 != " " })), default: 0] += 1
            }
            #expect(counts.values.reduce(0, +) == Self.cases)
            #expect(try await s.request(.GET, "/version").status == 200, "the server still serves")
            #expect(try await Self.snapshot(s) == before, "stored objects are unchanged")
        }
    }

    /// Every pod and ConfigMap in `default`, by name, with its resourceVersion.
    static func snapshot(_ s: TestServer) async throws -> [String: String] {
        var versions: [String: String] = [:]
        for collection in [pods, configMaps] {
            let list = try await s.get(collection)
            for item in list["items"]?.arrayValue ?? [] {
                let name = item[path: ["metadata", "name"]]?.stringValue ?? ""
                versions[collection + "/" + name] = item[path: ["metadata", "resourceVersion"]]?.stringValue ?? ""
            }
        }
        return versions
    }
}

// MARK: Unknown fields

extension RequestFuzzTests {
    static let unknownFieldCases = 60

    struct UnknownFieldCase {
        var collection: String
        var object: JSONValue
        /// The unknown field's path as the server names it.
        var field: String
        /// `fieldValidation`; nil sends none (Kubernetes' default is Warn).
        var mode: String?
    }

    /// A ConfigMap (built-in: only ObjectMeta is known to the server) or a StatefulPodSet (custom: its
    /// whole schema) with one unknown field, created under a random `fieldValidation`.
    static func unknownField(_ rng: inout SplitMix64, number: Int) -> UnknownFieldCase {
        let name = "unknown-\(number)"
        let field = ["colour", "zzTop", "x1"].randomElement(using: &rng) ?? "colour"
        let mode = [nil, "Warn", "Strict", "Ignore"].randomElement(using: &rng) ?? nil
        guard Bool.random(using: &rng) else {
            var object = TestServer.configMap(name)
            object["metadata"]?[field] = "v"
            return UnknownFieldCase(collection: configMaps, object: object, field: "metadata.\(field)", mode: mode)
        }
        var object = CustomResourceFixtures.statefulPodSet(name)
        switch Int.random(in: 0..<3, using: &rng) {
        case 0:
            object["metadata"]?[field] = "v"
            return UnknownFieldCase(
                collection: CustomResourceFixtures.collection, object: object, field: "metadata.\(field)", mode: mode)
        case 1:
            object["spec"]?[field] = 1
            return UnknownFieldCase(
                collection: CustomResourceFixtures.collection, object: object, field: "spec.\(field)", mode: mode)
        default:
            object[field] = true
            return UnknownFieldCase(collection: CustomResourceFixtures.collection, object: object, field: field, mode: mode)
        }
    }

    /// Kubernetes' three modes: Strict refuses with 400 naming the field; Warn (also with no parameter)
    /// stores the object without the field and says so in a `Warning` header; Ignore drops it silently.
    @Test func unknownFieldsFollowFieldValidation() async throws {
        try await TestServer.with { s in
            _ = try await s.create(CustomResourceFixtures.statefulPodSets(), in: CustomResourceFixtures.definitions)
            var rng = SplitMix64(seed: Self.seed ^ 0xF1E1D)
            var counts: [String: Int] = [:]
            for number in 0..<Self.unknownFieldCases {
                let fuzz = Self.unknownField(&rng, number: number)
                let query = fuzz.mode.map { "?fieldValidation=\($0)" } ?? ""
                let reply = try await s.request(.POST, fuzz.collection + query, json: fuzz.object)
                let replay = "seed \(Self.seed), unknown-field case \(number): \(fuzz.field), \(fuzz.mode ?? "no mode")"
                let warnings = reply.headers["Warning"]
                counts[fuzz.mode ?? "default", default: 0] += 1
                if fuzz.mode == "Strict" {
                    #expect(reply.status == 400 && reply.reason == "BadRequest", "\(replay): \(reply.status)")
                    #expect(reply.json["message"]?.stringValue?.contains("strict decoding error: unknown field \"\(fuzz.field)\"") == true,
                        "\(replay): \(String(describing: reply.json["message"]))")
                    continue
                }
                #expect(reply.status == 201, "\(replay): \(reply.status) \(String(describing: reply.json["message"]))")
                #expect(reply.json[path: fuzz.field.split(separator: ".").map(String.init)] == nil, "\(replay): kept")
                let expected = fuzz.mode == "Ignore" ? [] : ["299 - \"unknown field \\\"\(fuzz.field)\\\"\""]
                #expect(warnings == expected, "\(replay): \(warnings)")
            }
            #expect(counts.values.reduce(0, +) == Self.unknownFieldCases && counts.count == 4, "\(counts)")

            // A PUT follows the same rules.
            var kept = try await s.create(TestServer.configMap("put-target"), in: Self.configMaps)
            kept["metadata"]?["colour"] = "blue"
            let strict = try await s.request(.PUT, Self.configMaps + "/put-target?fieldValidation=Strict", json: kept)
            #expect(strict.status == 400)
            let warned = try await s.request(.PUT, Self.configMaps + "/put-target", json: kept)
            #expect(warned.status == 200 && warned.headers["Warning"] == [#"299 - "unknown field \"metadata.colour\"""#])
            #expect(warned.json[path: ["metadata", "colour"]] == nil)
        }
    }
}

// MARK: Slow clients

extension RequestFuzzTests {
    /// How a raw TCP client misbehaves after it connects.
    enum SlowClient: String, CaseIterable, CustomStringConvertible {
        /// Connects and sends nothing.
        case silent
        /// Sends half a request head, then nothing.
        case partialHead
        /// Sends its head one byte at a time, forever.
        case tricklingHead
        /// Sends a head announcing 200 bytes, 20 of them, then nothing.
        case stalledBody
        /// Sends a head announcing 100 000 bytes, then one byte every 100 ms, forever.
        case tricklingBody
        /// Like `tricklingBody`, without a token: answered 401 at once, the body still trickling.
        case tricklingUnauthorized

        var description: String { rawValue }
        /// Whether the server reads the head and answers before closing.
        var expectedStatus: String? {
            switch self {
            case .silent, .partialHead, .tricklingHead: nil
            case .stalledBody, .tricklingBody: "408"
            case .tricklingUnauthorized: "401"
            }
        }
    }

    static func head(contentLength: Int, token: String?) -> String {
        var lines = [
            "POST \(configMaps) HTTP/1.1", "Host: 127.0.0.1", "Content-Type: application/json",
            "Content-Length: \(contentLength)",
        ]
        if let token { lines.append("Authorization: Bearer \(token)") }
        return lines.joined(separator: "\r\n") + "\r\n\r\n"
    }

    /// Runs `client` on a raw connection until the server closes it; returns what the server sent.
    static func misbehave(_ client: SlowClient, port: Int, token: String) async throws -> String {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            let sending = Task {
                do { try await send(client, to: outbound, token: token) } catch {}
            }
            defer { sending.cancel() }
            var received = ""
            do {
                for try await chunk in inbound { received += String(buffer: chunk) }
            } catch {}  // a reset is a close too
            return received
        }
    }

    private static func send(
        _ client: SlowClient, to outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>, token: String
    ) async throws {
        func trickle(_ bytes: some Sequence<UInt8>) async throws {
            for byte in bytes {
                try await outbound.write(ByteBuffer(bytes: [byte]))
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        switch client {
        case .silent:
            return
        case .partialHead:
            try await outbound.write(ByteBuffer(string: "POST \(configMaps) HTTP/1.1\r\nHost: 127.0.0.1\r\n"))
        case .tricklingHead:
            try await trickle(Array(head(contentLength: 2, token: token).utf8) + Array(repeating: UInt8(ascii: "x"), count: 10_000))
        case .stalledBody:
            try await outbound.write(ByteBuffer(string: head(contentLength: 200, token: token) + String(repeating: " ", count: 20)))
        case .tricklingBody, .tricklingUnauthorized:
            let token = client == .tricklingBody ? token : nil
            try await outbound.write(ByteBuffer(string: head(contentLength: 100_000, token: token)))
            try await trickle(repeatElement(UInt8(ascii: " "), count: 100_000))
        }
    }

    /// Slow and silent clients, several of each at once, while a well-behaved client keeps working: each
    /// slow connection is answered (408, or 401 without a token) where the server read its head, and closed.
    @Test(.timeLimit(.minutes(4))) func slowClientsAreCutOffWhileOthersAreServed() async throws {
        try await TestServer.with(configure: {
            // The idle timeout well beyond the body deadline: with 2 s, a loaded machine once closed a
            // stalled connection as idle before its 408 went out.
            $0.requestBodyTimeout = 1
            $0.idleTimeout = 6
        }) { s in
            let port = try #require(URL(string: s.server.baseURL)?.port)
            let token = s.server.token
            let clients = SlowClient.allCases.flatMap { Array(repeating: $0, count: 3) }
            let served = Task {
                var statuses: [Int] = []
                while !Task.isCancelled {
                    let number = statuses.count
                    do {
                        statuses.append(try await s.request(.GET, "/version").status)
                        statuses.append(
                            try await s.request(.POST, Self.configMaps, json: TestServer.configMap("served-\(number)")).status)
                    } catch {
                        if !Task.isCancelled { statuses.append(-1) }  // a failure, unless we stopped it
                        break
                    }
                }
                return statuses
            }
            let answers = try await withThrowingTaskGroup(of: (SlowClient, String).self) { group in
                for client in clients {
                    group.addTask { (client, try await Self.misbehave(client, port: port, token: token)) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            served.cancel()
            let statuses = await served.value

            #expect(answers.count == clients.count)
            for (client, received) in answers {
                if let status = client.expectedStatus {
                    #expect(received.hasPrefix("HTTP/1.1 \(status)"), "\(client): \(received.prefix(200))")
                    #expect(received.contains("\"code\":\(status)"), "\(client): \(received.prefix(400))")
                } else {
                    #expect(received.isEmpty, "\(client): \(received.prefix(200))")
                }
            }
            #expect(!statuses.isEmpty && statuses.allSatisfy { $0 == 200 || $0 == 201 }, "\(statuses)")
            print("RequestFuzzTests: \(clients.count) slow clients cut off while \(statuses.count) other requests were served")
        }
    }
}
