import Dispatch
import Foundation
import Testing
@testable import MarkdownSyntax

/// libcmark parses into a per-thread arena (`Sources/CCMark/shim.h`) that is released after
/// each document. Documents parsed at the same time on several threads, and one after
/// another on one thread, must give the same trees: no thread sees another's memory, and
/// nothing of a document outlives its release.
@Suite struct ParserArenaTests {
    static func document(_ i: Int) -> String {
        var text = "---\ntitle: Lesson \(i)\n---\n\n# Heading \(i)\n\n"
        for k in 0..<(5 + i % 7) {
            text += "Paragraph \(k) with *emphasis*, `code`, $x_\(k)^2$ and a [link](https://example.org/\(k)).\n\n"
            text += "- item \(k)\n  - nested $a*b*c$\n\n"
            text += "$$\n\\frac{\\partial f}{\\partial x_\(k)} = \(k)x\n$$\n\n"
            text += "> [!theorem] Statement \(k)\n> Body \(String(repeating: "word ", count: k * 40))\n\n"
            text += "```calc\nf(x, y) = x^\(k) y\n```\n\n"
        }
        return text
    }

    @Test func concurrentParsesEqualSerialOnes() {
        let texts = (0..<96).map(Self.document)
        let serial = texts.map { MarkdownParser.parse($0, file: "Content/x.md") }
        final class Box: @unchecked Sendable {
            var trees: [MarkdownDocument?]
            init(count: Int) { trees = Array(repeating: nil, count: count) }
        }
        let box = Box(count: texts.count)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: texts.count) { i in
            let tree = MarkdownParser.parse(texts[i], file: "Content/x.md")
            lock.lock(); box.trees[i] = tree; lock.unlock()
        }
        for i in texts.indices { #expect(box.trees[i] == serial[i], "document \(i)") }
        // And again on this thread, after all those arenas were released.
        for i in texts.indices { #expect(MarkdownParser.parse(texts[i], file: "Content/x.md") == serial[i]) }
    }

    /// A document far larger than one arena chunk (256 KiB), with literals that grow
    /// buffers by `realloc` many times.
    @Test func largeDocument() {
        let paragraph = String(repeating: "long text $y$ and more ", count: 20_000)
        let text = "# Big\n\n" + paragraph + "\n\n```\n" + String(repeating: "code line\n", count: 20_000) + "```\n"
        let once = MarkdownParser.parse(text, file: "Content/big.md")
        #expect(once == MarkdownParser.parse(text, file: "Content/big.md"))
        #expect(once.blocks.count == 3)
    }
}
