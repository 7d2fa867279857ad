/// Names of the objects a set owns: pods `<set>-<ordinal>`, claims `<claim>-<set>-<ordinal>`.
public enum PodNaming {
    public static func podName(setName: String, ordinal: Int) -> String { "\(setName)-\(ordinal)" }

    public static func claimName(claim: String, setName: String, ordinal: Int) -> String {
        "\(claim)-\(setName)-\(ordinal)"
    }
}
