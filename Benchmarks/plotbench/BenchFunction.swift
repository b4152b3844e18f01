import Foundation

/// A test function of the benchmarks, with the window it is plotted on.
struct BenchFunction: Sendable {
    /// Short name shared with the Python side of the benchmark.
    var name: String
    /// How the function is written, for the report.
    var formula: String
    var x: ClosedRange<Double>
    var y: ClosedRange<Double>
    var f: @Sendable (Double, Double) -> Double
    var gradient: @Sendable (Double, Double) -> (Double, Double)

    static let all: [BenchFunction] = [
        BenchFunction(
            name: "bowl", formula: "x^2 + 2 y^2", x: -3...3, y: -3...3,
            f: { x, y in x * x + 2 * y * y },
            gradient: { x, y in (2 * x, 4 * y) }),
        BenchFunction(
            name: "sincos", formula: "sin x cos y", x: -3...3, y: -3...3,
            f: { x, y in sin(x) * cos(y) },
            gradient: { x, y in (cos(x) * cos(y), -sin(x) * sin(y)) }),
        BenchFunction(
            name: "gauss", formula: "x y e^{-x^2-y^2}", x: -2...2, y: -2...2,
            f: { x, y in x * y * exp(-x * x - y * y) },
            gradient: { x, y in
                let e = exp(-x * x - y * y)
                return (y * (1 - 2 * x * x) * e, x * (1 - 2 * y * y) * e)
            }),
    ]
}
