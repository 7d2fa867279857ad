import KubeModel

extension BuiltinResources {
    static let ingresses = ResourceInfo(
        .group("networking.k8s.io", "v1", "Ingress", "ingresses"), shortNames: ["ing"], subresources: ["status"],
        strategy: PlainStrategy(),
        printer: TablePrinter([
            .name, .field("Class", ["spec", "ingressClassName"]),
            PrinterColumn("Hosts") { ingress in
                let rules = ingress[path: ["spec", "rules"]]?.arrayValue ?? []
                let hosts = rules.compactMap { Cells.text($0["host"]) }.prefix(3)
                guard !hosts.isEmpty else { return "*" }
                let more = rules.count > 3 && hosts.count == 3 ? " + \(rules.count - 3) more..." : ""
                return .string(hosts.joined(separator: ",") + more)
            },
            PrinterColumn("Address") { ingress in
                let addresses = Set((ingress[path: ["status", "loadBalancer", "ingress"]]?.arrayValue ?? []).compactMap {
                    Cells.text($0["ip"]) ?? Cells.text($0["hostname"])
                })
                return .string(addresses.sorted().joined(separator: ","))
            },
            PrinterColumn("Ports") { .string((($0[path: ["spec", "tls"]]?.arrayValue ?? []).isEmpty) ? "80" : "80, 443") },
            .age,
        ]))

    static let ingressClasses = ResourceInfo(
        .group("networking.k8s.io", "v1", "IngressClass", "ingressclasses", namespaced: false), strategy: PlainStrategy(),
        printer: TablePrinter([
            .name, .field("Controller", ["spec", "controller"], absent: ""),
            PrinterColumn("Parameters") { ingressClass in
                guard let parameters = ingressClass[path: ["spec", "parameters"]], parameters != .null else { return "<none>" }
                let group = Cells.text(parameters["apiGroup"]).map { ".\($0)" } ?? ""
                return .string("\(parameters["kind"]?.stringValue ?? "")\(group)/\(parameters["name"]?.stringValue ?? "")")
            },
            .age,
        ]))

    static let networkPolicies = ResourceInfo(
        .group("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies"), shortNames: ["netpol"],
        strategy: PlainStrategy(),
        printer: TablePrinter([
            .name, PrinterColumn("Pod-Selector") { .string(Cells.selector($0[path: ["spec", "podSelector"]])) }, .age,
        ]))

    static let endpointSlices = ResourceInfo(
        .group("discovery.k8s.io", "v1", "EndpointSlice", "endpointslices"), strategy: PlainStrategy(),
        printer: TablePrinter([
            .name, .field("AddressType", ["addressType"], absent: ""),
            PrinterColumn("Ports") { slice in
                let ports = (slice["ports"]?.arrayValue ?? []).map { port in
                    port["port"]?.intValue.map(String.init) ?? port["name"]?.stringValue ?? "*"
                }
                return .string(ports.isEmpty ? "<unset>" : Cells.limited(ports))
            },
            PrinterColumn("Endpoints") { slice in
                let addresses = (slice["endpoints"]?.arrayValue ?? []).flatMap { ($0["addresses"]?.arrayValue ?? []).compactMap(\.stringValue) }
                return .string(addresses.isEmpty ? "<unset>" : Cells.limited(addresses))
            },
            .age,
        ]))
}
