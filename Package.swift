// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "kvrepl",
    products: [
        .executable(name: "kvrepl", targets: ["REPL"]),
        .executable(name: "kvbench", targets: ["kvbench"]),
        .library(name: "Cluster", targets: ["Cluster"]),
        .library(name: "Lang", targets: ["Lang"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.1.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.0"),
    ],
    targets: [
        .target(
            name: "Cluster",
            dependencies: [.product(name: "DequeModule", package: "swift-collections")]
        ),
        .target(name: "Lang", dependencies: ["Cluster"], plugins: ["CommandListPlugin"]),
        // Lists the commands declared in Sources/Lang/Commands, at every build.
        .executableTarget(name: "CommandListGenerator"),
        .plugin(name: "CommandListPlugin", capability: .buildTool(), dependencies: ["CommandListGenerator"]),
        .executableTarget(
            name: "REPL",
            dependencies: [
                "Lang",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: [.linkedLibrary("dl")]
        ),
        .executableTarget(
            name: "kvbench",
            dependencies: [
                "Cluster", "Lang",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "HeapModule", package: "swift-collections"),
            ]
        ),
        .testTarget(
            name: "ClusterTests",
            dependencies: ["Cluster", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "LangTests", dependencies: ["Lang"]),
        .testTarget(name: "REPLTests", dependencies: ["REPL"]),
        .testTarget(name: "EndToEndTests", dependencies: ["REPL", "kvbench"]),
    ],
    swiftLanguageModes: [.v6]
)
