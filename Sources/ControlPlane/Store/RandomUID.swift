import Foundation

extension UUID {
    /// A random (version 4) UUID from the system generator. Foundation's `UUID()` on Linux opens and
    /// reads /dev/urandom on every call: three syscalls for each object created.
    static func systemRandom() -> UUID {
        var generator = SystemRandomNumberGenerator()
        var raw: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &raw) { bytes in
            bytes.storeBytes(of: generator.next() as UInt64, toByteOffset: 0, as: UInt64.self)
            bytes.storeBytes(of: generator.next() as UInt64, toByteOffset: 8, as: UInt64.self)
            bytes[6] = (bytes[6] & 0x0F) | 0x40  // version 4
            bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 4122 variant
        }
        return UUID(uuid: raw)
    }

    /// A new object UID, lowercase as Kubernetes writes them.
    @usableFromInline static func newUID() -> String { systemRandom().uuidString.lowercased() }
}
