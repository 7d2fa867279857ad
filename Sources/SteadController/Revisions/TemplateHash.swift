import Crypto
import Foundation
import KubeModel

/// A short, stable name for a template: SHA-256 of its canonical JSON (keys sorted, so key order never
/// matters) and of the collision count, written in the alphabet Kubernetes uses for
/// `controller-revision-hash` values (no vowels, so no words).
public enum TemplateHash {
    static let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
    public static let length = 10

    public static func hash(_ template: PodTemplateSpec, collisionCount: Int32 = 0) -> String {
        hash(of: template.json, collisionCount: collisionCount)
    }

    public static func hash(of value: JSONValue, collisionCount: Int32 = 0) -> String {
        var data = CanonicalJSON.data(value)
        if collisionCount != 0 { data.append(contentsOf: Array("\u{0}\(collisionCount)".utf8)) }
        let digest = Array(SHA256.hash(data: data))
        var number: UInt64 = 0
        for byte in digest.prefix(8) { number = number << 8 | UInt64(byte) }
        var text = ""
        for _ in 0..<length {
            text.append(alphabet[Int(number % UInt64(alphabet.count))])
            number /= UInt64(alphabet.count)
        }
        return text
    }
}
