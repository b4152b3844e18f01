/// Extracts level lines from a sampled grid by marching squares.
///
/// Each level is done in two steps. *Classify*: every cell gets a 4-bit case from which of
/// its corners are at or above the level (a value equal to the level counts as above);
/// saddle cases are resolved once by the cell's centre value (the mean of its corners).
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
    /// start in), then closed loops (likewise), so the output is deterministic.
    public func lines(levels: [Double]) -> [[ContourLine]] {
        var scratch = Scratch(cellCount: cellsX * cellsY)
        return levels.map { trace(level: $0, scratch: &scratch) }
    }

    /// Buffers reused from one level to the next.
    struct Scratch {
        /// The code of every cell; all zero between levels, because tracing consumes every
        /// segment of every cell that classification marked.
        var codes: [UInt8]
        /// Cells crossed by the level, row by row.
        var crossed: [Int32] = []
        /// The vertices of the line being traced.
        var points: [Point] = []
        init(cellCount: Int) { codes = [UInt8](repeating: 0, count: cellCount) }
    }

    func trace(level: Double, scratch: inout Scratch) -> [ContourLine] {
        guard !level.isNaN else { return [] }
        classify(level: level, scratch: &scratch)
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

    /// Sets the code of every cell the level crosses and lists those cells.
    func classify(level: Double, scratch: inout Scratch) {
        scratch.crossed.removeAll(keepingCapacity: true)
        let nx = grid.nx
        let cx = cellsX
        grid.values.withUnsafeBufferPointer { v in
            scratch.codes.withUnsafeMutableBufferPointer { codes in
                for j in 0..<cellsY {
                    let bottom = j * nx, top = bottom + nx
                    // Comparisons with NaN are false, so undefined samples count as below;
                    // their cells are dropped below, on the rare crossed-cell path.
                    var bl: UInt8 = v[bottom] >= level ? 1 : 0
                    var tl: UInt8 = v[top] >= level ? 8 : 0
                    for i in 0..<cx {
                        let br: UInt8 = v[bottom + i + 1] >= level ? 2 : 0
                        let tr: UInt8 = v[top + i + 1] >= level ? 4 : 0
                        let code = bl | br | tr | tl
                        bl = br >> 1
                        tl = tr << 1
                        if code == 0 || code == 15 { continue }
                        let cell = j * cx + i
                        if let defined = definedCells, defined[cell] == 0 { continue }
                        var resolved = code
                        if code == 5 || code == 10 {
                            let centre = 0.25 * (v[bottom + i] + v[bottom + i + 1] + v[top + i] + v[top + i + 1])
                            let centreAbove = centre >= level
                            resolved = code == 5 ? (centreAbove ? 16 : 17) : (centreAbove ? 18 : 19)
                        }
                        codes[cell] = resolved
                        scratch.crossed.append(Int32(cell))
                    }
                }
            }
        }
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
