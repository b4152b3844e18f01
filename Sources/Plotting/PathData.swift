/// Compact SVG path data: absolute first move, relative commands after it, coordinates in
/// integer hundredths of a page unit so rounding never accumulates and output is stable.
struct PathData {
    private(set) var text = ""
    private var current: (Int64, Int64)?
    private var subpathStart: (Int64, Int64) = (0, 0)
    private var lastCommand: Character?

    static func hundredths(_ v: Double) -> Int64 {
        guard v.isFinite else { return 0 }
        return Int64((v * 100).rounded())
    }

    /// A coordinate in hundredths as the shortest text: `12.5`, `-.25`, `3`.
    static func number(_ h: Int64) -> String {
        var s = PageNumber.fromScaled(h, decimals: 2)
        if s.hasPrefix("0.") { s.removeFirst() } else if s.hasPrefix("-0.") { s.remove(at: s.index(after: s.startIndex)) }
        return s
    }

    private mutating func emit(_ command: Character, _ values: [Int64]) {
        if command != lastCommand || command == "M" || command == "m" {
            text.append(command)
            lastCommand = command
            // Repeated lineto needs no repeated letter, but a move's implicit follow-ups
            // would be linetos: after m we switch the remembered command to l.
            if command == "m" { lastCommand = "l" } else if command == "M" { lastCommand = "L" }
        } else {
            if let first = values.first, first >= 0 { text.append(" ") }
        }
        for (i, v) in values.enumerated() {
            let s = PathData.number(v)
            if i > 0 && !s.hasPrefix("-") { text.append(" ") }
            text += s
        }
    }

    mutating func move(to p: Point) {
        let q = (PathData.hundredths(p.x), PathData.hundredths(p.y))
        if let c = current {
            emit("m", [q.0 - c.0, q.1 - c.1])
        } else {
            emit("M", [q.0, q.1])
        }
        current = q
        subpathStart = q
    }

    mutating func line(to p: Point) {
        let q = (PathData.hundredths(p.x), PathData.hundredths(p.y))
        let c = current ?? (0, 0)
        emit("l", [q.0 - c.0, q.1 - c.1])
        current = q
    }

    mutating func close() {
        text.append("z")
        lastCommand = "z"
        current = subpathStart
    }

    var isEmpty: Bool { text.isEmpty }
}
