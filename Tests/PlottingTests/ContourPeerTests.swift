import Foundation
import Testing
@testable import Plotting

/// The tracer against contourpy (serial algorithm) on the same grids and levels.
///
/// Needs python3 with numpy and contourpy (installed by `scripts/test`); the test fails
/// when they are missing. Lines are compared after putting each in a canonical form
/// (direction and, for loops, starting vertex), so the test checks the geometry and the
/// joining, not the traversal order.
@Suite struct ContourPeerTests {
    struct PeerCase: Sendable, CustomTestStringConvertible {
        var name: String
        var grid: SampledGrid
        var levels: [Double]
        var testDescription: String { name }
    }

    /// A deterministic pseudo-random sequence in [0, 1) (a 64-bit LCG), so grids full of
    /// saddles are the same on every run.
    static func noise(count: Int, seed: UInt64) -> [Double] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    static let cases: [PeerCase] = [
        PeerCase(
            name: "sin x cos y + 0.3 x, 37x29",
            grid: SampledGrid.sample({ x, y in sin(x) * cos(y) + 0.3 * x }, x: -3...3, y: -2...2.5, nx: 37, ny: 29),
            levels: [-1.1, -0.7, -0.33, 0.01, 0.4, 0.75, 1.2]),
        PeerCase(
            name: "x y e^(-x^2-y^2), 50x50",
            grid: SampledGrid.sample({ x, y in x * y * exp(-x * x - y * y) }, x: -2...2, y: -2...2, nx: 50, ny: 50),
            levels: [-0.15, -0.07, -0.01, 0.003, 0.05, 0.12, 0.17]),
        PeerCase(
            name: "log(x y) with undefined quadrants, 40x40",
            grid: SampledGrid.sample({ x, y in log(x * y) }, x: -2...2, y: -2...2, nx: 40, ny: 40),
            levels: [-5, -3.3, -1.1, 0.1, 0.9, 1.3]),
        PeerCase(
            name: "noise, 14x11 (many saddles)",
            grid: SampledGrid(
                xs: (0..<14).map { Double($0) * 0.5 }, ys: (0..<11).map { Double($0) * 0.7 - 1 },
                values: noise(count: 14 * 11, seed: 7)),
            levels: [0.1, 0.25, 0.4, 0.5, 0.61, 0.77, 0.9]),
        PeerCase(
            name: "noise with holes, 20x16",
            grid: SampledGrid(
                xs: (0..<20).map(Double.init), ys: (0..<16).map(Double.init),
                values: zip(noise(count: 320, seed: 11), noise(count: 320, seed: 12)).map { v, hole in
                    hole < 0.08 ? .nan : v
                }),
            levels: [0.2, 0.45, 0.5, 0.8]),
    ]

    /// A line in a form that does not depend on where tracing started or which way it went.
    struct CanonicalLine: Comparable, CustomStringConvertible {
        var isClosed: Bool
        var points: [Point]
        var description: String { "\(isClosed ? "closed" : "open") \(points.map { "(\($0.x), \($0.y))" })" }

        static func less(_ a: Point, _ b: Point) -> Bool { a.x < b.x || (a.x == b.x && a.y < b.y) }

        init(isClosed: Bool, points: [Point]) {
            self.isClosed = isClosed
            // The two sides round the last bit differently; order by coordinates rounded
            // well above that, compare with a tolerance after.
            func snap(_ v: Double) -> Double { (v * 1e9).rounded() / 1e9 }
            var p = points.map { Point(snap($0.x), snap($0.y)) }
            if isClosed {
                let start = p.indices.min { Self.less(p[$0], p[$1]) }!
                p = Array(p[start...] + p[..<start])
                if p.count > 2, Self.less(p[p.count - 1], p[1]) { p = [p[0]] + p[1...].reversed() }
            } else if let first = p.first, let last = p.last, Self.less(last, first) {
                p.reverse()
            }
            self.points = p
        }

        static func < (a: CanonicalLine, b: CanonicalLine) -> Bool {
            if a.isClosed != b.isClosed { return !a.isClosed }
            if a.points[0] != b.points[0] { return less(a.points[0], b.points[0]) }
            return a.points.count < b.points.count
        }

        static func == (a: CanonicalLine, b: CanonicalLine) -> Bool { a.isClosed == b.isClosed && a.points == b.points }

        func matches(_ other: CanonicalLine, tolerance: Double) -> Bool {
            isClosed == other.isClosed && points.count == other.points.count
                && zip(points, other.points).allSatisfy { abs($0.x - $1.x) <= tolerance && abs($0.y - $1.y) <= tolerance }
        }
    }

    static let peerScript = """
        import json, sys
        import numpy as np
        import contourpy
        case = json.load(open(sys.argv[1]))
        z = np.array([np.nan if v is None else v for v in case["values"]], dtype=float)
        z = np.ma.masked_invalid(z.reshape(len(case["ys"]), len(case["xs"])))
        gen = contourpy.contour_generator(np.array(case["xs"]), np.array(case["ys"]), z, name="serial",
                                          line_type=contourpy.LineType.Separate, corner_mask=False)
        out = [[line.tolist() for line in gen.lines(level)] for level in case["levels"]]
        json.dump(out, sys.stdout)
        """

    /// contourpy's lines for each level, as (closed, points) with the repeated closing
    /// vertex removed.
    static func peerLines(_ c: PeerCase) throws -> [[CanonicalLine]] {
        func number(_ v: Double) -> String { v.isFinite ? "\(v)" : "null" }
        let json = """
            {"xs": [\(c.grid.xs.map(number).joined(separator: ","))],
             "ys": [\(c.grid.ys.map(number).joined(separator: ","))],
             "values": [\(c.grid.values.map(number).joined(separator: ","))],
             "levels": [\(c.levels.map(number).joined(separator: ","))]}
            """
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("contour-peer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("case.json")
        let script = directory.appendingPathComponent("peer.py")
        try json.write(to: input, atomically: true, encoding: .utf8)
        try peerScript.write(to: script, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, input.path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "python3 with contourpy failed: \(errorText)")

        let levels = try #require(try JSONSerialization.jsonObject(with: data) as? [[[[Double]]]])
        return levels.map { lines in
            lines.map { raw in
                var points = raw.map { Point($0[0], $0[1]) }
                let closed = points.count > 2 && points.first == points.last
                if closed { points.removeLast() }
                return CanonicalLine(isClosed: closed, points: points)
            }.sorted()
        }
    }

    @Test(arguments: cases)
    func sameLinesAsContourpy(_ c: PeerCase) throws {
        // The grids avoid levels equal to a sample, where the two differ by convention
        // (here a sample equal to the level counts as above; contourpy's strict test).
        #expect(!c.levels.contains { c.grid.values.contains($0) })
        let peer = try Self.peerLines(c)
        let ours = ContourTracer(grid: c.grid).lines(levels: c.levels).map { lines in
            lines.map { CanonicalLine(isClosed: $0.isClosed, points: $0.points) }.sorted()
        }
        #expect(ours.count == peer.count)
        var compared = 0
        for (k, level) in c.levels.enumerated() {
            #expect(ours[k].count == peer[k].count, "level \(level): \(ours[k].count) lines here, \(peer[k].count) in contourpy")
            guard ours[k].count == peer[k].count else { continue }
            for (a, b) in zip(ours[k], peer[k]) {
                #expect(a.matches(b, tolerance: 2e-9), "level \(level):\n  here      \(a)\n  contourpy \(b)")
                compared += a.points.count
            }
        }
        #expect(compared > 20)
    }
}
