import Foundation
import KubeClient
import KubeModel
import SteadAPI
import SteadTestSupport
import SteadController
import Testing

extension EndToEnd {
    /// A set with one local volume per pod, from creation to deletion: ordinals created in order, each pod
    /// on the node of its volume, scaled up and down (claims of removed ordinals deleted as the policy
    /// says), deleted (claims kept as the policy says), and no capacity reserved afterwards.
    @Suite("lifecycle", .serialized)
    struct Lifecycle {
        @Test func createScaleAndDeleteWithLocalVolumes() async throws {
            try await Scenario.run("life", nodes: 3) { scenario in
                let storageClass = "e2e-local-\(E2EConfiguration.runID)"
                try await scenario.apply(Manifests.localStorageClass(storageClass))
                // Five volumes over three nodes: two nodes hold two each.
                var volumeNode: [String: String] = [:]
                for index in 0..<5 {
                    let volume = "\(scenario.namespace)-pv\(index)"
                    let node = scenario.pool.nodeNames[index % 3]
                    volumeNode[volume] = node
                    try await scenario.apply(Manifests.localVolume(volume, node: node, storageClass: storageClass))
                }
                defer {
                    let kubectl = scenario.kubectl
                    let names = Array(volumeNode.keys)
                    Task { _ = try? await kubectl.run(["delete", "pv"] + names + ["storageclass", storageClass, "--wait=false"]) }
                }

                var options = Manifests.SetOptions()
                options.podManagement = "OrderedReady"
                options.claims = ["data"]
                options.storageClass = storageClass
                options.whenScaled = "Delete"
                options.whenDeleted = "Retain"
                let pods = try await scenario.watchPods(of: "db")
                try await scenario.apply(Manifests.statefulPodSet("db", pool: scenario.pool.name, options))
                let set = try await scenario.waitForRollout("db")
                await pods.stop()

                // OrderedReady: each pod is created only once the one before it is Ready.
                let history = await pods.history
                for ordinal in 1..<3 {
                    let previousReady = history.firstIndex { $0.object.name == "db-\(ordinal - 1)" && $0.object.isRunningAndReady }
                    let created = history.firstIndex { $0.object.name == "db-\(ordinal)" }
                    #expect(previousReady != nil && created != nil && created! > previousReady!,
                            "db-\(ordinal) created before db-\(ordinal - 1) was Ready")
                }
                try await expectPodsOnTheirVolumes(scenario, set: "db", replicas: 3, volumeNode: volumeNode)
                #expect(set.status?.readyReplicas == 3)
                for (ordinal, pod) in try await scenario.pods(of: "db") {
                    #expect(pod.metadata.labels?[SteadKeys.podName] == "db-\(ordinal)")
                    #expect(pod.metadata.labels?[SteadKeys.revisionHash] == set.status?.updateRevision)
                    #expect(pod.spec?.schedulerName == "stead")
                    #expect(pod.status?.condition(SteadKeys.inPlaceUpdateReady)?.status == "True")
                    #expect(pod.metadata.controllerReference?.uid == set.metadata.uid)
                }
                // kubectl shows the CRD's printer columns: NAME REPLICAS READY UPDATED AVAILABLE ...
                let table = try await scenario.get(["statefulpodsets", "-o", "wide"])
                #expect(tableRow(table, "db").prefix(5) == ["db", "3", "3", "3", "3"], "\(table)")

                try await scenario.patchSet("db", ["spec": ["replicas": 5]])
                try await scenario.waitForRollout("db")
                try await expectPodsOnTheirVolumes(scenario, set: "db", replicas: 5, volumeNode: volumeNode)

                try await scenario.patchSet("db", ["spec": ["replicas": 2]])
                try await scenario.waitForRollout("db")
                // The status stops counting the condemned pods once they are terminating; their kubelet
                // deletes them a moment later: seen through a watch, not by luck of timing.
                let remaining = try await scenario.watchPods(of: "db")
                try await remaining.waitUntil("db-2, db-3 and db-4 deleted") { $0.count == 2 }
                await remaining.stop()
                #expect(try await scenario.pods(of: "db").keys.sorted() == [0, 1])
                try await waitForClaims(scenario, ["data-db-0", "data-db-1"], "whenScaled: Delete removed the others")
                try await expectNoReservation(scenario, "after scaling down")

                try await scenario.kubectl.succeed(["delete", "statefulpodset", "db", "-n", scenario.namespace])
                let gone = try await scenario.watchPods(of: "db")
                try await gone.waitUntil("the set's pods deleted by the garbage collector") { $0.isEmpty }
                await gone.stop()
                try await waitForClaims(scenario, ["data-db-0", "data-db-1"], "whenDeleted: Retain kept them")
                try await expectNoReservation(scenario, "after deleting the set")
            }
        }

        /// Each pod runs on the node of the local volume its claim is bound to.
        func expectPodsOnTheirVolumes(
            _ scenario: Scenario, set: String, replicas: Int, volumeNode: [String: String]
        ) async throws {
            let claims = try await scenario.admin.list(PersistentVolumeClaim.self, namespace: scenario.namespace).items
            let pods = try await scenario.pods(of: set)
            #expect(pods.count == replicas)
            for (ordinal, pod) in pods {
                let claim = claims.first { $0.name == "data-\(set)-\(ordinal)" }
                #expect(claim?.status?.phase == "Bound", "data-\(set)-\(ordinal): \(String(describing: claim?.status))")
                let volume = claim?.spec?.volumeName ?? ""
                #expect(pod.spec?.nodeName == volumeNode[volume], "\(pod.name) is not on the node of \(volume)")
            }
        }

        func waitForClaims(_ scenario: Scenario, _ names: [String], _ what: String) async throws {
            let claims = try await Watched<PersistentVolumeClaim>.start(client: scenario.admin, namespace: scenario.namespace)
            defer { Task { await claims.stop() } }
            try await claims.waitUntil(what) { claims in claims.map(\.name).sorted() == names.sorted() }
        }
    }
}

/// The leader's `stead_scheduler_reservations_held` comes back to 0. Reservations expire after 60 s; the
/// wait is shorter, so a reservation left behind cannot pass by expiring.
func expectNoReservation(_ scenario: Scenario, _ when: String) async throws {
    let leader = try await scenario.installation.replicas.leader()
    let deadline = ContinuousClock.now + .seconds(20)
    var held: Double?
    while ContinuousClock.now < deadline {
        held = await SteadReplicas.metricValue("stead_scheduler_reservations_held", of: leader)
        if held == 0 { return }
        try await Task.sleep(for: .milliseconds(500))
    }
    Issue.record("reservations held \(when): \(held.map { "\($0)" } ?? "no metric")")
}

/// The cells of the row of `name` in a table kubectl printed.
func tableRow(_ table: String, _ name: String) -> [String] {
    for line in table.split(separator: "\n") {
        let cells = line.split(whereSeparator: \.isWhitespace).map(String.init)
        if cells.first == name { return cells }
    }
    return []
}
