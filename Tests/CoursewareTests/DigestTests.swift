import Calculus
import Testing
@testable import Courseware

/// `CalcCache.digest` names cache entries and reusable output files by their inputs: equal
/// inputs must give equal names, and inputs that differ anywhere (including in the last
/// bytes, which the hash takes apart from the 16-byte steps) different ones.
@Suite struct DigestTests {
    @Test func equalTextsEqualDigestsOf32HexDigits() {
        let text = String(repeating: "∇f(x, y) = (2x, 2y)\n", count: 50)
        #expect(CalcCache.digest(text) == CalcCache.digest(String(text)))
        #expect(CalcCache.digest(text).count == 32)
        #expect(CalcCache.digest(text).allSatisfy { $0.isHexDigit })
    }

    /// Every length from 0 to 100, of one repeated byte: the length alone must tell them apart.
    @Test func everyLengthDiffers() {
        let digests = (0...100).map { CalcCache.digest(String(repeating: "a", count: $0)) }
        #expect(Set(digests).count == digests.count)
        let zeros = (0...40).map { CalcCache.digest(String(repeating: "\u{0}", count: $0)) }
        #expect(Set(zeros).count == zeros.count)
    }

    /// Changing any one byte of a text (in the 16-byte steps or the tail) changes the digest.
    @Test func everyOneByteChangeDiffers() {
        for length in [1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 100] {
            let base = Array(repeating: UInt8(ascii: "x"), count: length)
            var seen: Set<String> = [CalcCache.digest(String(decoding: base, as: UTF8.self))]
            for position in 0..<length {
                for replacement in [UInt8(ascii: "y"), UInt8(ascii: "X"), UInt8(ascii: "\u{0}")] {
                    var changed = base
                    changed[position] = replacement
                    seen.insert(CalcCache.digest(String(decoding: changed, as: UTF8.self)))
                }
            }
            #expect(seen.count == 1 + 3 * length, "length \(length)")
        }
    }

    /// Swapping two 8-byte words (which the two lanes take in turn) changes the digest.
    @Test func wordOrderMatters() {
        let a = "AAAAAAAABBBBBBBBCCCCCCCCDDDDDDDD", b = "BBBBBBBBAAAAAAAACCCCCCCCDDDDDDDD"
        let c = "AAAAAAAABBBBBBBBDDDDDDDDCCCCCCCC", d = "CCCCCCCCBBBBBBBBAAAAAAAADDDDDDDD"
        #expect(Set([a, b, c, d].map(CalcCache.digest)).count == 4)
    }

    /// 20,000 random texts of random lengths: no two digests alike.
    @Test func noCollisionsAmongRandomTexts() {
        var rng = SplitMix64(seed: 2026)
        var digests: Set<String> = []
        var texts: Set<[UInt8]> = []
        for _ in 0..<20_000 {
            let length = Int(rng.next() % 80)
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: 32 + rng.next() % 95) }
            guard texts.insert(bytes).inserted else { continue }
            digests.insert(CalcCache.digest(String(decoding: bytes, as: UTF8.self)))
        }
        #expect(digests.count == texts.count)
    }

    @Test func imagesAreLookedForAtEachBang() {
        #expect(LaTeXImages.mayHaveImages("see ![a plot](plot.svg)"))
        #expect(LaTeXImages.mayHaveImages("n! and then ![x](y.png)"))
        #expect(LaTeXImages.mayHaveImages("!["))
        #expect(!LaTeXImages.mayHaveImages("n! = n (n-1)!"))
        #expect(!LaTeXImages.mayHaveImages("ends with !"))
        #expect(!LaTeXImages.mayHaveImages("!"))
        #expect(!LaTeXImages.mayHaveImages(""))
        #expect(!LaTeXImages.mayHaveImages("[!note] ! [not an image]"))
    }
}
