import ArgumentParser
import Foundation
import KubeClient
import KubeModel
import SteadAPI
import SteadController
import SteadRuntime

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show a StatefulPodSet's pods: node, revision, readiness, and how each was last updated."
    )

    @OptionGroup var target: SetCommandOptions

    func run() async throws {
        let report = try await target.withClient { client, namespace in try await load(client, namespace: namespace) }
        say(report.render())
    }

    private func load(_ client: KubeClient, namespace: String) async throws -> SetStatusReport {
        let found = try await client.get(StatefulPodSet.self, name: target.set, namespace: namespace)
        let owned = ListOptions(labelSelector: "\(SteadKeys.set)=\(target.set)")
        let isOurs: (ObjectMeta) -> Bool = { $0.controllerReference?.uid == found.metadata.uid }
        let pods = try await client.listAll(Pod.self, namespace: namespace, options: owned).items.filter { isOurs($0.metadata) }
        let events = try await client.listAll(Event.self, namespace: namespace).items
        return SetStatusReport(set: found, pods: pods, events: events)
    }
}
