import Testing
@testable import Plotting

/// Sampling a function on the grid the contours are traced on.
@Suite struct ContourSamplingTests {
    @Test func samplesRowByRowWithExactEnds() {
        let grid = SampledGrid.sample({ x, y in 10 * x + y }, x: -1...1, y: 0...0.3, nx: 3, ny: 4)
        #expect(grid.xs == [-1, 0, 1])
        #expect(grid.ys.first == 0 && grid.ys.last == 0.3)
        #expect(grid.ys.count == 4)
        // values[j * nx + i] == f(xs[i], ys[j])
        for j in 0..<4 {
            for i in 0..<3 {
                #expect(grid.values[j * 3 + i] == 10 * grid.xs[i] + grid.ys[j])
                #expect(grid[i, j] == grid.values[j * 3 + i])
            }
        }
    }

    @Test func axisValuesDoNotAccumulateRounding() {
        let xs = SampledGrid.axis(-3...3, count: 201)
        #expect(xs.first == -3 && xs.last == 3)
        #expect(xs[100] == 0)
        #expect(zip(xs, xs.dropFirst()).allSatisfy { $0 < $1 })
        // Every step is the same to within a few units in the last place.
        let steps = zip(xs, xs.dropFirst()).map { $1 - $0 }
        #expect(steps.allSatisfy { abs($0 - 0.03) < 1e-14 })
    }

    @Test func undefinedValuesAreKept() {
        let grid = SampledGrid.sample({ x, _ in x < 0 ? .nan : x }, x: -1...1, y: 0...1, nx: 3, ny: 2)
        #expect(grid.values[0].isNaN && grid.values[3].isNaN)
        #expect(grid.values[1] == 0 && grid.values[2] == 1)
    }
}
