import Testing
@testable import Plotting

/// Marching squares on grids small enough to work out by hand.
@Suite struct ContourTinyGridTests {
    /// A grid over x = 0, 1, ... and y = 0, 1, ... from rows listed bottom row first.
    static func grid(_ rows: [[Double]]) -> SampledGrid {
        SampledGrid(
            xs: (0..<rows[0].count).map(Double.init),
            ys: (0..<rows.count).map(Double.init),
            values: rows.flatMap { $0 })
    }

    /// `a` and `b` list the same cycle of points, starting anywhere.
    static func sameCycle(_ a: [Point], _ b: [Point]) -> Bool {
        guard a.count == b.count else { return false }
        if a.isEmpty { return true }
        return (0..<a.count).contains { shift in
            (0..<a.count).allSatisfy { a[($0 + shift) % a.count] == b[$0] }
        }
    }

    @Test func singleCrossingOnTwoByTwo() {
        // f = x: the level 0.5 crosses the bottom edge at x = 0.5 and the top edge too.
        let tracer = ContourTracer(grid: Self.grid([[0, 1], [0, 1]]))
        let lines = tracer.lines(at: 0.5)
        #expect(lines.count == 1)
        // Walking with the larger values on the right means walking up.
        #expect(lines.first == ContourLine(level: 0.5, points: [Point(0.5, 0), Point(0.5, 1)], isClosed: false))
    }

    @Test func interpolatesAlongTheEdge() {
        // Bottom edge 0 -> 4 crosses 1 at a quarter, the left edge 0 -> 2 at a half; the
        // others not at all. Only the bottom-left corner is below, so with the rest on the
        // right the line runs from the bottom edge to the left edge.
        let lines = ContourTracer(grid: Self.grid([[0, 4], [2, 6]])).lines(at: 1)
        #expect(lines == [ContourLine(level: 1, points: [Point(0.25, 0), Point(0, 0.5)], isClosed: false)])
    }

    @Test func closedLoopAroundCentrePeak() {
        let grid = Self.grid([[0, 0, 0], [0, 1, 0], [0, 0, 0]])
        let lines = ContourTracer(grid: grid).lines(at: 0.5)
        #expect(lines.count == 1)
        let loop = try! #require(lines.first)
        #expect(loop.isClosed)
        // Clockwise, so that the peak (above) is on the right.
        let expected = [Point(1, 0.5), Point(0.5, 1), Point(1, 1.5), Point(1.5, 1)]
        #expect(Self.sameCycle(loop.points, expected), "\(loop.points)")
    }

    @Test func closedLoopAroundCentrePit() {
        let grid = Self.grid([[1, 1, 1], [1, 0, 1], [1, 1, 1]])
        let lines = ContourTracer(grid: grid).lines(at: 0.5)
        #expect(lines.count == 1)
        let loop = try! #require(lines.first)
        #expect(loop.isClosed)
        // Counter-clockwise: the higher ring outside stays on the right.
        let expected = [Point(1, 0.5), Point(1.5, 1), Point(1, 1.5), Point(0.5, 1)]
        #expect(Self.sameCycle(loop.points, expected), "\(loop.points)")
    }

    @Test func saddleWithCentreAboveJoinsTheHighCorners() {
        // High corners bottom-left and top-right; centre value 0.5 >= 0.4.
        let grid = Self.grid([[1, 0], [0, 1]])
        let lines = ContourTracer(grid: grid).lines(at: 0.4)
        // The two lines cut off the low corners (bottom-right, then top-left).
        #expect(lines == [
            ContourLine(level: 0.4, points: [Point(1, 0.4), Point(0.6, 0)], isClosed: false),
            ContourLine(level: 0.4, points: [Point(0, 0.6), Point(0.4, 1)], isClosed: false),
        ])
    }

    @Test func saddleWithCentreBelowSeparatesTheHighCorners() {
        let grid = Self.grid([[1, 0], [0, 1]])
        let lines = ContourTracer(grid: grid).lines(at: 0.6)
        // Centre 0.5 < 0.6: the lines cut off the high corners (top-right, bottom-left;
        // the one entering by the right edge is found first).
        #expect(lines == [
            ContourLine(level: 0.6, points: [Point(1, 0.6), Point(0.6, 1)], isClosed: false),
            ContourLine(level: 0.6, points: [Point(0, 0.4), Point(0.4, 0)], isClosed: false),
        ])
    }

    @Test func otherDiagonalSaddleBothWays() {
        // High corners bottom-right and top-left.
        let grid = Self.grid([[0, 1], [1, 0]])
        let above = ContourTracer(grid: grid).lines(at: 0.4)
        #expect(above == [
            ContourLine(level: 0.4, points: [Point(0.4, 0), Point(0, 0.4)], isClosed: false),
            ContourLine(level: 0.4, points: [Point(0.6, 1), Point(1, 0.6)], isClosed: false),
        ])
        let below = ContourTracer(grid: grid).lines(at: 0.6)
        #expect(below == [
            ContourLine(level: 0.6, points: [Point(0.6, 0), Point(1, 0.4)], isClosed: false),
            ContourLine(level: 0.6, points: [Point(0.4, 1), Point(0, 0.6)], isClosed: false),
        ])
    }

    @Test func nanCornerSkipsItsCellAndEndsTheLineOnItsEdge() {
        // f = x with the top-left sample undefined: cell (0, 1) is skipped.
        let grid = Self.grid([[0, 1, 2], [0, 1, 2], [.nan, 1, 2]])
        let tracer = ContourTracer(grid: grid)
        #expect(tracer.lines(at: 0.5) == [
            ContourLine(level: 0.5, points: [Point(0.5, 0), Point(0.5, 1)], isClosed: false),
        ])
        #expect(tracer.lines(at: 1.5) == [
            ContourLine(level: 1.5, points: [Point(1.5, 0), Point(1.5, 1), Point(1.5, 2)], isClosed: false),
        ])
    }

    @Test func lineStartsAtAnUndefinedCellsEdge() {
        // f = y with the bottom-left sample undefined: the line at 0.5 enters from the
        // skipped cell (0, 0) and leaves at the right edge of the grid.
        let grid = Self.grid([[.nan, 0, 0], [1, 1, 1], [2, 2, 2]])
        let lines = ContourTracer(grid: grid).lines(at: 0.5)
        // Larger y (above) on the right means walking in -x; the line starts at the
        // right border and stops at the undefined cell's right edge.
        #expect(lines == [
            ContourLine(level: 0.5, points: [Point(2, 0.5), Point(1, 0.5)], isClosed: false),
        ])
    }

    @Test func infiniteSampleCountsAsUndefined() {
        let grid = Self.grid([[-.infinity, 1, 2], [0, 1, 2]])
        let lines = ContourTracer(grid: grid).lines(at: 1.5)
        #expect(lines == [ContourLine(level: 1.5, points: [Point(1.5, 0), Point(1.5, 1)], isClosed: false)])
        #expect(ContourTracer(grid: grid).lines(at: 0.5).isEmpty)
    }

    @Test func sampleEqualToLevelCountsAsAboveWithoutDuplicateVertices() {
        // The centre sample equals the level: it is "above", the surrounding ring below,
        // so the loop collapses onto the single sample and is dropped.
        let peak = Self.grid([[0, 0, 0], [0, 1, 0], [0, 0, 0]])
        #expect(ContourTracer(grid: peak).lines(at: 1).isEmpty)
        // f = x - 1 on three columns at level 0: the middle column is on the level. The
        // line runs through the samples, each once.
        let ramp = Self.grid([[-1, 0, 1], [-1, 0, 1], [-1, 0, 1]])
        let lines = ContourTracer(grid: ramp).lines(at: 0)
        #expect(lines == [ContourLine(level: 0, points: [Point(1, 0), Point(1, 1), Point(1, 2)], isClosed: false)])
    }

    @Test func levelOutsideRangeGivesNothing() {
        let tracer = ContourTracer(grid: Self.grid([[0, 1], [2, 3]]))
        #expect(tracer.lines(at: -1).isEmpty)
        #expect(tracer.lines(at: 3.5).isEmpty)
        #expect(tracer.lines(at: .nan).isEmpty)
    }

    @Test func severalLevelsKeepTheirOrder() {
        let tracer = ContourTracer(grid: Self.grid([[0, 1], [0, 1]]))
        let all = tracer.lines(levels: [0.75, 0.25, 2])
        #expect(all.count == 3)
        #expect(all[0].map(\.points) == [[Point(0.75, 0), Point(0.75, 1)]])
        #expect(all[1].map(\.points) == [[Point(0.25, 0), Point(0.25, 1)]])
        #expect(all[2].isEmpty)
    }
}
