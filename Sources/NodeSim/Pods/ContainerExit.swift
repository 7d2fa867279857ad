import KubeModel

/// The rule that makes a simulated container exit by itself, so that a Job's pods complete.
///
/// **Only containers of pods whose `restartPolicy` is `Never` or `OnFailure` exit**; those of `Always`
/// pods (the default) run until deleted, as servers do. Such a container exits
/// - with code 1 (reason `Error`) after `crashLoopInterval` when its image fails (``FailingImage``): a
///   `Never` pod then ends `Failed`, an `OnFailure` pod restarts it (`CrashLoopBackOff`);
/// - else with code 0 (reason `Completed`) after its run time: `N` seconds when its command and args
///   hold `sleep N` (`["sleep", "5"]`, `["sh", "-c", "sleep 5; echo done"]`), else `defaultRunTime`;
///   `sleep infinity` (or anything past 30 years) never exits.
///
/// A pod whose containers have all exited is `Succeeded` when every one exited 0, else `Failed`; it
/// holds no resources or IP on its node from then on.
public enum ContainerExit {
    public static let defaultRunTime: Duration = .seconds(1)

    /// Whether containers of a pod with this restart policy ever exit by themselves.
    static func exits(restartPolicy: String?) -> Bool {
        restartPolicy == "Never" || restartPolicy == "OnFailure"
    }

    /// How long the container runs before it exits 0: the seconds of a `sleep N` in its command line
    /// (nil for `sleep infinity`: until stopped).
    static func runTime(of container: Container) -> Duration? {
        let words = ((container.command ?? []) + (container.args ?? [])).flatMap {
            $0.split(whereSeparator: { $0 == " " || $0 == ";" || $0 == "&" || $0 == "\n" })
        }
        for (index, word) in words.enumerated() where word == "sleep" && index + 1 < words.count {
            guard let seconds = Double(words[index + 1]), seconds >= 0 else { continue }
            return seconds < 1e9 ? .milliseconds(Int64(seconds * 1000)) : nil
        }
        return defaultRunTime
    }
}
