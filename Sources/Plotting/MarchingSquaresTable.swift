/// The marching-squares case table: which cell edge a level line leaves by, given the
/// edge it entered by.
///
/// Corners are numbered counter-clockwise from the bottom left (0 bottom-left,
/// 1 bottom-right, 2 top-right, 3 top-left) and bit k of a cell's case is set when corner
/// k is at or above the level. Edge e runs from corner e to corner e + 1 (mod 4): 0 is the
/// bottom, 1 the right, 2 the top, 3 the left edge.
///
/// Lines are oriented so that the region at or above the level lies on their right. An
/// edge whose corners go from below to above (in counter-clockwise order) is where a line
/// enters the cell; one going from above to below is where it leaves. A neighbour sees a
/// shared edge in the opposite direction, so the edge a line leaves one cell by is the edge
/// it enters the next cell by, and every crossed edge is entered exactly once: following
/// exits joins the segments into whole lines.
///
/// Cases 5 and 10 (two diagonal corners above) have two entries and two exits. They are
/// split by the value at the cell's centre into codes 16...19, so that the tracer never
/// looks at values again:
/// - 16: case 5, centre at or above (the above corners join through the centre)
/// - 17: case 5, centre below
/// - 18: case 10, centre at or above
/// - 19: case 10, centre below
enum MarchingSquaresTable {
    /// Number of cell codes: the 16 corner cases plus the 4 resolved saddles.
    static let codeCount = 20

    /// `exit[code * 4 + entry]`: the edge a line entering by `entry` leaves by, or -1.
    static let exit: [Int8] = {
        var table = [Int8](repeating: -1, count: codeCount * 4)
        for code in 0..<codeCount {
            for (entry, exit) in segments(code) { table[code * 4 + entry] = Int8(exit) }
        }
        return table
    }()

    /// `remaining[code * 4 + entry]`: the cell's code once the segment entering by
    /// `entry` has been traced. A saddle keeps its other segment; every other cell has
    /// nothing left (code 0).
    static let remaining: [UInt8] = {
        var table = [UInt8](repeating: 0, count: codeCount * 4)
        for code in 0..<codeCount {
            let all = segments(code)
            for (entry, _) in all {
                let others = all.filter { $0.entry != entry }
                guard let other = others.first else { continue }
                // The single-segment case whose one segment is `other`.
                let single = (0..<16).first { c in
                    let s = segments(c)
                    return s.count == 1 && s[0] == other
                }
                table[code * 4 + entry] = UInt8(single!)
            }
        }
        return table
    }()

    /// `firstEntry[code]`: some edge a line enters the cell by, or -1 when none does.
    static let firstEntry: [Int8] = (0..<codeCount).map { code in
        Int8(segments(code).first?.entry ?? -1)
    }

    /// The segments of a cell with the given code, as (entry edge, exit edge) pairs.
    static func segments(_ code: Int) -> [(entry: Int, exit: Int)] {
        switch code {
        case 0, 15: return []
        case 5, 10: return []  // unresolved saddles never reach the tracer
        case 16: return [(1, 0), (3, 2)]  // below corners 1 and 3 cut off
        case 17: return [(3, 0), (1, 2)]  // above corners 0 and 2 cut off
        case 18: return [(0, 3), (2, 1)]  // below corners 0 and 2 cut off
        case 19: return [(0, 1), (2, 3)]  // above corners 1 and 3 cut off
        default:
            let above = { (corner: Int) in code & (1 << (corner & 3)) != 0 }
            let entry = (0..<4).first { !above($0) && above($0 + 1) }!
            let exit = (0..<4).first { above($0) && !above($0 + 1) }!
            return [(entry, exit)]
        }
    }
}
