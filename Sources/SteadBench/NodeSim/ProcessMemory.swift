import Foundation
import NodeSim

/// Memory figures of this process from `/proc/self/status` (Linux); nil elsewhere.
public enum ProcessMemory {
    /// Peak resident set size (VmHWM) in MiB.
    public static func peakResidentMiB() -> Double? { field("VmHWM:") }

    /// Current resident set size (VmRSS) in MiB.
    public static func residentMiB() -> Double? { field("VmRSS:") }

    private static func field(_ name: String) -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(name) {
            return line.split(separator: " ").compactMap { Double($0) }.first.map { $0 / 1024 }
        }
        return nil
    }
}
