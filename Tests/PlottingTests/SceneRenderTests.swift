import Foundation
import Testing
@testable import Plotting

/// Runs an external program; fails the test (never skips) when it is missing or fails.
func runTool(_ executable: String, _ arguments: [String], in directory: URL) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [executable] + arguments
    process.currentDirectoryURL = directory
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    guard process.terminationStatus == 0 else {
        throw ToolFailure(command: ([executable] + arguments).joined(separator: " "), output: text)
    }
    return text
}

struct ToolFailure: Error, CustomStringConvertible {
    var command: String
    var output: String
    var description: String { "\(command) failed:\n" + output.suffix(3000) }
}

/// Renders every fixture to PNG through both writers and keeps the images under
/// TestArtifacts/plotting/ for a person to look at. Serialized: two cores, heavy tools.
@Suite(.serialized) struct SceneRenderTests {
    private func workDirectory(_ name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("coursegen-plot-\(name)-\(getpid())")
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: PackagePaths.artifacts, withIntermediateDirectories: true)
        return dir
    }

    @Test(arguments: SceneFixture.rendered)
    func tikzCompilesAndRenders(_ fixture: SceneFixture) throws {
        let dir = try workDirectory("tex-\(fixture.name)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let picture = TikZWriter().write(try fixture.scene())
        let packages = TikZWriter.requiredPackages.map { "\\usepackage{\($0)}\n" }.joined()
        let document = "\\documentclass[border=4pt]{standalone}\n" + packages
            + "\\begin{document}\n" + picture + "\\end{document}\n"
        try Data(document.utf8).write(to: dir.appendingPathComponent("figure.tex"))
        _ = try runTool("latexmk", ["-pdf", "-interaction=nonstopmode", "-halt-on-error", "figure.tex"], in: dir)
        let pdf = dir.appendingPathComponent("figure.pdf")
        #expect(FileManager.default.fileExists(atPath: pdf.path))
        let stem = PackagePaths.artifacts.appendingPathComponent("\(fixture.name)-tikz").path
        _ = try runTool("pdftoppm", ["-png", "-r", "100", "-singlefile", pdf.path, stem], in: dir)
        let png = try Data(contentsOf: URL(fileURLWithPath: stem + ".png"))
        #expect(png.count > 5000, "the PDF render of \(fixture.name) is suspiciously small")
    }

    @Test(arguments: SceneFixture.rendered)
    func svgRendersInChromium(_ fixture: SceneFixture) throws {
        let dir = try workDirectory("svg-\(fixture.name)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let scene = try fixture.scene()
        let svg = SVGWriter().write(scene)
        let html = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><style>
            body{margin:0;background:#fff} figure{margin:8px;width:\(Int(scene.width * 1.6))px}
            </style></head><body><figure>\(svg)</figure></body></html>
            """
        let page = dir.appendingPathComponent("figure.html")
        try Data(html.utf8).write(to: page)
        let png = PackagePaths.artifacts.appendingPathComponent("\(fixture.name)-svg.png")
        try? FileManager.default.removeItem(at: png)
        let width = Int(scene.width * 1.6) + 16, height = Int(scene.height * 1.6) + 16
        _ = try runTool("chromium", [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--user-data-dir=\(dir.appendingPathComponent("profile").path)",
            "--screenshot=\(png.path)", "--window-size=\(width),\(height)", page.absoluteString,
        ], in: dir)
        let data = try Data(contentsOf: png)
        #expect(data.count > 5000, "the SVG screenshot of \(fixture.name) is suspiciously small")
    }

    /// The same SVG themed dark through the custom properties only, as a site would.
    @Test func svgRecoloursForADarkTheme() throws {
        let dir = try workDirectory("svg-dark")
        defer { try? FileManager.default.removeItem(at: dir) }
        let scene = try SceneFixture.bowl.scene()
        let svg = SVGWriter().write(scene)
        let html = """
            <!DOCTYPE html><html class="dark"><head><meta charset="utf-8"><style>
            body{margin:0;background:#1b1d21}
            html.dark{--cg-fg:#e4e4e4;--cg-bg:#1b1d21;--cg-arrow:#a9adb3;--cg-path:#ff7b8a;
              --cg-l0:#6b3f98;--cg-l1:#5c4d9e}
            figure{margin:8px;width:\(Int(scene.width * 1.6))px}
            </style></head><body><figure>\(svg)</figure></body></html>
            """
        let page = dir.appendingPathComponent("figure.html")
        try Data(html.utf8).write(to: page)
        let png = PackagePaths.artifacts.appendingPathComponent("bowl-svg-dark.png")
        try? FileManager.default.removeItem(at: png)
        let width = Int(scene.width * 1.6) + 16, height = Int(scene.height * 1.6) + 16
        _ = try runTool("chromium", [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--user-data-dir=\(dir.appendingPathComponent("profile").path)",
            "--screenshot=\(png.path)", "--window-size=\(width),\(height)", page.absoluteString,
        ], in: dir)
        #expect(try Data(contentsOf: png).count > 5000)
    }
}
