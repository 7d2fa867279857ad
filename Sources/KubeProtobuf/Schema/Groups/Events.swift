// Field numbers and wire types: this group's generated.proto in kubernetes/api (kubernetes/apimachinery
// for meta/v1), master at commit 10b39a3 of July 2026 (Kubernetes 1.37 in development). JSON names and
// `.omitEmpty` (omitempty on a non-pointer scalar): the json tags of the same Go types. Message names are
// unique across groups.
extension Schema.Builder {
    /// events.k8s.io/v1.
    mutating func declareEventsV1() {
        inPackage("io.k8s.api.events.v1")
        message("EventsV1Event", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("eventTime", .microTime),
            3: ("series", .message("EventsV1EventSeries")),
            4: ("reportingController", .string.omitEmpty),
            5: ("reportingInstance", .string.omitEmpty),
            6: ("action", .string.omitEmpty),
            7: ("reason", .string.omitEmpty),
            8: ("regarding", .message("ObjectReference")),
            9: ("related", .message("ObjectReference")),
            10: ("note", .string.omitEmpty),
            11: ("type", .string.omitEmpty),
            12: ("deprecatedSource", .message("EventSource")),
            13: ("deprecatedFirstTimestamp", .time),
            14: ("deprecatedLastTimestamp", .time),
            15: ("deprecatedCount", .int32.omitEmpty),
        ])
        goName("EventsV1EventSeries", "EventSeries")
        message("EventsV1EventSeries", [
            1: ("count", .int32),
            2: ("lastObservedTime", .microTime),
        ])
    }
}
