/// plotbench: speed of the Plotting library.
///
///     plotbench contours   contour extraction, one JSON line per case
///     plotbench figure     the whole figure (sampling, contours, field, path, SVG text)
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "contours":
    ContourBenchmark.run()
case "figure":
    try FigureBenchmark.run()
default:
    print("usage: plotbench contours | plotbench figure")
}
