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
            caption: plot.caption, altText: plot.alt, functionLaTeX: f.latex, functionText: f.plainText,
            functionName: function.name, variableNames: vars.count == 2 ? (vars[0], vars[1]) : ("x", "y"))
        do {
            var scene = try PlotFigure.scene(spec, function: compiledF.function2, gradient: compiledG.function2)
            CalcEvaluator.name(&scene, function: function.name, variables: vars)
            return CalcFigure(label: label, number: nil, svg: PlotFigure.svg(scene), tikz: PlotFigure.tikz(scene),
                              caption: plot.caption, alt: scene.description)
        } catch {
            diagnostics.append(plot.line.diagnostic(file, atScalar: 0, length: plot.line.text.unicodeScalars.count,
                "cannot draw the contours: \(error)"))
            return nil
        }
    }
}

extension CalcEvaluator {
    /// Plotting draws f of x and y; the figure speaks of the block's own names instead:
    /// axes named after the function's variables (`w`, `b`) and a legend naming the
    /// function (`level sets of g`, `gradient ∇g`). Names stay at the positions Plotting
    /// chose; a longer name grows its label's box to the right.
    static func name(_ scene: inout PlotScene, function: String, variables: [String]) {
        guard variables.count == 2 else { return }
        rename(&scene.xAxisLabel, plain: variables[0], latex: "$\(ExpressionPrinter.latexName(variables[0]))$")
        rename(&scene.yAxisLabel, plain: variables[1], latex: "$\(ExpressionPrinter.latexName(variables[1]))$")
        let f = ExpressionPrinter.latexName(function)
        for i in scene.legend.indices {
            switch scene.legend[i].kind {
            case .levels:
                rename(&scene.legend[i].label, plain: "level sets of \(function)", latex: "level sets of $\(f)$")
            case .arrow:
                rename(&scene.legend[i].label, plain: "gradient \u{2207}\(function)", latex: "gradient $\\nabla \(f)$")
            case .path:
                break
            }
        }
        // As Plotting does: the figure widens if a legend row needs it.
        let legendRight = scene.legend.map(\.label.box.maxX).max() ?? 0
        scene.width = max(scene.width, (legendRight + 2).rounded(.up))
    }

    private static func rename(_ text: inout SceneText, plain: String, latex: String) {
        let grow = Double(plain.count - text.text.count) * 0.55 * (text.box.maxY - text.box.minY - 2)
        text.text = plain
        text.latex = latex
        if grow > 0 { text.box.maxX += grow }
    }
}
