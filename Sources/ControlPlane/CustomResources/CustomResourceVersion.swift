import KubeModel

/// What a CustomResourceDefinition says about one served version of its resource: the schema objects
/// are checked against, the scale subresource's paths and the printer columns.
public struct CustomResourceVersion: Sendable, Hashable {
    /// `metadata.name` of the CRD that registered this version.
    public var definitionName: String
    /// `openAPIV3Schema`; nil only for CRDs stored before schemas were required.
    public var schema: JSONValue?
    public var scale: ScalePaths?
    public var printerColumns: [PrinterColumn]

    public struct ScalePaths: Sendable, Hashable {
        public var specReplicas: String
        public var statusReplicas: String
        public var labelSelector: String?
    }

    public struct PrinterColumn: Sendable, Hashable {
        public var name: String
        /// integer, number, string, boolean or date.
        public var type: String
        public var format: String
        public var description: String
        public var priority: Int
        public var jsonPath: String
    }
}
