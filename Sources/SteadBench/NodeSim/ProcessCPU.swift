import Foundation
import NodeSim

/// CPU time this process has used, all threads, user and system (`CLOCK_PROCESS_CPUTIME_ID`).
public enum ProcessCPU {
    public static func seconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
