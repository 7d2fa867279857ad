/// A configuration that cannot be loaded: the message says what is missing and where it was looked for.
public struct ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case noConfiguration
        case unreadableFile
        case invalidKubeconfig
        case contextNotFound
        case clusterNotFound
        case userNotFound
        case invalidBase64
        case invalidServer
        case inClusterIncomplete
        case invalidCredentials
    }

    public var kind: Kind
    public var message: String
    /// The file, folder or context the problem was found in, when known.
    public var source: String?

    public init(_ kind: Kind, _ message: String, source: String? = nil) {
        self.kind = kind
        self.message = message
        self.source = source
    }

    public var description: String { "kube client configuration: \(message)" }
}
