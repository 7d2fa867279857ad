import KubeModel

extension KubeClient {
    /// Creates `object`; when it exists already, makes the stored one what `update` makes of it, unless
    /// `update` leaves it unchanged. The update carries the stored resourceVersion, so a change made
    /// meanwhile is a 409, after which the object is read again (ten times at most).
    public func createOrUpdate(
        _ resource: ResourceType, _ object: JSONValue, namespace: String? = nil,
        update: (inout JSONValue) -> Void
    ) async throws {
        let namespace = namespace ?? object[path: ["metadata", "namespace"]]?.stringValue
        do {
            _ = try await create(resource, object, namespace: namespace)
            return
        } catch let error as KubeAPIError where error.isAlreadyExists {}
        let name = object[path: ["metadata", "name"]]?.stringValue ?? ""
        for _ in 0..<10 {
            let existing = try await get(resource, name: name, namespace: namespace)
            var wanted = existing
            update(&wanted)
            guard wanted != existing else { return }
            do {
                _ = try await self.update(resource, wanted, namespace: namespace)
                return
            } catch let error as KubeAPIError where error.isConflict {
                continue
            }
        }
        throw KubeAPIError(httpCode: 409, message: "\(resource) \(name) kept changing while it was being updated")
    }
}
