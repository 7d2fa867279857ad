import Foundation
import NodeSim

/// The machine's CPU time counters from /proc/stat, to tell how much of a run the hypervisor gave to
/// other guests (`steal`): on a shared VM that swings from nothing to more than half within minutes,
/// and every throughput number moves with it.
public struct MachineCPUTimes: Sendable {
    let steal: UInt64
    let total: UInt64

    /// nil where /proc/stat cannot be read (not Linux).
    public static func now() -> MachineCPUTimes? {
        guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
            let line = text.split(separator: "\n").first, line.hasPrefix("cpu ")
        else { return nil }
        // user nice system idle iowait irq softirq steal (guest time is already counted in user).
        let fields = line.split(separator: " ").dropFirst().prefix(8).compactMap { UInt64($0) }
        guard fields.count == 8 else { return nil }
        return MachineCPUTimes(steal: fields[7], total: fields.reduce(0, +))
    }

    /// The share of all CPU time since `earlier` that was stolen, 0...1.
    public func stolenFraction(since earlier: MachineCPUTimes) -> Double {
        let total = total &- earlier.total
        return total == 0 ? 0 : Double(steal &- earlier.steal) / Double(total)
    }
}
