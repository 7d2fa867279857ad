import Foundation

/// Progress of long work, on stderr so that stdout keeps only the result.
package struct Progress {
    package let label: String
    package let total: Int
    private var lastPercent = -1

    package init(_ label: String, total: Int) {
        self.label = label
        self.total = max(total, 1)
    }

    package mutating func update(_ done: Int) {
        let percent = done * 100 / total
        guard percent / 10 != lastPercent / 10 || done == total else { return }
        lastPercent = percent
        FileHandle.standardError.write(Data("\(label): \(done)/\(total) (\(percent)%)\n".utf8))
    }
}
