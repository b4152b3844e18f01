/// The overall shape of a sampled function, as far as choosing levels cares.
public enum ValueShape: Hashable, Sendable {
    /// A single interior minimum, with values rising towards the border.
    case bowl
    /// A single interior maximum, with values falling towards the border.
    case dome
    /// Anything else.
    case other

    /// How far above the minimum (as a fraction of the whole range) every border value of
    /// a bowl must be.
    static let rimFraction = 0.2

    /// Classifies the finite values of `grid`.
    public init(of grid: SampledGrid) {
        if ValueShape.isBowl(grid, sign: 1) {
            self = .bowl
        } else if ValueShape.isBowl(grid, sign: -1) {
            self = .dome
        } else {
            self = .other
        }
    }

    /// Whether `sign * f` is a bowl: its smallest value is at an interior sample, every
    /// sample no larger than its neighbours is next to that one, and the border (the
    /// grid's edge and the samples next to undefined ones) stays well above the minimum.
    static func isBowl(_ grid: SampledGrid, sign: Double) -> Bool {
        let nx = grid.nx, ny = grid.ny
        let v = grid.values
        func value(_ i: Int, _ j: Int) -> Double? {
            guard i >= 0, i < nx, j >= 0, j < ny else { return nil }
            let x = sign * v[j * nx + i]
            return x.isFinite ? x : nil
        }
        var low = Double.infinity, high = -Double.infinity
        var lowI = -1, lowJ = -1
        for j in 0..<ny {
            for i in 0..<nx {
                guard let x = value(i, j) else { continue }
                if x < low { low = x; lowI = i; lowJ = j }
                if x > high { high = x }
            }
        }
        guard low < high else { return false }
        let rim = low + rimFraction * (high - low)
        for j in 0..<ny {
            for i in 0..<nx {
                let x = sign * v[j * nx + i]
                guard x.isFinite else { continue }
                // Above the rim only "is it a local minimum" matters, and the first smaller
                // neighbour settles that; below it a missing neighbour (a border) matters too.
                let needsBorder = x < rim
                var isBorder = i == 0 || j == 0 || i == nx - 1 || j == ny - 1
                var isLocalMinimum = true
                neighbours: for dj in -1...1 {
                    let nj = j + dj
                    guard nj >= 0, nj < ny else { continue }
                    for di in -1...1 where di != 0 || dj != 0 {
                        let ni = i + di
                        guard ni >= 0, ni < nx else { continue }
                        let y = sign * v[nj * nx + ni]
                        if !y.isFinite {
                            isBorder = true
                        } else if y < x {
                            isLocalMinimum = false
                            if !needsBorder { break neighbours }
                        }
                    }
                }
                if isBorder && needsBorder { return false }
                if isLocalMinimum && (abs(i - lowI) > 1 || abs(j - lowJ) > 1) { return false }
            }
        }
        return true
    }
}
