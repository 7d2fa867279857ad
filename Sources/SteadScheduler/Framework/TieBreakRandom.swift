/// A fast generator for breaking ties between equally scored nodes (wyrand). A cycle over thousands of
/// identical nodes can draw thousands of times; the system generator would make a system call for each.
/// Seeded once from the system generator: the choice needs to be uniform, not unpredictable.
struct TieBreakRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64 = UInt64.random(in: .min ... .max)) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0xA076_1D64_78BD_642F
        let product = state.multipliedFullWidth(by: state ^ 0xE703_7ED1_A0B4_28DB)
        return product.high ^ product.low
    }
}
