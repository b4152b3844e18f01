import Calculus

/// The plot lines of CALC.md 2.4.
extension CalcBlockParser {
    mutating func readPlotLine(_ word: CalcSpan, _ rest: CalcSpan, line: CalcLine) {
        if word.text == "contour" {
            readContour(rest, word: word, line: line)
            return
        }
        guard block.plot != nil else {
            if !contourWritten {
                error(line, word, "'\(word.text)' needs a 'contour x in [A, B], y in [C, D]' line before it")
            }
            return
        }
        switch word.text {
        case "field":
            guard let n = parseCount(rest, line: line, range: 2...60, what: "the arrows per side") else { return }
            block.plot?.field = n
        case "descent":
            let clauses = CalcClauses(rest, keywords: ["from", "rate", "steps"])
            var values: [String: CalcSpan] = [:]
            for c in clauses.clauses { values[c.keyword] = c.value }
            guard clauses.lead.isEmpty, let from = values["from"], let rate = values["rate"], let steps = values["steps"],
                  !from.isEmpty, !rate.isEmpty, !steps.isEmpty else {
                error(line, rest.isEmpty ? word : rest, "expected 'descent from (a, b) rate R steps N'")
                return
            }
            for value in [from, rate] {
                for stray in CalcClauses.strayWords(in: value) where !isKnownName(stray.text) {
                    error(line, stray, "unknown option '\(stray.text)' in 'descent'"
                          + CalcSuggestion.hint(for: stray.text, among: ["from", "rate", "steps"]))
                    return
                }
            }
            guard let start = plotPoint(from, line: line), let r = plotNumber(rate, line: line),
                  let n = parseCount(steps, line: line, range: 1...10_000, what: "the number of steps") else { return }
            guard r > 0 else {
                error(line, rate, "the rate must be positive, not \(rate.text)")
                return
            }
            block.plot?.descent = CalcPlotDescent(start: start, rate: r, steps: n)
        case "mark":
            let s = rest.text
            guard let quote = s.firstIndex(of: "\""), s.hasSuffix("\""), s.distance(from: quote, to: s.endIndex) >= 2 else {
                error(line, rest.isEmpty ? word : rest, "expected 'mark (a, b) \"label\"'")
                return
            }
            let k = s.unicodeScalars.distance(from: s.unicodeScalars.startIndex, to: quote.samePosition(in: s.unicodeScalars)!)
            guard let p = plotPoint(rest.slice(0..<k).trimmed, line: line) else { return }
            let label = String(s[s.index(after: quote)..<s.index(before: s.endIndex)])
            block.plot?.marks.append(CalcPlotMark(point: p, label: label))
        case "caption":
            guard !rest.isEmpty else { error(line, word, "'caption' needs its text"); return }
            block.plot?.caption = rest.text
        case "alt":
            guard !rest.isEmpty else { error(line, word, "'alt' needs its text"); return }
            block.plot?.alt = rest.text
        default:
            error(line, word, "unknown plot line '\(word.text)'" + CalcSuggestion.hint(for: word.text, among: CalcBlockParser.plotWords))
        }
    }

    mutating func readContour(_ rest: CalcSpan, word: CalcSpan, line: CalcLine) {
        defer { contourWritten = true }
        guard block.plot == nil else {
            error(line, word, "a plot has one 'contour' line")
            return
        }
        guard let function = block.definitions.first?.function else {
            error(line, word, "define the function to plot before 'contour', e.g. 'f(x, y) = x^2 + y^2'")
            return
        }
        let variables = function.parameters
        guard variables.count == 2, case .scalar = function.body else {
            error(line, word, "a contour plot needs a scalar function of 2 variables, but '\(function.name)' has \(variables.count)"
                  + (function.body.scalar == nil ? " and is a vector field" : ""))
            return
        }
        let clauses = CalcClauses(rest, keywords: ["levels", "grid"])
        let windows = CalcBlockParser.splitTopLevel(clauses.lead, on: ",").map(\.trimmed)
        guard windows.count == 2, !clauses.lead.isEmpty else {
            error(line, clauses.lead.isEmpty ? word : clauses.lead,
                  "expected 'contour \(variables[0]) in [A, B], \(variables[1]) in [C, D]'")
            return
        }
        var ranges: [String: ClosedRange<Double>] = [:]
        for window in windows {
            let (name, after) = CalcBlockParser.firstWord(window)
            let (inWord, interval) = CalcBlockParser.firstWord(after)
            guard variables.contains(name.text) else {
                error(line, name, "'\(name.text)' is not a variable of \(function.name)(\(variables.joined(separator: ", ")))"
                      + CalcSuggestion.hint(for: name.text, among: variables))
                return
            }
            guard inWord.text == "in" else {
                error(line, inWord.isEmpty ? name : inWord, "expected '\(name.text) in [A, B]'")
                return
            }
            guard let value = parseValue(interval, line: line, context: context) else { return }
            guard case .vector(let ends) = value, ends.count == 2,
                  let a = ExactEvaluator.approximate(ends[0]), let b = ExactEvaluator.approximate(ends[1]) else {
                error(line, interval, "expected an interval of two numbers such as [-3, 3]")
                return
            }
            guard a < b else {
                error(line, interval, "the interval \(interval.text) is empty: its left end must be smaller")
                return
            }
            guard ranges[name.text] == nil else {
                error(line, name, "the range of '\(name.text)' is given twice")
                return
            }
            ranges[name.text] = a...b
        }
        guard let xr = ranges[variables[0]], let yr = ranges[variables[1]] else { return }
        var plot = CalcPlotRequest(xVariable: variables[0], xRange: xr, yVariable: variables[1], yRange: yr, line: line)
        for clause in clauses.clauses {
            switch clause.keyword {
            case "grid":
                guard let n = parseCount(clause.value, line: line, range: 5...1000, what: "the grid") else { return }
                plot.grid = n
            case "levels":
                let v = clause.value
                let toStep = CalcClauses(v, keywords: ["to", "step"])
                if toStep.clauses.count == 2, toStep.clauses[0].keyword == "to", toStep.clauses[1].keyword == "step" {
                    guard let a = plotNumber(toStep.lead, line: line), let b = plotNumber(toStep.clauses[0].value, line: line),
                          let s = plotNumber(toStep.clauses[1].value, line: line) else { return }
                    guard s > 0, a < b, (b - a) / s <= 200 else {
                        error(line, v, "expected 'levels LOW to HIGH step S' with LOW < HIGH, S > 0 and at most 200 levels")
                        return
                    }
                    plot.levels = .range(from: a, to: b, step: s)
                } else if v.text.contains(",") {
                    var list: [Double] = []
                    for part in CalcBlockParser.splitTopLevel(v, on: ",").map(\.trimmed) {
                        guard let x = plotNumber(part, line: line) else { return }
                        list.append(x)
                    }
                    plot.levels = .list(list)
                } else {
                    guard let n = parseCount(v, line: line, range: 1...100, what: "the number of levels") else { return }
                    plot.levels = .count(n)
                }
            default: break
            }
        }
        block.plot = plot
    }

    mutating func plotNumber(_ span: CalcSpan, line: CalcLine) -> Double? {
        guard let e = parseNumber(span, line: line) else { return nil }
        return ExactEvaluator.approximate(e)
    }

    mutating func plotPoint(_ span: CalcSpan, line: CalcLine) -> [Double]? {
        guard let p = parsePoint(span, line: line, dimension: 2, shape: "the plot", what: "point") else { return nil }
        let xs = p.compactMap(ExactEvaluator.approximate)
        guard xs.count == 2 else {
            error(line, span, "expected a point of numbers")
            return nil
        }
        return xs
    }
}
