import Foundation
import KubeModel
import Logging
import Synchronization

/// The audit log file (kube-apiserver's `--audit-log-path` at level Metadata): one JSON event per line.
///
/// Each event is one `write(2)` on a descriptor opened with `O_APPEND`, under a lock: lines never
/// interleave, and a line is in the file (not in a buffer) before the request's response is sent.
public final class AuditLog: Sendable {
    public let path: String
    private let descriptor: Mutex<Int32?>
    private let logger: Logger

    /// Opens (creating it and its folder if needed) the file for appending; throws `AuditLogError` naming
    /// the path when it cannot be written.
    public init(path: String, logger: Logger) throws(AuditLogError) {
        self.path = path
        self.logger = logger
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw AuditLogError(path: path, reason: "its folder cannot be created (\(error.localizedDescription))")
        }
        let opened = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard opened >= 0 else {
            throw AuditLogError(path: path, reason: String(cString: strerror(errno)))
        }
        descriptor = Mutex(opened)
    }

    deinit {
        close()
    }

    /// Appends one event as a line; a failed write is logged, never thrown into the request path.
    public func record(_ event: AuditEvent) {
        guard var line = try? Self.encoder().encode(event) else { return }
        line.append(UInt8(ascii: "\n"))
        let failure = descriptor.withLock { descriptor -> Int32? in
            guard let descriptor else { return nil }
            return Self.writeAll(line, to: descriptor)
        }
        if let failure {
            logger.warning(
                "cannot write the audit log", metadata: ["path": "\(path)", "error": "\(String(cString: strerror(failure)))"])
        }
    }

    /// Stops writing; later events are dropped.
    public func close() {
        descriptor.withLock { descriptor in
            if let open = descriptor { closeDescriptor(open) }
            descriptor = nil
        }
    }

    /// Every event in the file at `path`, oldest first. A missing file reads as no events; a line that does
    /// not decode (a partial last line while the server writes) is skipped.
    public static func read(path: String) -> [AuditEvent] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let decoder = decoder()
        return data.split(separator: UInt8(ascii: "\n")).compactMap { line in
            try? decoder.decode(AuditEvent.self, from: Data(line))
        }
    }

    /// nil when every byte was written, else the errno of the failed write.
    private static func writeAll(_ data: Data, to descriptor: Int32) -> Int32? {
        data.withUnsafeBytes { buffer -> Int32? in
            guard var pointer = buffer.baseAddress else { return nil }
            var remaining = buffer.count
            while remaining > 0 {
                let count = write(descriptor, pointer, remaining)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                pointer += count
                remaining -= count
            }
            return nil
        }
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(KubeTime(date, microseconds: true).description)
        }
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let time = KubeTime(text: text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "invalid RFC 3339 time \"\(text)\"")
            }
            return time.date
        }
        return decoder
    }
}

/// The audit log path cannot be written: the server does not start.
public struct AuditLogError: Error, CustomStringConvertible, LocalizedError {
    public let path: String
    public let reason: String

    public var description: String { "cannot write the audit log \(path): \(reason)" }
    public var errorDescription: String? { description }
}

private func closeDescriptor(_ descriptor: Int32) {
    _ = close(descriptor)
}
