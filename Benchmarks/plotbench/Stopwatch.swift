/// Times a piece of work by running it repeatedly and keeping the fastest and median runs.
struct Stopwatch {
    /// Seconds of the fastest run and the median run.
    struct Timing { var best: Double; var median: Double; var runs: Int }

    /// Runs `work` at least `minimumRuns` times and for at least `minimumSeconds` overall.
    static func time(minimumRuns: Int = 5, minimumSeconds: Double = 0.3, _ work: () -> Void) -> Timing {
        let clock = ContinuousClock()
        var samples: [Double] = []
        var total = 0.0
        while samples.count < minimumRuns || total < minimumSeconds {
            let elapsed = clock.measure(work)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            samples.append(seconds)
            total += seconds
        }
        samples.sort()
        return Timing(best: samples[0], median: samples[samples.count / 2], runs: samples.count)
    }
}
