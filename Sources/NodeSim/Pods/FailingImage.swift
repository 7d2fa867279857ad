/// The rule that makes a simulated container fail, for tests of stuck rollouts.
///
/// **A container fails when the tag of its image starts with `fail`**: `nginx:fail`, `web:fail-v2`,
/// `registry:5000/app:failing` fail; `nginx:1.27`, `fail/app:1` and `nginx` do not. A failing container
/// never becomes ready: its state is `waiting` with reason `CrashLoopBackOff`, its `restartCount` grows
/// every `crashLoopInterval`, and the pod's `ContainersReady` and `Ready` stay False.
public enum FailingImage {
    public static func fails(_ image: String?) -> Bool {
        guard let tag = tag(of: image) else { return false }
        return tag.hasPrefix("fail")
    }

    /// The tag of `repo[:port]/name:tag[@digest]`, nil when there is none.
    static func tag(of image: String?) -> String? {
        guard var image else { return nil }
        if let at = image.firstIndex(of: "@") { image = String(image[..<at]) }
        let lastComponent = image.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(image)
        guard let colon = lastComponent.lastIndex(of: ":") else { return nil }
        return String(lastComponent[lastComponent.index(after: colon)...])
    }
}
