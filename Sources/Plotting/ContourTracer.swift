/// Extracts level lines from a sampled grid by marching squares.
///
/// *Classify*: every cell gets a 4-bit case from which of its corners are at or above the
/// level (a value equal to the level counts as above); saddle cases are resolved once by
/// the cell's centre value (the mean of its corners). To do this for many levels without
/// a pass over the whole grid per level, each sample first gets its band (how many of the
/// sorted levels lie at or below it) in one pass; a cell whose corners share a band is
/// crossed by no level, and the others are listed under each level they cross.
/// *Trace*: lines are followed cell to cell from start cells, so every line comes out
/// whole. Open lines start where they enter from outside the grid or from an undefined
/// cell; whatever is left after that forms closed loops.
///
/// A cell with any non-finite corner (NaN or infinity: outside the function's domain) is
/// undefined and has no lines; lines that reach it end on its edge.
///
/// Vertices lie on cell edges, placed by linear interpolation between the edge's two
/// samples. Lines keep the region at or above their level on their right.
public struct ContourTracer: Sendable {
    /// The grid the lines are traced on.
    public let grid: SampledGrid
    /// Cells per row and per column.
    let cellsX: Int
    let cellsY: Int
    /// One byte per cell, nonzero when all four corners are finite; nil when all are.
    let definedCells: [UInt8]?
    /// Defined cells with at least one edge facing the outside or an undefined cell, row
    /// by row: the only places an open line can start.
    let borderCells: [Int32]
    /// For each border cell, bit e is set when edge e faces the outside or an undefined cell.
    let borderEdges: [UInt8]

    /// Prepares `grid` for tracing; the same tracer serves any number of levels.
    public init(grid: SampledGrid) {
        precondition(grid.nx >= 2 && grid.ny >= 2, "a grid needs at least two samples per axis")
        self.grid = grid
        let cx = grid.nx - 1, cy = grid.ny - 1
        cellsX = cx
        cellsY = cy
        let nx = grid.nx
        let values = grid.values
        var defined: [UInt8]? = nil
        if Self.containsNonFinite(values) {
            var cells = [UInt8](repeating: 0, count: cx * cy)
            for j in 0..<cy {
                for i in 0..<cx {
                    let k = j * nx + i
                    let ok = values[k].isFinite && values[k + 1].isFinite
                        && values[k + nx].isFinite && values[k + nx + 1].isFinite
                    cells[j * cx + i] = ok ? 1 : 0
                }
            }
            defined = cells
        }
        definedCells = defined
        var starts: [Int32] = []
        var edges: [UInt8] = []
        func isDefined(_ i: Int, _ j: Int) -> Bool {
            guard i >= 0, i < cx, j >= 0, j < cy else { return false }
            return defined.map { $0[j * cx + i] != 0 } ?? true
        }
        for j in 0..<cy {
            // Without undefined cells only the outer ring can face the outside: visit the
            // first and last cell of inner rows only.
            let stride = defined == nil && j > 0 && j < cy - 1 ? max(cx - 1, 1) : 1
            for i in Swift.stride(from: 0, to: cx, by: stride) where isDefined(i, j) {
                var mask: UInt8 = 0
                if !isDefined(i, j - 1) { mask |= 1 }
                if !isDefined(i + 1, j) { mask |= 2 }
                if !isDefined(i, j + 1) { mask |= 4 }
                if !isDefined(i - 1, j) { mask |= 8 }
                if mask != 0 {
                    starts.append(Int32(j * cx + i))
                    edges.append(mask)
                }
            }
        }
        borderCells = starts
        borderEdges = edges
    }

    /// Whether any value is NaN or infinite, by a branch-free scan of the exponent bits
    /// (all ones exactly for NaN and infinity).
    static func containsNonFinite(_ values: [Double]) -> Bool {
        let exponent: UInt64 = 0x7FF0_0000_0000_0000
        return values.withUnsafeBufferPointer { buffer in
            var found: UInt64 = 0
            for x in buffer {
                found |= (x.bitPattern & exponent) == exponent ? 1 : 0
            }
            return found != 0
        }
    }

    /// The lines of one level.
    public func lines(at level: Double) -> [ContourLine] {
        lines(levels: [level])[0]
    }

    /// The lines of each level, in the order the levels are given.
    ///
    /// Within a level, open lines come first (in the row-major order of the cells they
    /// start in), then closed loops (likewise), so the output is deterministic. A NaN
    /// level has no lines.
    public func lines(levels: [Double]) -> [[ContourLine]] {
        var result = [[ContourLine]](repeating: [], count: levels.count)
        // Work through the levels in increasing order, at most `levelsPerRun` at a time.
        let order = levels.indices.filter { !levels[$0].isNaN }.sorted {
            levels[$0] < levels[$1] || (levels[$0] == levels[$1] && $0 < $1)
        }
        var scratch = Scratch(cellCount: cellsX * cellsY)
        var first = 0
        while first < order.count {
            let chunk = Array(order[first..<min(first + Self.levelsPerRun, order.count)])
            first += chunk.count
            let sorted = chunk.map { levels[$0] }
            let crossed = crossedCells(levels: sorted)
            for (k, index) in chunk.enumerated() {
                scratch.crossed = crossed[k]
                classify(level: sorted[k], scratch: &scratch)
                result[index] = trace(level: sorted[k], scratch: &scratch)
            }
        }
        return result
    }

    /// Buffers reused from one level to the next.
    struct Scratch {
        /// The code of every cell; all zero between levels, because tracing consumes every
        /// segment of every cell that classification marked.
        var codes: [UInt8]
        /// Cells crossed by the current level, row by row.
        var crossed: [Int32] = []
        /// The vertices of the line being traced.
        var points: [Point] = []
        init(cellCount: Int) { codes = [UInt8](repeating: 0, count: cellCount) }
    }

    /// Levels per run, so a band (see `crossedCells`) fits in a byte.
    static let levelsPerRun = 255

    /// For each level of a sorted run, the defined cells it crosses (some corner at or
    /// above it, some below), in row-major order.
    ///
    /// Each sample gets its band: the number of levels at or below it, so a sample is at or
    /// above level k exactly when its band exceeds k. A cell whose corners share a band is
    /// crossed by no level (almost every cell); any other is crossed by the levels from
    /// its lowest corner band up to, not including, its highest. Bands are computed one
    /// row ahead of the cells, so one pass over the samples serves every level of the run.
    func crossedCells(levels: [Double]) -> [[Int32]] {
        var lists = [[Int32]](repeating: [], count: levels.count)
        let nx = grid.nx, cx = cellsX
        var lower = [UInt8](repeating: 0, count: nx)
        var upper = [UInt8](repeating: 0, count: nx)
        // The levels between two NaN sentinels: every comparison with NaN is false, so the
        // band searches below stop at both ends without bounds checks, and a NaN sample
        // leaves the band where it was (its cells are undefined anyway).
        let guarded = [Double.nan] + levels + [Double.nan]
        grid.values.withUnsafeBufferPointer { v in
            guarded.withUnsafeBufferPointer { level in
                // Neighbouring samples are mostly in the same band: each search starts
                // from the previous sample's band b, where level[b] <= x < level[b + 1].
                var b = 0
                func fillBands(row j: Int, into band: UnsafeMutableBufferPointer<UInt8>) {
                    let start = j * nx
                    var current = b
                    for i in 0..<nx {
                        let x = v[start + i]
                        while level[current + 1] <= x { current += 1 }
                        while level[current] > x { current -= 1 }
                        band[i] = UInt8(truncatingIfNeeded: current)
                    }
                    b = current
                }
                lower.withUnsafeMutableBufferPointer { fillBands(row: 0, into: $0) }
                for j in 0..<cellsY {
                    upper.withUnsafeMutableBufferPointer { fillBands(row: j + 1, into: $0) }
                    lower.withUnsafeBufferPointer { bottom in
                        upper.withUnsafeBufferPointer { top in
                            for i in 0..<cx {
                                let b0 = bottom[i], b1 = bottom[i + 1]
                                let b2 = top[i + 1], b3 = top[i]
                                let low = min(min(b0, b1), min(b2, b3))
                                let high = max(max(b0, b1), max(b2, b3))
                                if low == high { continue }
                                let cell = j * cx + i
                                if let defined = definedCells, defined[cell] == 0 { continue }
                                for k in Int(low)..<Int(high) { lists[k].append(Int32(cell)) }
                            }
                        }
                    }
                    swap(&lower, &upper)
                }
            }
        }
        return lists
    }

    /// Sets the code of every cell in `scratch.crossed`, resolving saddles by the cell's
    /// centre value.
    func classify(level: Double, scratch: inout Scratch) {
        let nx = grid.nx, cx = cellsX
        grid.values.withUnsafeBufferPointer { v in
            scratch.codes.withUnsafeMutableBufferPointer { codes in
                for cell32 in scratch.crossed {
                    let cell = Int(cell32)
                    let j = cell / cx, i = cell - j * cx
                    let s0 = j * nx + i, s1 = s0 + 1, s2 = s0 + nx + 1, s3 = s0 + nx
                    // The same test as the bands: at or above the level.
                    var code: UInt8 = 0
                    if v[s0] >= level { code |= 1 }
                    if v[s1] >= level { code |= 2 }
                    if v[s2] >= level { code |= 4 }
                    if v[s3] >= level { code |= 8 }
                    if code == 5 || code == 10 {
                        let centre = 0.25 * (v[s0] + v[s1] + v[s2] + v[s3])
                        let centreAbove = centre >= level
                        code = code == 5 ? (centreAbove ? 16 : 17) : (centreAbove ? 18 : 19)
                    }
                    codes[cell] = code
                }
            }
        }
    }

    func trace(level: Double, scratch: inout Scratch) -> [ContourLine] {
        var result: [ContourLine] = []
        let exitTable = MarchingSquaresTable.exit
        let firstEntry = MarchingSquaresTable.firstEntry
        // Open lines: from every border edge a line enters by.
        for k in 0..<borderCells.count {
            let cell = Int(borderCells[k])
            let mask = borderEdges[k]
            for entry in 0..<4 where mask & (1 << entry) != 0 {
                let code = Int(scratch.codes[cell])
                if code != 0 && exitTable[code * 4 + entry] >= 0 {
                    if let line = follow(from: cell, entry: entry, level: level, closed: false, scratch: &scratch) {
                        result.append(line)
                    }
                }
            }
        }
        // Closed loops: every segment still untraced lies on one.
        for n in 0..<scratch.crossed.count {
            let cell = Int(scratch.crossed[n])
            while scratch.codes[cell] != 0 {
                let entry = Int(firstEntry[Int(scratch.codes[cell])])
                if let line = follow(from: cell, entry: entry, level: level, closed: true, scratch: &scratch) {
                    result.append(line)
                }
            }
        }
        return result
    }

    /// Follows one line from the segment entering `cell` by `entry`, consuming the
    /// segments it passes through. Returns nil for a line that collapses to a point.
    func follow(from startCell: Int, entry startEntry: Int, level: Double, closed: Bool, scratch: inout Scratch) -> ContourLine? {
        let cx = cellsX, cy = cellsY
        let nx = grid.nx
        var cell = startCell
        var i = startCell % cx, j = startCell / cx
        var entry = startEntry
        var isClosed = closed
        scratch.points.removeAll(keepingCapacity: true)
        grid.values.withUnsafeBufferPointer { v in
            grid.xs.withUnsafeBufferPointer { xs in
                grid.ys.withUnsafeBufferPointer { ys in
                    MarchingSquaresTable.exit.withUnsafeBufferPointer { exitTable in
                        MarchingSquaresTable.remaining.withUnsafeBufferPointer { remaining in
                            scratch.codes.withUnsafeMutableBufferPointer { codes in
                                /// The crossing of the level with edge `e` of cell (i, j).
                                @inline(__always) func vertex(_ i: Int, _ j: Int, _ e: Int) -> Point {
                                    // Always interpolate from the lower-index sample so a
                                    // shared edge gives the same point from either side.
                                    switch e {
                                    case 0, 2:
                                        let row = e == 0 ? j : j + 1
                                        let v0 = v[row * nx + i], v1 = v[row * nx + i + 1]
                                        let t = (level - v0) / (v1 - v0)
                                        return Point(xs[i] * (1 - t) + xs[i + 1] * t, ys[row])
                                    default:
                                        let col = e == 3 ? i : i + 1
                                        let v0 = v[j * nx + col], v1 = v[(j + 1) * nx + col]
                                        let t = (level - v0) / (v1 - v0)
                                        return Point(xs[col], ys[j] * (1 - t) + ys[j + 1] * t)
                                    }
                                }
                                @inline(__always) func append(_ p: Point) {
                                    // Lines through a sample equal to the level meet it
                                    // from two edges; keep one copy.
                                    if let last = scratch.points.last, last == p { return }
                                    scratch.points.append(p)
                                }
                                if !closed { append(vertex(i, j, entry)) }
                                while true {
                                    let code = Int(codes[cell])
                                    let exit = Int(exitTable[code * 4 + entry])
                                    if exit < 0 {
                                        // Cannot happen on a consistent table; end the line
                                        // rather than loop.
                                        isClosed = false
                                        break
                                    }
                                    codes[cell] = remaining[code * 4 + entry]
                                    append(vertex(i, j, exit))
                                    switch exit {
                                    case 0: j -= 1; cell -= cx
                                    case 1: i += 1; cell += 1
                                    case 2: j += 1; cell += cx
                                    default: i -= 1; cell -= 1
                                    }
                                    entry = (exit + 2) & 3
                                    if closed && cell == startCell && entry == startEntry { break }
                                    if i < 0 || i >= cx || j < 0 || j >= cy {
                                        isClosed = false
                                        break
                                    }
                                    if let defined = definedCells, defined[cell] == 0 {
                                        isClosed = false
                                        break
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        if isClosed, scratch.points.count > 1, scratch.points.first == scratch.points.last {
            scratch.points.removeLast()
        }
        let minimum = isClosed ? 3 : 2
        guard scratch.points.count >= minimum else { return nil }
        return ContourLine(level: level, points: Array(scratch.points), isClosed: isClosed)
    }
}
