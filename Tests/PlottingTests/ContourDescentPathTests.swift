import Foundation
import Testing
@testable import Plotting

/// Gradient-descent paths drawn over the contours.
@Suite struct ContourDescentPathTests {
    @Test func bowlIteratesShrinkGeometrically() {
        // f = x^2 + 2y^2, rate 0.1: x_k = 2.6 * 0.8^k, y_k = 2.2 * 0.6^k.
        let path = DescentPath.iterate(start: Point(2.6, 2.2), rate: 0.1, steps: 25) { x, y in (2 * x, 4 * y) }
        #expect(path.stop == nil)
        #expect(path.points.count == 26)
        for (k, p) in path.points.enumerated() {
            #expect(abs(p.x - 2.6 * pow(0.8, Double(k))) <= 1e-12)
            #expect(abs(p.y - 2.2 * pow(0.6, Double(k))) <= 1e-12)
        }
        #expect(path.end == path.points[25])
    }

    @Test func tooLargeARateStopsAsDiverged() {
        // Along y the factor is 1 - 0.6 * 4 = -1.4: |y| grows past the bound.
        let path = DescentPath.iterate(start: Point(1, 1), rate: 0.6, steps: 500) { x, y in (2 * x, 4 * y) }
        guard case .diverged(let step) = path.stop else {
            Issue.record("expected divergence, got \(String(describing: path.stop))")
            return
        }
        #expect(path.points.count == step)
        #expect(path.points.allSatisfy { abs($0.x) <= DescentPath.divergenceBound && abs($0.y) <= DescentPath.divergenceBound })
        // 1.4^k first exceeds 1e12 at k = 83.
        #expect(step == 83)
    }

    @Test func undefinedGradientStopsThePath() {
        // log(x y) has gradient (1/x, 1/y), undefined off the first quadrant here.
        let gradient: (Double, Double) -> (Double, Double) = { x, y in
            x > 0 && y > 0 ? (1 / x, 1 / y) : (.nan, .nan)
        }
        let path = DescentPath.iterate(start: Point(0.5, 0.5), rate: 1, steps: 10, gradient: gradient)
        #expect(path.points == [Point(0.5, 0.5), Point(-1.5, -1.5)])
        #expect(path.stop == .undefinedGradient(step: 1))
    }

    @Test func zeroStepsIsJustTheStart() {
        let path = DescentPath.iterate(start: Point(1, 2), rate: 0.1, steps: 0) { _, _ in (1, 1) }
        #expect(path.points == [Point(1, 2)])
        #expect(path.stop == nil)
    }

    @Test func nonFiniteStartStopsAtOnce() {
        let path = DescentPath.iterate(start: Point(.nan, 0), rate: 0.1, steps: 5) { _, _ in (1, 1) }
        #expect(path.stop == .diverged(step: 0))
    }
}
