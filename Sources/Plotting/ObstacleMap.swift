/// Segments and boxes already on the page, bucketed on a coarse grid so a label candidate
/// is tested only against what lies near it.
struct ObstacleMap {
    /// A segment with an owner tag, so a label may sit on its own line.
    struct Segment { var a: Point; var b: Point; var owner: Int }

    private let origin: Point
    private let cell: Double
    private let columns: Int
    private let rows: Int
    private var segmentBuckets: [[Int]]
    private var boxBuckets: [[Int]]
    private(set) var segments: [Segment] = []
    private(set) var boxes: [PageRect] = []

    /// Owner tag for things that belong to no level line (arrows, path, marks).
    static let noOwner = -1

    init(area: PageRect, cell: Double = 16) {
        origin = Point(area.minX, area.minY)
        self.cell = cell
        // Capped, and safe for a non-finite area: the map is an index, not the page.
        func count(_ length: Double) -> Int {
            length.isFinite && length > 0 ? min(4096, Int((length / cell).rounded(.up)) + 1) : 1
        }
        columns = count(area.width)
        rows = count(area.height)
        segmentBuckets = Array(repeating: [], count: columns * rows)
        boxBuckets = Array(repeating: [], count: columns * rows)
    }

    private func bucketRange(_ r: PageRect) -> (ClosedRange<Int>, ClosedRange<Int>) {
        func clamp(_ t: Double, _ limit: Int) -> Int {
            guard t.isFinite else { return t > 0 ? limit - 1 : 0 }
            return min(limit - 1, max(0, Int(max(-1, min(Double(limit), t.rounded(.down))))))
        }
        func clampCol(_ v: Double) -> Int { clamp((v - origin.x) / cell, columns) }
        func clampRow(_ v: Double) -> Int { clamp((v - origin.y) / cell, rows) }
        return (clampCol(r.minX)...clampCol(r.maxX), clampRow(r.minY)...clampRow(r.maxY))
    }

    mutating func addSegment(_ a: Point, _ b: Point, owner: Int = ObstacleMap.noOwner) {
        let index = segments.count
        segments.append(Segment(a: a, b: b, owner: owner))
        let r = PageRect(minX: min(a.x, b.x), minY: min(a.y, b.y), maxX: max(a.x, b.x), maxY: max(a.y, b.y))
        let (cols, rws) = bucketRange(r)
        for j in rws { for i in cols { segmentBuckets[j * columns + i].append(index) } }
    }

    mutating func addBox(_ r: PageRect) {
        let index = boxes.count
        boxes.append(r)
        let (cols, rws) = bucketRange(r)
        for j in rws { for i in cols { boxBuckets[j * columns + i].append(index) } }
    }

    /// Owners whose segments no longer count (arrows given up for a label).
    var removedOwners: Set<Int> = []

    /// The owner tag of arrow `index`: arrows are tagged -2, -3, ... so they can be told apart.
    static func arrowOwner(_ index: Int) -> Int { -2 - index }
    static func arrowIndex(owner: Int) -> Int? { owner <= -2 ? -2 - owner : nil }

    /// nil when `r` touches a box or any segment other than an arrow's (or one of `owner`);
    /// otherwise the arrows it touches, in increasing order.
    func arrowsBlocking(_ r: PageRect, ignoringOwner owner: Int) -> [Int]? {
        var arrows: Set<Int> = []
        let (cols, rws) = bucketRange(r)
        for j in rws {
            for i in cols {
                for k in boxBuckets[j * columns + i] where boxes[k].intersects(r) { return nil }
                for k in segmentBuckets[j * columns + i] {
                    let s = segments[k]
                    if s.owner != ObstacleMap.noOwner && (s.owner == owner || removedOwners.contains(s.owner)) { continue }
                    guard ObstacleMap.segment(s.a, s.b, intersects: r) else { continue }
                    guard let arrow = ObstacleMap.arrowIndex(owner: s.owner) else { return nil }
                    arrows.insert(arrow)
                }
            }
        }
        return arrows.sorted()
    }

    /// True when `r` touches a box, or a segment whose owner is not `owner`.
    func collides(_ r: PageRect, ignoringOwner owner: Int) -> Bool {
        let (cols, rws) = bucketRange(r)
        for j in rws {
            for i in cols {
                for k in boxBuckets[j * columns + i] where boxes[k].intersects(r) { return true }
                for k in segmentBuckets[j * columns + i] {
                    let s = segments[k]
                    if s.owner != ObstacleMap.noOwner && (s.owner == owner || removedOwners.contains(s.owner)) { continue }
                    if ObstacleMap.segment(s.a, s.b, intersects: r) { return true }
                }
            }
        }
        return false
    }

    /// Whether the segment ab meets the rectangle (Liang–Barsky clipping).
    static func segment(_ a: Point, _ b: Point, intersects r: PageRect) -> Bool {
        var t0 = 0.0, t1 = 1.0
        let dx = b.x - a.x, dy = b.y - a.y
        let checks: [(Double, Double)] = [
            (-dx, a.x - r.minX), (dx, r.maxX - a.x), (-dy, a.y - r.minY), (dy, r.maxY - a.y),
        ]
        for (p, q) in checks {
            if p == 0 {
                if q < 0 { return false }
            } else {
                let t = q / p
                if p < 0 { if t > t1 { return false }; if t > t0 { t0 = t } }
                else { if t < t0 { return false }; if t < t1 { t1 = t } }
            }
        }
        return true
    }
}
