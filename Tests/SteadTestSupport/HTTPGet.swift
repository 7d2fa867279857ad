import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A plain HTTP GET: status and body text.
public func httpGet(_ url: String) async throws -> (status: Int, body: String) {
    guard let address = URL(string: url) else { throw URLError(.badURL) }
    let (data, response) = try await URLSession.shared.data(from: address)
    return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
}

/// Polls `url` until it answers `status`; the last answer, or nil if it never answered.
public func waitForStatus(_ url: String, _ status: Int, timeout: Double = 60) async -> (status: Int, body: String)? {
    let deadline = Date().addingTimeInterval(timeout)
    var last: (status: Int, body: String)?
    while Date() < deadline {
        last = try? await httpGet(url)
        if last?.status == status { return last }
        try? await Task.sleep(for: .milliseconds(100))
    }
    return last
}
