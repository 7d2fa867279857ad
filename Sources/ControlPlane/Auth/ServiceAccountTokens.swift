import Crypto
import Foundation
import KubeModel

/// ServiceAccount tokens as TokenRequest issues them: JWTs naming the account (its namespace, name and
/// uid), for an audience, until an expiry, signed with a key kept in the data directory. A token is
/// good while it has not expired and the account it names still exists with the same uid.
struct ServiceAccountTokens: Sendable {
    static let issuer = "https://kubernetes.default.svc"
    static let defaultExpiration: Int64 = 3600
    static let minimumExpiration: Int64 = 600

    let key: SymmetricKey

    init(key: SymmetricKey) { self.key = key }

    /// The key in `directory/service-account.key`, made (mode 0600) the first time.
    init(directory: String) throws {
        let path = (directory as NSString).appendingPathComponent("service-account.key")
        if let data = FileManager.default.contents(atPath: path), data.count >= 32 {
            key = SymmetricKey(data: data)
            return
        }
        let fresh = SymmetricKey(size: .bits256)
        let data = fresh.withUnsafeBytes { Data($0) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        key = fresh
    }

    func issue(namespace: String, name: String, uid: String, audiences: [String], expiresIn seconds: Int64, now: Date)
        -> (token: String, expires: Date)
    {
        let issued = Int64(now.timeIntervalSince1970)
        let claims: JSONValue = [
            "iss": .string(Self.issuer), "sub": .string("system:serviceaccount:\(namespace):\(name)"),
            "aud": .array(audiences.map(JSONValue.string)), "iat": .int(issued), "nbf": .int(issued),
            "exp": .int(issued + seconds),
            "kubernetes.io": ["namespace": .string(namespace), "serviceaccount": ["name": .string(name), "uid": .string(uid)]],
        ]
        let header = Base64URL.encode(Data(#"{"alg":"HS256","typ":"JWT"}"#.utf8))
        let payload = Base64URL.encode((try? KubeJSON.serialize(claims)) ?? Data())
        let signed = "\(header).\(payload)"
        let signature = HMAC<SHA256>.authenticationCode(for: Data(signed.utf8), using: key)
        return ("\(signed).\(Base64URL.encode(Data(signature)))", Date(timeIntervalSince1970: TimeInterval(issued + seconds)))
    }

    /// The user of a token: the account it names, while the signature holds, it has not expired, and the
    /// account still exists with the uid the token was issued for.
    func user(of token: String, store: ObjectStore, now: Date) -> UserInfo? {
        guard let account = verify(token, now: now),
            let stored = store.get(BuiltinResources.serviceAccounts, ObjectKey(namespace: account.namespace, name: account.name)),
            stored.object.metadataUID == account.uid
        else { return nil }
        return .serviceAccount(namespace: account.namespace, name: account.name, uid: account.uid)
    }

    /// The account a token names when its signature holds and it has not expired; nil otherwise.
    func verify(_ token: String, now: Date) -> (namespace: String, name: String, uid: String)? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let signature = Base64URL.decode(String(parts[2])) else { return nil }
        let signed = Data("\(parts[0]).\(parts[1])".utf8)
        guard HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: signed, using: key),
            let payload = Base64URL.decode(String(parts[1])), let claims = try? KubeJSON.parse(payload),
            let expires = claims["exp"]?.intValue, Int64(now.timeIntervalSince1970) < expires,
            let namespace = claims[path: ["kubernetes.io", "namespace"]]?.stringValue,
            let name = claims[path: ["kubernetes.io", "serviceaccount", "name"]]?.stringValue
        else { return nil }
        return (namespace, name, claims[path: ["kubernetes.io", "serviceaccount", "uid"]]?.stringValue ?? "")
    }
}
