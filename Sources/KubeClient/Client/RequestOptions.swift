/// Options of a list call.
public struct ListOptions: Sendable, Hashable {
    /// e.g. `app=web,tier in (a,b)`.
    public var labelSelector: String?
    /// e.g. `spec.nodeName=n1`.
    public var fieldSelector: String?
    /// Page size; the response's `metadata.continue` fetches the next page.
    public var limit: Int?
    public var `continue`: String?
    public var resourceVersion: String?

    public init(
        labelSelector: String? = nil, fieldSelector: String? = nil, limit: Int? = nil, continue: String? = nil,
        resourceVersion: String? = nil
    ) {
        self.labelSelector = labelSelector
        self.fieldSelector = fieldSelector
        self.limit = limit
        self.continue = `continue`
        self.resourceVersion = resourceVersion
    }

    var queryItems: [(String, String)] {
        var items: [(String, String)] = []
        if let labelSelector, !labelSelector.isEmpty { items.append(("labelSelector", labelSelector)) }
        if let fieldSelector, !fieldSelector.isEmpty { items.append(("fieldSelector", fieldSelector)) }
        if let limit { items.append(("limit", String(limit))) }
        if let `continue`, !`continue`.isEmpty { items.append(("continue", `continue`)) }
        if let resourceVersion { items.append(("resourceVersion", resourceVersion)) }
        return items
    }
}

/// Options of a watch call.
public struct WatchOptions: Sendable, Hashable {
    public var labelSelector: String?
    public var fieldSelector: String?
    /// Start after this version; nil or "" starts with synthetic ADDED events for the current state.
    public var resourceVersion: String?
    public var allowWatchBookmarks: Bool
    /// Server-side timeout after which the stream ends normally.
    public var timeoutSeconds: Int?

    public init(
        labelSelector: String? = nil, fieldSelector: String? = nil, resourceVersion: String? = nil,
        allowWatchBookmarks: Bool = false, timeoutSeconds: Int? = nil
    ) {
        self.labelSelector = labelSelector
        self.fieldSelector = fieldSelector
        self.resourceVersion = resourceVersion
        self.allowWatchBookmarks = allowWatchBookmarks
        self.timeoutSeconds = timeoutSeconds
    }

    var queryItems: [(String, String)] {
        var items: [(String, String)] = [("watch", "1")]
        if let labelSelector, !labelSelector.isEmpty { items.append(("labelSelector", labelSelector)) }
        if let fieldSelector, !fieldSelector.isEmpty { items.append(("fieldSelector", fieldSelector)) }
        if let resourceVersion { items.append(("resourceVersion", resourceVersion)) }
        if allowWatchBookmarks { items.append(("allowWatchBookmarks", "true")) }
        if let timeoutSeconds { items.append(("timeoutSeconds", String(timeoutSeconds))) }
        return items
    }
}

/// Options of a delete call, sent as a `DeleteOptions` body.
public struct DeleteOptions: Sendable, Hashable {
    public enum PropagationPolicy: String, Sendable, Hashable {
        case orphan = "Orphan"
        case background = "Background"
        case foreground = "Foreground"
    }

    public var propagationPolicy: PropagationPolicy?
    public var gracePeriodSeconds: Int?
    /// Delete only if the object still has this UID.
    public var preconditionUID: String?
    /// Delete only if the object still has this resourceVersion.
    public var preconditionResourceVersion: String?

    public init(
        propagationPolicy: PropagationPolicy? = nil, gracePeriodSeconds: Int? = nil,
        preconditionUID: String? = nil, preconditionResourceVersion: String? = nil
    ) {
        self.propagationPolicy = propagationPolicy
        self.gracePeriodSeconds = gracePeriodSeconds
        self.preconditionUID = preconditionUID
        self.preconditionResourceVersion = preconditionResourceVersion
    }

    var isEmpty: Bool {
        propagationPolicy == nil && gracePeriodSeconds == nil && preconditionUID == nil
            && preconditionResourceVersion == nil
    }
}
