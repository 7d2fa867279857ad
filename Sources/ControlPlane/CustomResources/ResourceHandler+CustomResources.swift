import KubeModel

extension ResourceHandler {
    var customResources: CustomResources { CustomResources(store: store, registry: registry, logger: logger) }
}
