// swift-tools-version: 6.1
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "Stead",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "stead", targets: ["stead"]),
        .library(name: "KubeModel", targets: ["KubeModel"]),
        .library(name: "KubeClient", targets: ["KubeClient"]),
        .library(name: "ControlPlane", targets: ["ControlPlane"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        .target(
            name: "KubeModel",
            swiftSettings: strict
        ),
        // Kubernetes' protobuf encoding (application/vnd.kubernetes.protobuf) to and from JSON objects.
        .target(name: "KubeProtobuf", dependencies: ["KubeModel"], swiftSettings: strict),
        // How every long-running part starts, stops and runs as a swift-service-lifecycle Service.
        .target(
            name: "SteadLifecycle",
            dependencies: [.product(name: "ServiceLifecycle", package: "swift-service-lifecycle")],
            swiftSettings: strict
        ),
        // The contract between Stead's controller, its scheduler and its CLI: the stead.dev/* names and
        // the typed values behind them.
        .target(name: "SteadAPI", dependencies: ["KubeModel"], swiftSettings: strict),
        .target(
            name: "KubeClient",
            dependencies: [
                "KubeModel",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "ControlPlane",
            dependencies: [
                "SteadLifecycle", "KubeModel", "KubeProtobuf",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "SteadScheduler",
            dependencies: [
                "SteadLifecycle", "KubeModel", "KubeClient", "SteadAPI",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "SteadController",
            dependencies: [
                "SteadLifecycle", "KubeModel", "KubeClient", "SteadAPI",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "NodeSim",
            dependencies: [
                "SteadLifecycle", "KubeModel", "KubeClient",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        // kube-controller-manager's workload controllers (ReplicaSets, Deployments, StatefulSets) for `stead up`.
        .target(
            name: "Workloads",
            dependencies: [
                "SteadLifecycle", "KubeModel", "KubeClient",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // What the stead commands share: component wiring, metrics server, logging options, tables, progress.
        .target(
            name: "SteadRuntime",
            dependencies: [
                "SteadLifecycle", "KubeModel", "KubeClient", "ControlPlane", "NodeSim", "SteadAPI", "SteadScheduler", "SteadController",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict
        ),
        // The benchmarks (`stead bench ...`): out of the product libraries, which carry no switch for them.
        .target(
            name: "SteadBench",
            dependencies: [
                "KubeModel", "KubeClient", "ControlPlane", "NodeSim", "SteadAPI", "SteadScheduler", "SteadController",
                "SteadRuntime", "SteadTestSupport", "Workloads",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "stead",
            dependencies: [
                "KubeModel", "KubeClient", "ControlPlane", "NodeSim", "SteadAPI", "SteadScheduler", "SteadController",
                "SteadRuntime", "SteadBench", "Workloads",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict
        ),
        // Code shared by test targets only (seeded random numbers, starting child programs); not a product.
        .target(
            name: "SteadTestSupport",
            dependencies: [
                "KubeModel", "KubeClient", "KubeProtobuf", "ControlPlane", "SteadScheduler",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
            ],
            path: "Tests/SteadTestSupport",
            swiftSettings: strict),
        .testTarget(name: "KubeModelTests", dependencies: ["KubeModel", "SteadTestSupport"], swiftSettings: strict),
        .testTarget(name: "KubeProtobufTests", dependencies: ["KubeProtobuf", "KubeModel"], swiftSettings: strict),
        .testTarget(
            name: "WorkloadsTests",
            dependencies: [
                "Workloads", "KubeModel", "KubeClient", "ControlPlane", "NodeSim", "SteadScheduler", "SteadTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "NodeSimTests",
            dependencies: [
                "NodeSim", "SteadBench", "KubeModel", "KubeClient", "ControlPlane", "SteadTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SchedulerIntegrationTests",
            dependencies: [
                "SteadScheduler", "NodeSim", "KubeModel", "KubeClient", "ControlPlane", "SteadAPI", "SteadTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SteadControllerIntegrationTests",
            dependencies: [
                "SteadController", "SteadScheduler", "NodeSim", "ControlPlane", "KubeClient", "KubeModel", "SteadAPI",
                "SteadTestSupport", .product(name: "Logging", package: "swift-log"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "SteadControllerTests", dependencies: ["SteadController", "SteadAPI", "KubeModel"], swiftSettings: strict),
        .testTarget(
            name: "SteadSchedulerTests",
            dependencies: [
                "SteadScheduler", "SteadAPI", "KubeModel", "SteadTestSupport",
                .product(name: "MetricsTestKit", package: "swift-metrics"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ControlPlaneTests",
            dependencies: [
                "KubeModel", "ControlPlane", "SteadTestSupport", "KubeProtobuf",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "KubeClientTests",
            dependencies: [
                "KubeModel", "KubeClient", "ControlPlane", "SteadTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strict
        ),
        // Against a real cluster given by STEAD_E2E_KUBECONFIG (CI: ../shared/k8s); skipped without it.
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "KubeModel", "KubeClient", "NodeSim", "SteadAPI", "SteadController", "SteadTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SteadTests",
            dependencies: [
                "stead", "SteadRuntime", "SteadBench", "KubeModel", "KubeClient", "ControlPlane", "SteadAPI", "SteadController",
                "SteadTestSupport",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict
        ),
    ]
)
