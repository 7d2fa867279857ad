import Foundation

/// The bearer token: given, read from `DATA_DIR/token`, or generated and written there (mode 0600).
enum TokenFile {
    static func resolve(given: String?, directory: String) throws -> String {
        if let given, !given.isEmpty { return given }
        let path = (directory as NSString).appendingPathComponent("token")
        if let data = FileManager.default.contents(atPath: path),
            let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines),
            !text.isEmpty
        {
            return text
        }
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        let token = String((0..<48).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: path, contents: Data((token + "\n").utf8), attributes: [.posixPermissions: 0o600])
        else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        return token
    }
}
