// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "coursegen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "coursegen", targets: ["coursegen"]),
        .library(name: "Calculus", targets: ["Calculus"]),
        .library(name: "Plotting", targets: ["Plotting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
    ],
    targets: [
        // The only door to libcmark: a module map over <cmark.h>.
        .systemLibrary(
            name: "CCMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "MarkdownSyntax", dependencies: ["CCMark"]),
        .target(name: "Calculus", dependencies: [.product(name: "BigInt", package: "BigInt")]),
        .target(name: "Plotting"),
        .target(
            name: "Courseware",
            dependencies: [
                "MarkdownSyntax", "Calculus", "Plotting",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "coursegen",
            dependencies: ["Courseware", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "calcbench", dependencies: ["Calculus"], path: "Benchmarks/calcbench"),
        .executableTarget(name: "plotbench", dependencies: ["Plotting"], path: "Benchmarks/plotbench"),

        .testTarget(name: "MarkdownSyntaxTests", dependencies: ["MarkdownSyntax"]),
        .testTarget(name: "CalculusTests", dependencies: ["Calculus"]),
        .testTarget(name: "PlottingTests", dependencies: ["Plotting"], resources: [.copy("Golden")]),
        .testTarget(name: "CoursewareTests", dependencies: ["Courseware", .product(name: "Mustache", package: "swift-mustache")]),
        .testTarget(name: "EndToEndTests", dependencies: ["Courseware"], exclude: ["Golden"]),
    ]
)
