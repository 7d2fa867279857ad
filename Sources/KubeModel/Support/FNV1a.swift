/// FNV-1a, 64 bits: a hash of text that is the same in every process and run (Swift's `Hasher` is
/// seeded per process), for cache keys and derived identifiers.
public enum FNV1a {
    public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    public static func hash(_ text: String, seed: UInt64 = offsetBasis) -> UInt64 {
        var value = seed
        for byte in text.utf8 { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return value
    }
}
