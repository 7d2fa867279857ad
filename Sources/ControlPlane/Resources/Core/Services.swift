import KubeModel

extension BuiltinResources {
    static let services = ResourceInfo(
        .core("Service", "services"), shortNames: ["svc"], subresources: ["status"], categories: ["all"],
        strategy: ServiceStrategy(), printer: ServiceStrategy.printer, fieldLabels: ["spec.clusterIP", "spec.type"])
}

/// Services: the defaults Kubernetes fills in (type ClusterIP, TCP, targetPort = port, session affinity,
/// IP family), a cluster IP from the service range and node ports for NodePort and LoadBalancer
/// services, both kept across updates that leave them out and never changed once set.
struct ServiceStrategy: ResourceStrategy {
    var names: NameRule { .dns1035Label }

    static let types = ["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"]
    static let protocols = ["TCP", "UDP", "SCTP"]

    func prepareForCreate(_ service: inout JSONValue, context: AdmissionContext) throws(Status) {
        var spec = service["spec"]?.objectValue ?? [:]
        Self.applyDefaults(&spec)
        let type = spec["type"]?.stringValue ?? "ClusterIP"
        let existing = context.store.map { store in
            (try? store.list(BuiltinResources.services, filter: ObjectFilter(), limit: nil, continueToken: nil))?.items
                .map(\.object) ?? []
        } ?? []
        if type != "ExternalName" {
            if Cells.text(spec["clusterIP"]) == nil, let ip = ServiceAddresses.freeClusterIP(taken: existing) {
                spec["clusterIP"] = .string(ip)
            }
            if let ip = spec["clusterIP"]?.stringValue {
                spec["clusterIPs"] = [.string(ip)]
                if ip != "None" || spec["selector"] != nil {
                    spec["ipFamilies"] = spec["ipFamilies"] ?? ["IPv4"]
                    spec["ipFamilyPolicy"] = spec["ipFamilyPolicy"] ?? "SingleStack"
                }
            }
            spec["internalTrafficPolicy"] = spec["internalTrafficPolicy"] ?? "Cluster"
        }
        if type == "NodePort" || type == "LoadBalancer" {
            var taken = ServiceAddresses.nodePorts(of: existing)
            spec["externalTrafficPolicy"] = spec["externalTrafficPolicy"] ?? "Cluster"
            if type == "LoadBalancer" { spec["allocateLoadBalancerNodePorts"] = spec["allocateLoadBalancerNodePorts"] ?? true }
            spec["ports"] = .array(
                (spec["ports"]?.arrayValue ?? []).map { port in
                    guard port["nodePort"]?.intValue == nil, let free = ServiceAddresses.freeNodePort(taken: taken) else {
                        return port
                    }
                    taken.insert(free)
                    var port = port
                    port["nodePort"] = .int(free)
                    return port
                })
        }
        service["spec"] = .object(spec)
        service["status"] = ["loadBalancer": [:]]
    }

    /// What an update leaves out but was allocated stays: cluster IPs, IP families and node ports.
    func prepareForUpdate(_ service: inout JSONValue, old: JSONValue) throws(Status) {
        var spec = service["spec"]?.objectValue ?? [:]
        Self.applyDefaults(&spec)
        let oldSpec = old["spec"]?.objectValue ?? [:]
        let sameType = (spec["type"] ?? "ClusterIP") == (oldSpec["type"] ?? "ClusterIP")
        for field in ["clusterIP", "clusterIPs", "ipFamilies", "ipFamilyPolicy", "internalTrafficPolicy"]
        where spec[field] == nil {
            spec[field] = oldSpec[field]
        }
        if sameType {
            for field in ["externalTrafficPolicy", "allocateLoadBalancerNodePorts"] where spec[field] == nil {
                spec[field] = oldSpec[field]
            }
            let oldPorts = oldSpec["ports"]?.arrayValue ?? []
            spec["ports"] = spec["ports"].map { ports in
                .array(
                    (ports.arrayValue ?? []).map { port in
                        guard port["nodePort"] == nil,
                            let previous = oldPorts.first(where: { $0["port"] == port["port"] && $0["protocol"] == port["protocol"] })?["nodePort"]
                        else { return port }
                        var port = port
                        port["nodePort"] = previous
                        return port
                    })
            }
        }
        service["spec"] = .object(spec)
    }

    private static func applyDefaults(_ spec: inout JSONObject) {
        spec["type"] = spec["type"] ?? "ClusterIP"
        if spec["type"]?.stringValue != "ExternalName" { spec["sessionAffinity"] = spec["sessionAffinity"] ?? "None" }
        if let ports = spec["ports"]?.arrayValue {
            spec["ports"] = .array(
                ports.map { port in
                    var port = port
                    port["protocol"] = port["protocol"] ?? "TCP"
                    if port["targetPort"] == nil, let number = port["port"] { port["targetPort"] = number }
                    return port
                })
        }
    }

    func validate(_ service: JSONValue) -> [FieldError] {
        let spec = service["spec"]?.objectValue ?? [:]
        let type = spec["type"]?.stringValue ?? "ClusterIP"
        var errors: [FieldError] = []
        if !Self.types.contains(type) {
            errors.append(.notSupported("spec.type", .string(type), supported: Self.types.map(JSONValue.string)))
        }
        let ports = spec["ports"]?.arrayValue ?? []
        let headless = spec["clusterIP"]?.stringValue == "None"
        if type == "ExternalName" {
            if Cells.text(spec["externalName"]) == nil { errors.append(.required("spec.externalName")) }
        } else if ports.isEmpty && !headless {
            errors.append(.required("spec.ports"))
        }
        var names = Set<String>()
        for (index, port) in ports.enumerated() {
            let field = "spec.ports[\(index)]"
            let name = port["name"]?.stringValue ?? ""
            if ports.count > 1 && name.isEmpty { errors.append(.required("\(field).name")) }
            if !name.isEmpty && !names.insert(name).inserted { errors.append(.duplicate("\(field).name", .string(name))) }
            let number = port["port"]?.intValue ?? 0
            if !(1...65535).contains(number) {
                errors.append(.invalid("\(field).port", port["port"] ?? .int(0), "must be between 1 and 65535, inclusive"))
            }
            let proto = port["protocol"]?.stringValue ?? "TCP"
            if !Self.protocols.contains(proto) {
                errors.append(.notSupported("\(field).protocol", .string(proto), supported: Self.protocols.map(JSONValue.string)))
            }
            if let nodePort = port["nodePort"]?.intValue, !ServiceAddresses.nodePortRange.contains(nodePort) {
                errors.append(.invalid("\(field).nodePort", .int(nodePort), "provided port is not in the valid range. The range of valid ports is 30000-32767"))
            }
        }
        if let ip = spec["clusterIP"]?.stringValue, ip != "None", !ip.isEmpty, !ServiceAddresses.inServiceRange(ip) {
            errors.append(
                .invalid(
                    "spec.clusterIPs", .array([.string(ip)]),
                    "failed to allocate IP \(ip): provided IP is not in the valid range. The range of valid IPs is \(ServiceAddresses.serviceCIDR)"))
        }
        return errors
    }

    func validateUpdate(_ service: JSONValue, old: JSONValue) -> [FieldError] {
        let oldIP = old[path: ["spec", "clusterIP"]]?.stringValue ?? ""
        let newIP = service[path: ["spec", "clusterIP"]]?.stringValue ?? ""
        let type = service[path: ["spec", "type"]]?.stringValue ?? "ClusterIP"
        guard !oldIP.isEmpty, type != "ExternalName", newIP != oldIP else { return [] }
        return [.invalid("spec.clusterIPs[0]", .string(newIP), "may not change once set")]
    }

    static let printer = TablePrinter([
        .name, .field("Type", ["spec", "type"], absent: "ClusterIP"),
        PrinterColumn("Cluster-IP") { .string($0[path: ["spec", "clusterIPs"]]?.arrayValue?.first?.stringValue ?? "<none>") },
        PrinterColumn("External-IP") { .string(externalIP($0)) },
        PrinterColumn("Port(s)") { .string(ports($0)) },
        .age,
        PrinterColumn("Selector", priority: 1) { .string(Cells.labels($0[path: ["spec", "selector"]])) },
    ])

    /// The EXTERNAL-IP column: the external name, the load balancer's addresses then the external IPs
    /// (`<pending>` until there is one), or the external IPs.
    static func externalIP(_ service: JSONValue) -> String {
        let spec = service["spec"]
        let externalIPs = (spec?["externalIPs"]?.arrayValue ?? []).compactMap(\.stringValue)
        switch spec?["type"]?.stringValue ?? "ClusterIP" {
        case "ExternalName":
            return spec?["externalName"]?.stringValue ?? ""
        case "LoadBalancer":
            let ingress = Set((service[path: ["status", "loadBalancer", "ingress"]]?.arrayValue ?? []).compactMap {
                Cells.text($0["ip"]) ?? Cells.text($0["hostname"])
            }).sorted()
            let all = ingress + externalIPs
            return all.isEmpty ? "<pending>" : all.joined(separator: ",")
        case "ClusterIP", "NodePort":
            return externalIPs.isEmpty ? "<none>" : externalIPs.joined(separator: ",")
        default:
            return "<unknown>"
        }
    }

    /// The PORT(S) column: `80/TCP`, `80:30080/TCP` with a node port.
    static func ports(_ service: JSONValue) -> String {
        let ports = service[path: ["spec", "ports"]]?.arrayValue ?? []
        guard !ports.isEmpty else { return "<none>" }
        return ports.map { port in
            let number = port["port"]?.intValue ?? 0
            let proto = port["protocol"]?.stringValue ?? "TCP"
            if let nodePort = port["nodePort"]?.intValue, nodePort != 0 { return "\(number):\(nodePort)/\(proto)" }
            return "\(number)/\(proto)"
        }.joined(separator: ",")
    }
}

/// The service IP range and node port range, and picking free addresses in them.
enum ServiceAddresses {
    static let serviceCIDR = "10.96.0.0/12"
    static let nodePortRange: ClosedRange<Int64> = 30000...32767
    /// 10.96.0.0/12 as a number and its size; .0 and the broadcast address are never given out, nor .1,
    /// which Kubernetes keeps for the `kubernetes` service.
    private static let base: UInt32 = (10 << 24) | (96 << 16)
    private static let size: UInt32 = 1 << 20

    static func inServiceRange(_ ip: String) -> Bool {
        guard let value = number(ip) else { return false }
        return value & ~(size - 1) == base
    }

    static func freeClusterIP(taken services: [JSONValue]) -> String? {
        let taken = Set(services.compactMap { $0[path: ["spec", "clusterIP"]]?.stringValue }.compactMap(number))
        for _ in 0..<64 {
            let candidate = base + UInt32.random(in: 10..<(size - 1))
            if !taken.contains(candidate) { return text(candidate) }
        }
        return (base + 10..<base + size - 1).first { !taken.contains($0) }.map(text)
    }

    static func nodePorts(of services: [JSONValue]) -> Set<Int64> {
        Set(services.flatMap { ($0[path: ["spec", "ports"]]?.arrayValue ?? []).compactMap { $0["nodePort"]?.intValue } })
    }

    static func freeNodePort(taken: Set<Int64>) -> Int64? {
        for _ in 0..<64 {
            let candidate = Int64.random(in: nodePortRange)
            if !taken.contains(candidate) { return candidate }
        }
        return nodePortRange.first { !taken.contains($0) }
    }

    private static func number(_ ip: String) -> UInt32? {
        let parts = ip.split(separator: ".", omittingEmptySubsequences: false).map { UInt32($0) }
        guard parts.count == 4, parts.allSatisfy({ $0 != nil && $0! < 256 }) else { return nil }
        return parts.reduce(UInt32(0)) { ($0 << 8) | $1! }
    }

    private static func text(_ value: UInt32) -> String {
        "\(value >> 24).\((value >> 16) & 255).\((value >> 8) & 255).\(value & 255)"
    }
}
