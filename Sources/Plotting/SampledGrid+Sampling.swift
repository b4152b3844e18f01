extension SampledGrid {
    /// Samples `f` on an `nx` by `ny` grid of equally spaced points covering `x` by `y`.
    ///
    /// The first and last sample of each axis sit exactly on the window's ends. Values
    /// are stored row by row (`values[j * nx + i] == f(xs[i], ys[j])`); a NaN or infinite
    /// value marks a point where f is undefined and is kept as it is.
    public static func sample(
        _ f: (Double, Double) -> Double,
        x: ClosedRange<Double>,
        y: ClosedRange<Double>,
        nx: Int,
        ny: Int
    ) -> SampledGrid {
        precondition(nx >= 2 && ny >= 2, "a grid needs at least two samples per axis")
        let xs = axis(x, count: nx)
        let ys = axis(y, count: ny)
        let values = [Double](unsafeUninitializedCapacity: nx * ny) { buffer, initialized in
            var k = 0
            for j in 0..<ny {
                let yj = ys[j]
                for i in 0..<nx {
                    buffer[k] = f(xs[i], yj)
                    k += 1
                }
            }
            initialized = k
        }
        return SampledGrid(xs: xs, ys: ys, values: values)
    }

    /// `count` equally spaced values from the lower to the upper bound, both included.
    ///
    /// Each value is computed from its index (not by repeated addition), so rounding does
    /// not accumulate and the last value is the upper bound exactly.
    static func axis(_ range: ClosedRange<Double>, count: Int) -> [Double] {
        let a = range.lowerBound, b = range.upperBound
        let last = Double(count - 1)
        return (0..<count).map { k in
            if k == count - 1 { return b }
            let t = Double(k) / last
            return a * (1 - t) + b * t
        }
    }
}
