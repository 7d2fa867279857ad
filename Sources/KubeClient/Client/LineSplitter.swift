import Foundation

/// Cuts a byte stream into newline-terminated lines, whatever the chunk boundaries.
struct LineSplitter: Sendable {
    private var pending: [UInt8] = []

    /// Appends a chunk and returns the complete lines it finishes, without their `\n` (and `\r`).
    /// Blank lines are skipped. A line that lies whole inside the chunk is copied once, straight into
    /// its `Data`; only the unfinished tail waits in `pending`.
    mutating func append<Bytes: BidirectionalCollection>(_ chunk: Bytes) -> [Data] where Bytes.Element == UInt8 {
        var lines: [Data] = []
        var start = chunk.startIndex
        while let newline = chunk[start...].firstIndex(of: 0x0A) {
            let line: Data?
            if pending.isEmpty {
                line = Self.line(chunk[start..<newline])
            } else {
                pending.append(contentsOf: chunk[start..<newline])
                line = Self.line(pending[...])
                pending.removeAll(keepingCapacity: true)
            }
            if let line { lines.append(line) }
            start = chunk.index(after: newline)
        }
        pending.append(contentsOf: chunk[start...])
        return lines
    }

    /// The last line when the stream ended without a newline.
    mutating func finish() -> Data? {
        defer { pending.removeAll(keepingCapacity: true) }
        return Self.line(pending[...])
    }

    /// `bytes` without a trailing `\r`; nil when only blanks remain.
    private static func line<Bytes: BidirectionalCollection>(_ bytes: Bytes) -> Data? where Bytes.Element == UInt8 {
        var line = bytes[...]
        if line.last == 0x0D { line = line.dropLast() }
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return nil }
        return Data(line)
    }
}
