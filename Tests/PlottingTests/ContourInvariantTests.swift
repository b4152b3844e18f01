import Foundation
import Testing
@testable import Plotting

/// A function sampled on a window, with levels to trace: the inputs of the invariant tests.
struct ContourCase: Sendable, CustomTestStringConvertible {
    var name: String
    var f: @Sendable (Double, Double) -> Double
    var x: ClosedRange<Double>
    var y: ClosedRange<Double>
    var n: Int
    var levels: [Double]
    var testDescription: String { "\(name) on \(n)x\(n)" }

    var grid: SampledGrid { SampledGrid.sample(f, x: x, y: y, nx: n, ny: n) }

    static let all: [ContourCase] = [
        ContourCase(name: "x^2 + 2y^2", f: { x, y in x * x + 2 * y * y }, x: -3...3, y: -3...3, n: 101,
                    levels: [0.15, 0.6, 1.5, 2.5, 4, 8, 13, 19, 23, 26.9]),
        ContourCase(name: "sin x cos y", f: { x, y in sin(x) * cos(y) }, x: -3...3, y: -3...3, n: 90,
                    levels: [-0.8, -0.5, -0.2, 0, 0.2, 0.5, 0.8, 0.99]),
        ContourCase(name: "x y e^(-x^2-y^2)", f: { x, y in x * y * exp(-x * x - y * y) }, x: -2...2, y: -2...2, n: 77,
                    levels: [-0.15, -0.1, -0.05, -0.01, 0, 0.01, 0.05, 0.1, 0.15, 0.18]),
        ContourCase(name: "x^2 - y^2", f: { x, y in x * x - y * y }, x: -2...2, y: -2...2, n: 101,
                    levels: [-3, -1, -0.1, 0, 0.1, 1, 3]),
        ContourCase(name: "x^2 - y^2 (even grid)", f: { x, y in x * x - y * y }, x: -2...2, y: -2...2, n: 100,
                    levels: [-1, 0, 1]),
        ContourCase(name: "log(x y)", f: { x, y in log(x * y) }, x: -2...2, y: -2...2, n: 101,
                    levels: [-6, -4, -2, -1, 0, 0.5, 1, 1.3]),
        ContourCase(name: "log(x y) (even grid)", f: { x, y in log(x * y) }, x: -2...2, y: -2...2, n: 64,
                    levels: [-5, -3, 0, 1]),
    ]
}

/// Properties every traced level set must have, checked on real functions.
@Suite struct ContourInvariantTests {
    /// Where a vertex sits: on a horizontal edge (row `j`, between columns `i` and `i+1`)
    /// or a vertical one (column `i`, between rows `j` and `j+1`).
    struct EdgePlace { var horizontal: Bool; var i: Int; var j: Int }

    /// The grid edges a vertex lies on: one for a point inside an edge, up to four for a
    /// point on a sample; none when it lies on no grid line.
    static func edges(of p: Point, in grid: SampledGrid) -> [EdgePlace] {
        var result: [EdgePlace] = []
        for j in grid.ys.indices where grid.ys[j] == p.y {
            for i in 0..<(grid.nx - 1) where grid.xs[i] <= p.x && p.x <= grid.xs[i + 1] {
                result.append(EdgePlace(horizontal: true, i: i, j: j))
            }
        }
        for i in grid.xs.indices where grid.xs[i] == p.x {
            for j in 0..<(grid.ny - 1) where grid.ys[j] <= p.y && p.y <= grid.ys[j + 1] {
                result.append(EdgePlace(horizontal: false, i: i, j: j))
            }
        }
        return result
    }

    static func isDefinedCell(_ i: Int, _ j: Int, _ grid: SampledGrid) -> Bool {
        guard i >= 0, j >= 0, i < grid.nx - 1, j < grid.ny - 1 else { return false }
        return [grid[i, j], grid[i + 1, j], grid[i, j + 1], grid[i + 1, j + 1]].allSatisfy(\.isFinite)
    }

    /// Whether the edge has an undefined cell or the outside on one side.
    static func isBorder(_ e: EdgePlace, _ grid: SampledGrid) -> Bool {
        if e.horizontal {
            return !isDefinedCell(e.i, e.j - 1, grid) || !isDefinedCell(e.i, e.j, grid)
        }
        return !isDefinedCell(e.i - 1, e.j, grid) || !isDefinedCell(e.i, e.j, grid)
    }

    @Test(arguments: ContourCase.all)
    func everyVertexLiesOnItsLevel(_ c: ContourCase) throws {
        let grid = c.grid
        let lines = ContourTracer(grid: grid).lines(levels: c.levels)
        var checked = 0
        for (k, level) in c.levels.enumerated() {
            for line in lines[k] {
                #expect(line.level == level)
                for p in line.points {
                    let e = try #require(Self.edges(of: p, in: grid).first, "vertex \(p) is on no grid line")
                    // Linear interpolation misses the level by at most h^2/8 max|g''| along
                    // the edge; estimate g'' by second differences along it.
                    let h = e.horizontal ? grid.xs[e.i + 1] - grid.xs[e.i] : grid.ys[e.j + 1] - grid.ys[e.j]
                    let start = Point(grid.xs[e.i], grid.ys[e.j])
                    let direction = e.horizontal ? Point(1, 0) : Point(0, 1)
                    var curvature = 0.0
                    for s in stride(from: 0.0, through: 1.0, by: 0.25) {
                        let q = Point(start.x + s * h * direction.x, start.y + s * h * direction.y)
                        let d = h / 4
                        let second = (c.f(q.x - d * direction.x, q.y - d * direction.y) - 2 * c.f(q.x, q.y)
                            + c.f(q.x + d * direction.x, q.y + d * direction.y)) / (d * d)
                        if second.isFinite { curvature = max(curvature, abs(second)) }
                    }
                    let tolerance = 2 * h * h / 8 * curvature + 1e-12 * (1 + abs(level))
                    let value = c.f(p.x, p.y)
                    #expect(abs(value - level) <= tolerance, "f\(p) = \(value), level \(level), tolerance \(tolerance)")
                    checked += 1
                }
            }
        }
        #expect(checked > 100)
    }

    @Test(arguments: ContourCase.all)
    func linesAreJoinedAndEndOnlyAtBorders(_ c: ContourCase) {
        let grid = c.grid
        let lines = ContourTracer(grid: grid).lines(levels: c.levels)
        for levelLines in lines {
            var endpoints: [Point] = []
            for line in levelLines where !line.isClosed {
                #expect(line.points.count >= 2)
                for p in [line.points[0], line.points[line.points.count - 1]] {
                    let places = Self.edges(of: p, in: grid)
                    let atBorder = places.contains { Self.isBorder($0, grid) }
                    #expect(atBorder, "open line \(line.level) ends inside the grid at \(p)")
                    endpoints.append(p)
                }
            }
            // Two open lines sharing an endpoint would be one line cut in two.
            #expect(Set(endpoints).count == endpoints.count)
        }
    }

    @Test(arguments: ContourCase.all)
    func consecutiveVerticesShareACellAndLoopsClose(_ c: ContourCase) {
        let grid = c.grid
        let hx = grid.xs[1] - grid.xs[0], hy = grid.ys[1] - grid.ys[0]
        let slack = 1 + 1e-9
        for levelLines in ContourTracer(grid: grid).lines(levels: c.levels) {
            for line in levelLines {
                var pairs = zip(line.points, line.points.dropFirst()).map { ($0, $1) }
                if line.isClosed {
                    #expect(line.points.count >= 3)
                    #expect(line.points.first != line.points.last, "closed lines do not repeat their first vertex")
                    pairs.append((line.points[line.points.count - 1], line.points[0]))
                }
                for (a, b) in pairs {
                    #expect(abs(a.x - b.x) <= hx * slack && abs(a.y - b.y) <= hy * slack, "\(a) -> \(b) jumps")
                    #expect(a != b)
                }
            }
        }
    }

    @Test(arguments: ContourCase.all)
    func everyCrossedEdgeGivesExactlyOneVertex(_ c: ContourCase) {
        // Counted independently of the tracer: an edge of a defined cell whose ends lie on
        // opposite sides of the level carries one vertex of one line.
        let grid = c.grid
        let lines = ContourTracer(grid: grid).lines(levels: c.levels)
        for (k, level) in c.levels.enumerated() {
            guard !grid.values.contains(level) else { continue }  // vertices at samples merge
            var crossed = 0
            for j in 0..<grid.ny {
                for i in 0..<grid.nx {
                    let above = grid[i, j] >= level
                    if i + 1 < grid.nx, above != (grid[i + 1, j] >= level),
                       Self.isDefinedCell(i, j - 1, grid) || Self.isDefinedCell(i, j, grid) {
                        crossed += 1
                    }
                    if j + 1 < grid.ny, above != (grid[i, j + 1] >= level),
                       Self.isDefinedCell(i - 1, j, grid) || Self.isDefinedCell(i, j, grid) {
                        crossed += 1
                    }
                }
            }
            let vertices = lines[k].reduce(0) { $0 + $1.points.count }
            #expect(vertices == crossed, "level \(level)")
        }
    }

    @Test(arguments: ContourCase.all)
    func higherValuesLieOnTheRight(_ c: ContourCase) {
        // Probe a little to the right and left of the middle of each segment.
        let grid = c.grid
        let h = grid.xs[1] - grid.xs[0]
        var probes = 0, agreeing = 0
        for levelLines in ContourTracer(grid: grid).lines(levels: c.levels) {
            for line in levelLines {
                for (a, b) in zip(line.points, line.points.dropFirst()) {
                    let length = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
                    guard length > h / 4 else { continue }
                    let mid = Point((a.x + b.x) / 2, (a.y + b.y) / 2)
                    let right = Point((b.y - a.y) / length, -(b.x - a.x) / length)
                    let d = h / 10
                    let r = c.f(mid.x + d * right.x, mid.y + d * right.y)
                    let l = c.f(mid.x - d * right.x, mid.y - d * right.y)
                    guard r.isFinite, l.isFinite else { continue }
                    probes += 1
                    if r > l { agreeing += 1 }
                }
            }
        }
        #expect(probes > 50)
        // Near saddles and steep curvature a probe can be fooled; nearly all must agree.
        #expect(Double(agreeing) >= 0.98 * Double(probes), "\(agreeing) of \(probes)")
    }

    @Test func tracingIsDeterministic() {
        let c = ContourCase.all[2]
        let tracer = ContourTracer(grid: c.grid)
        #expect(tracer.lines(levels: c.levels) == ContourTracer(grid: c.grid).lines(levels: c.levels))
        // Tracing levels one by one gives the same lines as all at once.
        #expect(c.levels.map { tracer.lines(at: $0) } == tracer.lines(levels: c.levels))
    }

    @Test func manyLevelsDuplicatesAndNaNLevels() {
        // More levels than fit one run of bands (255), unsorted, with a duplicate and a
        // NaN: each level's lines equal those traced for it alone.
        let grid = SampledGrid.sample({ x, y in x * x + 2 * y * y + 0.3 * x * y }, x: -2...2, y: -2...2, nx: 41, ny: 37)
        let tracer = ContourTracer(grid: grid)
        var levels = (0..<300).map { Double(($0 * 7919) % 300) * 0.04 + 0.013 }
        levels.append(levels[5])
        levels.append(.nan)
        let all = tracer.lines(levels: levels)
        #expect(all.count == levels.count)
        for (k, level) in levels.enumerated() {
            #expect(all[k] == tracer.lines(at: level), "level \(level)")
        }
        #expect(all[levels.count - 1].isEmpty)
        #expect(all[300] == all[5])
        #expect(all.filter { !$0.isEmpty }.count > 200)
    }

    /// Counts of closed loops and open lines that follow from the shape of each function.
    struct ComponentCount: Sendable, CustomTestStringConvertible {
        var name: String
        var f: @Sendable (Double, Double) -> Double
        var window: ClosedRange<Double>
        var n: Int
        var level: Double
        var closed: Int
        var open: Int
        var testDescription: String { "\(name) = \(level)" }
    }

    static let componentCounts: [ComponentCount] = [
        // The unit circle, well inside the window.
        ComponentCount(name: "x^2 + y^2", f: { x, y in x * x + y * y }, window: -2...2, n: 50, level: 1, closed: 1, open: 0),
        // An ellipse that reaches past the window's sides: cut into two arcs.
        ComponentCount(name: "x^2 + 2y^2", f: { x, y in x * x + 2 * y * y }, window: -3...3, n: 101, level: 12, closed: 0, open: 2),
        // Around the peak at (pi/2, 0), plus the rims of the peaks at (-pi/2, ±pi).
        ComponentCount(name: "sin x cos y", f: { x, y in sin(x) * cos(y) }, window: -3...3, n: 120, level: 0.5, closed: 1, open: 2),
        // Around the two maxima of x y e^(-x^2-y^2) (value 1/(2e) at ±(1/√2, 1/√2)).
        ComponentCount(name: "x y e^(-x^2-y^2)", f: { x, y in x * y * exp(-x * x - y * y) }, window: -2...2, n: 80, level: 0.1, closed: 2, open: 0),
        ComponentCount(name: "x y e^(-x^2-y^2)", f: { x, y in x * y * exp(-x * x - y * y) }, window: -2...2, n: 80, level: -0.1, closed: 2, open: 0),
        // The two branches of a hyperbola.
        ComponentCount(name: "x^2 - y^2", f: { x, y in x * x - y * y }, window: -2...2, n: 64, level: 1, closed: 0, open: 2),
        ComponentCount(name: "x^2 - y^2", f: { x, y in x * x - y * y }, window: -2...2, n: 64, level: -1, closed: 0, open: 2),
        // x y = 1 in the first and third quadrants; the rest of the plane is undefined.
        ComponentCount(name: "log(x y)", f: { x, y in log(x * y) }, window: -2...2, n: 101, level: 0, closed: 0, open: 2),
        // x y = e^-4 runs into the undefined cells along the axes.
        ComponentCount(name: "log(x y)", f: { x, y in log(x * y) }, window: -2...2, n: 101, level: -4, closed: 0, open: 2),
    ]

    @Test(arguments: componentCounts)
    func componentCountsMatchTheShape(_ c: ComponentCount) {
        let grid = SampledGrid.sample(c.f, x: c.window, y: c.window, nx: c.n, ny: c.n)
        let lines = ContourTracer(grid: grid).lines(at: c.level)
        #expect(lines.filter(\.isClosed).count == c.closed)
        #expect(lines.filter { !$0.isClosed }.count == c.open)
    }

    @Test func logLinesEndAtTheUndefinedRegion() {
        // At level -4 the curve x y = e^-4 comes within a cell of the axes, where log is
        // undefined (log 0 = -inf, log of a negative = NaN), so it ends on a skipped cell.
        let grid = SampledGrid.sample({ x, y in log(x * y) }, x: -2...2, y: -2...2, nx: 101, ny: 101)
        let lines = ContourTracer(grid: grid).lines(at: -4)
        var endsAtUndefinedCell = 0
        for line in lines {
            for p in [line.points[0], line.points[line.points.count - 1]] {
                let places = Self.edges(of: p, in: grid)
                let onOuterEdge = p.x == -2 || p.x == 2 || p.y == -2 || p.y == 2
                if !onOuterEdge { endsAtUndefinedCell += 1 }
                let atBorder = places.contains { Self.isBorder($0, grid) }
                #expect(atBorder)
            }
        }
        #expect(endsAtUndefinedCell >= 2)
    }
}
