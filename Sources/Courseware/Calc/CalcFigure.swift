import Calculus
import Plotting

/// A `calc plot` block drawn: the scene's SVG and TikZ with the words around it.
public struct CalcFigure: Sendable {
    public var label: String?
    /// "3.1": lesson and figure number, set when the lesson is numbered.
    public var number: String?
    public var svg: String
    public var tikz: String
    /// The caption as written (Markdown with math).
    public var caption: String?
    /// The alt text, written or generated.
    public var alt: String
}

extension CalcEvaluator {
    mutating func figure(_ plot: CalcPlotRequest, function: FunctionDefinition, label: String?) -> CalcFigure? {
        guard case .scalar(let f) = function.body else { return nil }
        let vars = function.parameters
        let compiledF: CompiledExpression
        let compiledG: CompiledGradient
        do {
            compiledF = try CompiledExpression(f, variables: vars)
            compiledG = try CompiledGradient(of: f, variables: vars)
        } catch {
            diagnostics.append(plot.line.diagnostic(file, atScalar: 0, length: plot.line.text.unicodeScalars.count,
                "cannot plot \(function.name): \(error)"))
            return nil
        }
        let levels: PlotLevels
        switch plot.levels {
        case .none: levels = .count(10)
        case .count(let n): levels = .count(n)
        case .list(let xs): levels = .explicit(xs)
        case .range(let a, let b, let s): levels = .range(from: a, to: b, step: s)
        }
        let id = label ?? "calc-plot-\(plot.line.line)"
        let spec = PlotSpecification(
            figureID: id, xRange: plot.xRange, yRange: plot.yRange, levels: levels,
            gridResolution: plot.grid ?? 201, fieldCount: plot.field,
            descent: plot.descent.map { DescentRequest(start: Point($0.start[0], $0.start[1]), rate: $0.rate, steps: $0.steps) },
            marks: plot.marks.map { PlotMark(point: Point($0.point[0], $0.point[1]), label: $0.label) },
            caption: plot.caption, altText: plot.alt, functionLaTeX: f.latex, functionText: f.plainText)
        do {
            let scene = try PlotFigure.scene(spec, function: compiledF.function2, gradient: compiledG.function2)
            return CalcFigure(label: label, number: nil, svg: PlotFigure.svg(scene), tikz: PlotFigure.tikz(scene),
                              caption: plot.caption, alt: scene.description)
        } catch {
            diagnostics.append(plot.line.diagnostic(file, atScalar: 0, length: plot.line.text.unicodeScalars.count,
                "cannot draw the contours: \(error)"))
            return nil
        }
    }
}
