/// The ordinal of a pod whose controller names its pods `<owner>-<ordinal>` (a StatefulSet, a
/// StatefulPodSet), as `0`, `1`, ... with no leading zeros.
public enum PodOrdinal {
    /// The ordinal in `podName`; nil when it is not `<ownerName>-<ordinal>`.
    public static func of(podName: String, ownerName: String) -> Int? {
        let prefix = ownerName + "-"
        guard podName.hasPrefix(prefix) else { return nil }
        let digits = podName.dropFirst(prefix.count)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
            digits == "0" || !digits.hasPrefix("0")
        else { return nil }
        return Int(digits)
    }
}
