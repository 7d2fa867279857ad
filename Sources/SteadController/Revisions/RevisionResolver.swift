import KubeModel

/// What the controller must write so the set's revisions are right, and which revisions are current
/// and update.
public struct RevisionResolution: Sendable, Hashable {
    public var currentRevision: ControllerRevision
    public var updateRevision: ControllerRevision
    public var collisionCount: Int32
    /// A new revision to create (nil when an existing one is reused).
    public var create: ControllerRevision?
    /// An existing revision reused on rollback, with its revision number raised to the newest.
    public var renumber: ControllerRevision?
}

/// Chooses the current and update revisions as the StatefulSet controller does: the template's revision
/// is reused when one with an equal template exists (a rollback), else a new one is made; a name taken
/// by a different template raises the collision count, which changes the hash.
public enum RevisionResolver {
    public static func resolve(set: StatefulPodSet, revisions: [ControllerRevision]) -> RevisionResolution {
        let history = revisions.sorted { ($0.revision, $0.name) < ($1.revision, $1.name) }
        let nextNumber = (history.last?.revision ?? 0) + 1
        var collisionCount = set.status?.collisionCount ?? 0
        let wanted = RevisionBuilder.build(for: set, revisionNumber: nextNumber, collisionCount: collisionCount)

        var create: ControllerRevision?
        var renumber: ControllerRevision?
        let update: ControllerRevision
        if let equal = history.last(where: { $0.data == wanted.data }) {
            if equal.name == history.last?.name {
                update = equal
            } else {
                var bumped = equal
                bumped.revision = nextNumber
                renumber = bumped
                update = bumped
            }
        } else {
            var candidate = wanted
            let byName = Dictionary(history.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            while let taken = byName[candidate.name], taken.data != candidate.data {
                collisionCount += 1
                candidate = RevisionBuilder.build(for: set, revisionNumber: nextNumber, collisionCount: collisionCount)
            }
            create = candidate
            update = candidate
        }

        let currentName = set.status?.currentRevision
        let current: ControllerRevision
        if currentName == nil || currentName == update.name {
            current = update
        } else {
            current = history.first { $0.name == currentName } ?? update
        }
        return RevisionResolution(
            currentRevision: current, updateRevision: update, collisionCount: collisionCount, create: create,
            renumber: renumber)
    }
}
