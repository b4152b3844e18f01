import Foundation
import Testing
@testable import Plotting

/// Choosing level values: nice steps, bowls, explicit lists and ranges.
@Suite struct LevelsTests {
    struct StepCase: Sendable, CustomTestStringConvertible {
        var x: Double
        var step: Double
        var testDescription: String { "atMost(\(x)) = \(step)" }
    }

    @Test(arguments: [
        StepCase(x: 1, step: 1), StepCase(x: 1.99, step: 1), StepCase(x: 2, step: 2),
        StepCase(x: 2.4, step: 2), StepCase(x: 2.5, step: 2.5), StepCase(x: 4.99, step: 2.5),
        StepCase(x: 5, step: 5), StepCase(x: 9.99, step: 5), StepCase(x: 10, step: 10),
        StepCase(x: 0.07, step: 0.05), StepCase(x: 0.3, step: 0.25), StepCase(x: 0.0123, step: 0.01),
        StepCase(x: 370, step: 250), StepCase(x: 1e-9, step: 1e-9),
    ])
    func largestNiceStepNotAbove(_ c: StepCase) {
        #expect(NiceStep.atMost(c.x).value == c.step)
    }

    @Test func invalidSizesGetTheSmallestStep() {
        let smallest = NiceStep(mantissa: 1, exponent: -300)
        #expect(NiceStep.atMost(0) == smallest)
        #expect(NiceStep.atMost(-3) == smallest)
        #expect(NiceStep.atMost(.nan) == smallest)
        #expect(NiceStep.atMost(.infinity) == smallest)
    }

    @Test func multiplesAreTheNearestDoublesToTheDecimals() {
        let tenth = NiceStep(mantissa: 1, exponent: -1)
        #expect(tenth.multiple(3) == 0.3)
        #expect(tenth.multiple(7) == 0.7)
        #expect(NiceStep(mantissa: 25, exponent: -2).multiple(3) == 0.75)
        #expect(NiceStep(mantissa: 2, exponent: 3).multiple(-4) == -8000)
        // next and previous walk the 1, 2, 2.5, 5 ladder both ways.
        var step = NiceStep(mantissa: 1, exponent: -2)
        var values: [Double] = []
        for _ in 0..<6 { values.append(step.value); step = step.next }
        #expect(values == [0.01, 0.02, 0.025, 0.05, 0.1, 0.2])
        for _ in 0..<6 { step = step.previous }
        #expect(step == NiceStep(mantissa: 1, exponent: -2))
    }

    struct EvenCase: Sendable, CustomTestStringConvertible {
        var count: Int
        var low: Double
        var high: Double
        var levels: [Double]
        var testDescription: String { "\(count) in (\(low), \(high))" }
    }

    @Test(arguments: [
        // 0.05 would give 19 values, so 0.1 and 9 values.
        EvenCase(count: 12, low: 0, high: 1, levels: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]),
        EvenCase(count: 5, low: 0, high: 1, levels: [0.2, 0.4, 0.6, 0.8]),
        EvenCase(count: 3, low: 0, high: 1, levels: [0.25, 0.5, 0.75]),
        // The bounds themselves are excluded.
        EvenCase(count: 12, low: -1, high: 1, levels: [-0.8, -0.6, -0.4, -0.2, 0, 0.2, 0.4, 0.6, 0.8]),
        EvenCase(count: 10, low: 0, high: 27, levels: [2.5, 5, 7.5, 10, 12.5, 15, 17.5, 20, 22.5, 25]),
        EvenCase(count: 4, low: 103, high: 117, levels: [105, 110, 115]),
        EvenCase(count: 1, low: -0.3, high: 0.2, levels: [0]),
        EvenCase(count: 0, low: 0, high: 1, levels: []),
        EvenCase(count: 5, low: 1, high: 1, levels: []),
    ])
    func evenlySpacedNiceValues(_ c: EvenCase) {
        #expect(ContourLevels.evenlySpaced(count: c.count, low: c.low, high: c.high) == c.levels)
    }

    static func grid(_ f: @escaping (Double, Double) -> Double, _ window: ClosedRange<Double>, n: Int = 101) -> SampledGrid {
        SampledGrid.sample(f, x: window, y: window, nx: n, ny: n)
    }

    @Test func shapesOfTheTestFunctions() {
        #expect(ValueShape(of: Self.grid({ x, y in x * x + 2 * y * y }, -3...3)) == .bowl)
        #expect(ValueShape(of: Self.grid({ x, y in x * x + y * y }, -2...2, n: 100)) == .bowl)
        #expect(ValueShape(of: Self.grid({ x, y in 4 - x * x - y * y }, -2...2)) == .dome)
        #expect(ValueShape(of: Self.grid({ x, y in sin(x) * cos(y) }, -3...3)) == .other)
        #expect(ValueShape(of: Self.grid({ x, y in x * x - y * y }, -2...2)) == .other)
        #expect(ValueShape(of: Self.grid({ x, y in x * y * exp(-x * x - y * y) }, -2...2)) == .other)
        // A bowl whose minimum sits on the window's edge is not a bowl of this window.
        #expect(ValueShape(of: Self.grid({ x, y in (x - 2) * (x - 2) + y * y }, -2...2)) == .other)
        // Two pits.
        #expect(ValueShape(of: Self.grid({ x, y in (x * x - 1) * (x * x - 1) + y * y }, -2...2)) == .other)
    }

    @Test func bowlLevelsCrowdTheMinimum() {
        // x^2 + 2y^2 on [-3, 3]^2 ranges over [0, 27]. The targets 27 (k/13)^2 are
        // 0.160, 0.639, 1.44, 2.56, 3.99, 5.75, 7.83, 10.2, 12.9, 16.0, 19.3, 23.0; each is
        // rounded to the largest nice step under half its gap to the previous target
        // (0.05, 0.2, 0.25, 0.5, 0.5, 0.5, then 1).
        let levels = ContourLevels.nice(count: 12, for: Self.grid({ x, y in x * x + 2 * y * y }, -3...3))
        #expect(levels == [0.15, 0.6, 1.5, 2.5, 4, 6, 8, 10, 13, 16, 19, 23])
    }

    @Test func domeLevelsCrowdTheMaximum() {
        // The mirror image of a bowl: 4 - x^2 - y^2 on [-2, 2]^2 ranges over [-4, 4].
        let levels = ContourLevels.nice(count: 6, for: Self.grid({ x, y in 4 - x * x - y * y }, -2...2))
        let bowl = ContourLevels.nice(count: 6, for: Self.grid({ x, y in x * x + y * y - 4 }, -2...2))
        #expect(levels == bowl.map { -$0 }.reversed())
        #expect(levels.count == 6)
        #expect(levels[5] - levels[4] < levels[1] - levels[0])
    }

    @Test func otherShapesGetEvenlySpacedLevels() {
        let grid = Self.grid({ x, y in sin(x) * cos(y) }, -3...3)
        #expect(ContourLevels.nice(count: 12, for: grid) == [-0.8, -0.6, -0.4, -0.2, 0, 0.2, 0.4, 0.6, 0.8])
    }

    @Test func undefinedSamplesAreIgnored() {
        // log(x y) is finite only in two quadrants; the levels come from those samples.
        let grid = Self.grid({ x, y in log(x * y) }, -2...2)
        let levels = ContourLevels.nice(count: 8, for: grid)
        let finite = grid.values.filter(\.isFinite)
        #expect(!levels.isEmpty)
        #expect(levels.allSatisfy { $0 > finite.min()! && $0 < finite.max()! })
        #expect(ContourLevels.nice(count: 8, for: SampledGrid(xs: [0, 1], ys: [0, 1], values: [.nan, .nan, .nan, .nan])).isEmpty)
        #expect(ContourLevels.nice(count: 8, for: SampledGrid(xs: [0, 1], ys: [0, 1], values: [2, 2, 2, 2])).isEmpty)
    }

    struct RangeCase: Sendable, CustomTestStringConvertible {
        var from: Double
        var to: Double
        var step: Double
        var levels: [Double]
        var testDescription: String { "\(from) to \(to) step \(step)" }
    }

    @Test(arguments: [
        RangeCase(from: 0.1, to: 0.5, step: 0.1, levels: [0.1, 0.2, 0.3, 0.4, 0.5]),
        RangeCase(from: 1, to: 2, step: 0.25, levels: [1, 1.25, 1.5, 1.75, 2]),
        RangeCase(from: 0, to: 1, step: 0.3, levels: [0, 0.3, 0.6, 0.9]),
        RangeCase(from: -1, to: 1, step: 0.5, levels: [-1, -0.5, 0, 0.5, 1]),
        RangeCase(from: 2, to: 2, step: 1, levels: [2]),
        RangeCase(from: 0.7, to: 2.1, step: 0.7, levels: [0.7, 1.4, 2.1]),
    ])
    func rangeOfLevels(_ c: RangeCase) throws {
        #expect(try ContourLevels.range(from: c.from, to: c.to, step: c.step) == c.levels)
    }

    @Test func badRangesAreRefused() {
        #expect(throws: ContourLevels.Problem.nonPositiveStep) { try ContourLevels.range(from: 0, to: 1, step: 0) }
        #expect(throws: ContourLevels.Problem.nonPositiveStep) { try ContourLevels.range(from: 0, to: 1, step: -0.5) }
        #expect(throws: ContourLevels.Problem.reversedRange) { try ContourLevels.range(from: 2, to: 1, step: 0.5) }
        #expect(throws: ContourLevels.Problem.notFinite) { try ContourLevels.range(from: 0, to: .infinity, step: 1) }
        #expect(throws: ContourLevels.Problem.tooMany(count: 1_000_001)) { try ContourLevels.range(from: 0, to: 1e6, step: 1) }
    }

    @Test func hugeCountsAreCapped() {
        let levels = ContourLevels.evenlySpaced(count: 1_000_000, low: 0, high: 1)
        #expect(levels.count <= ContourLevels.maximumCount)
        #expect(levels.count >= ContourLevels.maximumCount / 3)
        #expect(zip(levels, levels.dropFirst()).allSatisfy { $0 < $1 })
        #expect(levels.allSatisfy { $0 > 0 && $0 < 1 })
        let bowl = ContourLevels.nice(count: 5000, for: Self.grid({ x, y in x * x + y * y }, -1...1))
        #expect(bowl.count <= ContourLevels.maximumCount && bowl.count > 10)
    }

    @Test func explicitLevelsAreSortedAndUnique() throws {
        #expect(try ContourLevels.explicit([3, 1, 2, 1]) == [1, 2, 3])
        #expect(try ContourLevels.explicit([]) == [])
        #expect(throws: ContourLevels.Problem.notFinite) { try ContourLevels.explicit([1, .nan]) }
    }

    @Test func levelsAreDeterministic() {
        let grid = Self.grid({ x, y in x * y * exp(-x * x - y * y) }, -2...2)
        let first = ContourLevels.nice(count: 10, for: grid)
        #expect(first == ContourLevels.nice(count: 10, for: grid))
        #expect(first.count <= 10 && first.count >= 5)
        #expect(zip(first, first.dropFirst()).allSatisfy { $0 < $1 })
    }
}
