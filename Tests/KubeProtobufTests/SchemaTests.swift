import Testing

@testable import KubeProtobuf

@Suite("Schema")
struct SchemaTests {
    @Test func theDeclarationsResolve() {
        #expect(Schema.Builder.standard().problems() == [])
    }
}
