import Foundation

/// Cuts a byte stream into newline-terminated lines, whatever the chunk boundaries.
struct LineSplitter: Sendable {
    private var pending: [UInt8] = []

    /// Appends a chunk and returns the complete lines it finishes, without their `\n` (and `\r`).
    /// Blank lines are skipped.
    mutating func append<Bytes: Sequence>(_ chunk: Bytes) -> [Data] where Bytes.Element == UInt8 {
        var lines: [Data] = []
        for byte in chunk {
            if byte == 0x0A {
                if let line = take() { lines.append(line) }
            } else {
                pending.append(byte)
            }
        }
        return lines
    }

    /// The last line when the stream ended without a newline.
    mutating func finish() -> Data? { take() }

    private mutating func take() -> Data? {
        defer { pending.removeAll(keepingCapacity: true) }
        var line = pending[...]
        if line.last == 0x0D { line = line.dropLast() }
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return nil }
        return Data(line)
    }
}
