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
        if values.contains(where: { !$0.isFinite }) {
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
            for i in 0..<cx where isDefined(i, j) {
                // Without undefined cells only the outer ring can face the outside.
                if defined == nil && j > 0 && j < cy - 1 && i > 0 && i < cx - 1 { continue }
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
        // Work through the levels in increasing order, at most `Bands.capacity` at a time.
        let order = levels.indices.filter { !levels[$0].isNaN }.sorted {
            levels[$0] < levels[$1] || (levels[$0] == levels[$1] && $0 < $1)
        }
        var scratch = Scratch(cellCount: cellsX * cellsY)
        var first = 0
        while first < order.count {
            let chunk = Array(order[first..<min(first + Bands.capacity, order.count)])
            first += chunk.count
            let sorted = chunk.map { levels[$0] }
            let bands = Bands(values: grid.values, levels: sorted)
            let crossed = crossedCells(bands: bands, levelCount: sorted.count)
            for (k, index) in chunk.enumerated() {
                scratch.crossed = crossed[k]
                classify(level: sorted[k], index: k, bands: bands, scratch: &scratch)
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

    /// Which of a sorted run of levels each sample reaches: `band[s]` is the number of
    /// levels at or below sample s, so sample s is at or above level k exactly when
    /// `band[s] > k`. One pass over the samples serves every level of the run.
    struct Bands {
        /// Levels per run, so a band fits in a byte.
        static let capacity = 255
        var band: [UInt8]

        init(values: [Double], levels: [Double]) {
            let m = levels.count
            band = [UInt8](unsafeUninitializedCapacity: values.count) { buffer, initialized in
                values.withUnsafeBufferPointer { v in
                    levels.withUnsafeBufferPointer { level in
                        // Neighbouring samples are mostly in the same band: start the
                        // search from the previous one.
                        var b = 0
                        for s in 0..<v.count {
                            let x = v[s]
                            if x.isNaN {
                                buffer[s] = 0
                                continue
                            }
                            while b < m && level[b] <= x { b += 1 }
                            while b > 0 && level[b - 1] > x { b -= 1 }
                            buffer[s] = UInt8(truncatingIfNeeded: b)
                        }
                    }
                }
                initialized = values.count
            }
        }
    }

    /// For each level of a run, the defined cells it crosses (some corner at or above it,
    /// some below), in row-major order.
    func crossedCells(bands: Bands, levelCount: Int) -> [[Int32]] {
        var lists = [[Int32]](repeating: [], count: levelCount)
        let nx = grid.nx, cx = cellsX
        bands.band.withUnsafeBufferPointer { b in
            for j in 0..<cellsY {
                let bottom = j * nx, top = bottom + nx
                for i in 0..<cx {
                    let b0 = b[bottom + i], b1 = b[bottom + i + 1]
                    let b2 = b[top + i + 1], b3 = b[top + i]
                    let low = min(min(b0, b1), min(b2, b3))
                    let high = max(max(b0, b1), max(b2, b3))
                    if low == high { continue }
                    let cell = j * cx + i
                    if let defined = definedCells, defined[cell] == 0 { continue }
                    for k in Int(low)..<Int(high) { lists[k].append(Int32(cell)) }
                }
            }
        }
        return lists
    }

    /// Sets the code of every cell in `scratch.crossed` for the level with index `k` in
    /// its run, resolving saddles by the cell's centre value.
    func classify(level: Double, index k: Int, bands: Bands, scratch: inout Scratch) {
        let nx = grid.nx, cx = cellsX
        let threshold = UInt8(truncatingIfNeeded: k)
        grid.values.withUnsafeBufferPointer { v in
            bands.band.withUnsafeBufferPointer { b in
                scratch.codes.withUnsafeMutableBufferPointer { codes in
                    for cell32 in scratch.crossed {
                        let cell = Int(cell32)
                        let j = cell / cx, i = cell - j * cx
                        let s0 = j * nx + i, s1 = s0 + 1, s2 = s0 + nx + 1, s3 = s0 + nx
                        var code: UInt8 = 0
                        if b[s0] > threshold { code |= 1 }
                        if b[s1] > threshold { code |= 2 }
                        if b[s2] > threshold { code |= 4 }
                        if b[s3] > threshold { code |= 8 }
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
