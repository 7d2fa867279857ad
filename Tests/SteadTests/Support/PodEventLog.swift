import Foundation
import KubeClient
import KubeModel
import SteadAPI
import SteadController

/// One pod as one watch event (or a relist) showed it.
struct PodEvent: Sendable {
    var type: WatchEventType
    var uid: String
    var name: String
    var ordinal: Int
    var node: String?
    var revision: String?
    var spec: PodSpec?
    var ready: Bool
    var terminating: Bool
    /// Made up from a relist after the watch could not resume: events in between may be missing.
    var fromRelist: Bool

    init?(_ type: WatchEventType, _ pod: Pod, fromRelist: Bool = false) {
        guard let uid = pod.metadata.uid, let ordinal = Int(pod.metadata.labels?[SteadKeys.podIndex] ?? "") else {
            return nil
        }
        self.type = type
        self.uid = uid
        self.name = pod.name
        self.ordinal = ordinal
        self.node = pod.spec?.nodeName.flatMap { $0.isEmpty ? nil : $0 }
        self.revision = pod.metadata.labels?[SteadKeys.revisionHash]
        self.spec = pod.spec
        self.ready = pod.status?.phase == "Running" && pod.isReady && !pod.isTerminating
        self.terminating = pod.isTerminating
        self.fromRelist = fromRelist
    }

    var image: String? { spec?.containers.first?.image }
}

/// Every change of one set's pods from a watch that outlives dropped connections and API server
/// restarts: it resumes from the last resourceVersion it saw and, when the server no longer has it
/// (410), lists again and records the difference as events.
actor PodEventLog {
    private let client: KubeClient
    private let namespace: String
    private let selector: String
    private(set) var events: [PodEvent] = []
    /// The pods present now, by UID.
    private(set) var present: [String: PodEvent] = [:]
    private(set) var relists = 0
    private var task: Task<Void, Never>?

    private init(client: KubeClient, namespace: String, selector: String) {
        self.client = client
        self.namespace = namespace
        self.selector = selector
    }

    /// Lists the set's pods (recorded as ADDED) and follows them from then on.
    static func start(client: KubeClient, namespace: String, set: String) async throws -> PodEventLog {
        let log = PodEventLog(client: client, namespace: namespace, selector: "\(SteadKeys.set)=\(set)")
        let version = try await log.relist(initial: true)
        await log.follow(from: version)
        return log
    }

    func stop() { task?.cancel() }

    private func follow(from version: String) {
        task = Task { await self.watchLoop(from: version) }
    }

    private func watchLoop(from start: String) async {
        var version: String? = start
        while !Task.isCancelled {
            do {
                if version == nil { version = try await relist(initial: false) }
                let stream = client.watch(
                    Pod.self, namespace: namespace, options: WatchOptions(labelSelector: selector, resourceVersion: version))
                for try await event in stream {
                    record(event)
                    version = event.object.metadata.resourceVersion ?? version
                }
            } catch let error as KubeAPIError where error.isGone {
                version = nil
            } catch {
                // The server is down or restarting: try again from the same version.
                try? await Task.sleep(for: .milliseconds(100))
            }
        }
    }

    private func record(_ event: WatchEvent<Pod>) {
        guard event.type == .added || event.type == .modified || event.type == .deleted,
            let entry = PodEvent(event.type, event.object)
        else { return }
        append(entry)
    }

    private func append(_ entry: PodEvent) {
        events.append(entry)
        present[entry.uid] = entry.type == .deleted ? nil : entry
    }

    /// Lists the pods and records what changed since the last event seen; returns the list's version.
    private func relist(initial: Bool) async throws -> String {
        let list = try await client.listAll(Pod.self, namespace: namespace, options: ListOptions(labelSelector: selector))
        if !initial { relists += 1 }
        let listed = list.items.compactMap { PodEvent(.modified, $0, fromRelist: !initial) }
        let listedUIDs = Set(listed.map(\.uid))
        for gone in present.values where !listedUIDs.contains(gone.uid) {
            var deleted = gone
            deleted.type = .deleted
            deleted.fromRelist = true
            append(deleted)
        }
        for var pod in listed {
            if present[pod.uid] == nil { pod.type = .added }
            append(pod)
        }
        return list.metadata.resourceVersion ?? ""
    }
}
