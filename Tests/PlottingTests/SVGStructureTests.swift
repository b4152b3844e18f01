import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Plotting

/// Collects what the structure tests look at while XMLParser reads an SVG.
final class SVGInspector: NSObject, XMLParserDelegate {
    var ids: [String] = []
    var rootAttributes: [String: String] = [:]
    var elementCounts: [String: Int] = [:]
    var titleText = ""
    var descText = ""
    private var current: [String] = []

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        if current.isEmpty { rootAttributes = attributes }
        if let id = attributes["id"] { ids.append(id) }
        elementCounts[name, default: 0] += 1
        current.append(name)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        current.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if current.last == "title" { titleText += string }
        if current.last == "desc" { descText += string }
    }
}

@Suite struct SVGStructureTests {
    private func inspect(_ svg: String) throws -> SVGInspector {
        let parser = XMLParser(data: Data(svg.utf8))
        let inspector = SVGInspector()
        parser.delegate = inspector
        let ok = parser.parse()
        #expect(ok, "SVG does not parse: \(String(describing: parser.parserError))")
        return inspector
    }

    @Test(arguments: SceneFixture.all)
    func svgParsesAndIsInlineable(_ fixture: SceneFixture) throws {
        let scene = try fixture.scene()
        let svg = SVGWriter().write(scene)
        let info = try inspect(svg)
        let root = info.rootAttributes
        #expect(root["viewBox"] == "0 0 \(PageNumber.fixed(scene.width)) \(PageNumber.fixed(scene.height))")
        #expect(root["width"] == nil && root["height"] == nil)
        #expect(root["role"] == "img")
        let root_id = SVGWriter.rootID(fixture.spec.figureID)
        #expect(root["aria-labelledby"] == "\(root_id)-title \(root_id)-desc")
        for id in info.ids { #expect(id.hasPrefix(fixture.spec.figureID + "-"), "id \(id) is not prefixed") }
        #expect(Set(info.ids).count == info.ids.count)
        #expect(info.titleText == "Contour plot of f(x, y) = \(fixture.spec.functionText)")
        #expect(info.descText.contains("for x from"))
        #expect(info.elementCounts["style"] == 1)
        #expect(!svg.contains("NaN") && !svg.contains("inf"))
    }

    @Test func twoFiguresShareNoIdsAndScopeTheirStyles() throws {
        let a = SVGWriter().write(try SceneFixture.bowl.scene())
        let b = SVGWriter().write(try SceneFixture.saddle.scene())
        let idsA = Set(try inspect(a).ids), idsB = Set(try inspect(b).ids)
        #expect(idsA.isDisjoint(with: idsB))
        // Every CSS rule starts with the figure's own root id.
        let styleA = a.components(separatedBy: "<style>\n")[1].components(separatedBy: "</style>")[0]
        for rule in styleA.split(separator: "\n") {
            #expect(rule.hasPrefix("#fig-bowl-plot "), "rule not scoped: \(rule)")
        }
    }

    @Test func altTextDescribesTheMath() throws {
        let scene = try SceneFixture.bowl.scene()
        let d = scene.description
        #expect(d.contains("f(x, y) = x^2 + 2 y^2"))
        #expect(d.contains("x from −3 to 3 and y from −3 to 3"))
        #expect(d.contains("level curves from f = "))
        #expect(d.contains("13 by 13 grid"))
        #expect(d.contains("starts at (2.6, 2.2) with rate 0.1"))
        #expect(d.contains("Marked: minimum at (0, 0)."))
        var spec = SceneFixture.bowl.spec
        spec.altText = "A bowl & its rings"
        let custom = try PlotFigure.scene(spec, function: SceneFixture.bowl.f, gradient: SceneFixture.bowl.gradient)
        let svg = SVGWriter().write(custom)
        #expect(svg.contains("<desc id=\"fig-bowl-plot-desc\">A bowl &amp; its rings</desc>"))
    }

    @Test func themableClassesAndProperties() throws {
        let svg = SVGWriter().write(try SceneFixture.bowl.scene())
        for name in ["cg-plot", "cg-level", "cg-l0", "cg-arrow", "cg-path", "cg-axis", "cg-mark", "cg-legend"] {
            #expect(svg.contains("class=\"\(name)") || svg.contains(" \(name)\""), "no element of class \(name)")
        }
        for property in ["--cg-fg", "--cg-bg", "--cg-arrow", "--cg-path", "--cg-l0"] {
            #expect(svg.contains("var(\(property),"))
        }
    }

    @Test(arguments: [
        (PathCase.moves, "M1 2l3 4m1-1 .5 0"),
        (PathCase.closed, "M0 0l10 0 0 10z"),
    ])
    func pathDataIsCompactAndRelative(_ c: PathCase, _ expected: String) {
        var d = PathData()
        switch c {
        case .moves:
            d.move(to: Point(1, 2)); d.line(to: Point(4, 6)); d.move(to: Point(5, 5)); d.line(to: Point(5.5, 5))
        case .closed:
            d.move(to: Point(0, 0)); d.line(to: Point(10, 0)); d.line(to: Point(10, 10)); d.close()
        }
        #expect(d.text == expected)
    }

    enum PathCase: Sendable { case moves, closed }
}
