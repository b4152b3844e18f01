import Foundation

/// A course in a fresh temporary folder: `Content/` with the given files.
struct Fixture {
    let root: URL

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("coursegen-e2e-\(UUID().uuidString)", isDirectory: true)
        for (path, text) in files { try write(text, to: "Content/" + path) }
        if files.isEmpty {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        }
    }

    func write(_ text: String, to path: String) throws {
        let target = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: target)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }

    func entries(_ path: String = "") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(path).path)) ?? []).sorted()
    }

    /// Every file under `path`, by relative path, with its bytes.
    func snapshot(_ path: String) -> [String: Data] {
        let base = root.appendingPathComponent(path).resolvingSymlinksInPath()
        var files: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: base.path) else { return files }
        while let relative = walker.nextObject() as? String {
            let url = base.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = FileManager.default.contents(atPath: url.path)
            }
        }
        return files
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// A small correct course: two lessons ordered by course.yml, against file-name order.
    static let goodCourse: [String: String] = [
        "course.yml": """
            title: Test Course
            author: Ada
            lessons: [limits, gradient]

            """,
        "01-gradient.md": """
            ---
            title: The Gradient
            summary: All partials at once, *as* $\\nabla f$.
            prerequisites: [limits]
            ---

            ## Definition {#sec-grad}

            > [!definition] Gradient {#def-grad}
            > $\\nabla f = (f_x, f_y)$.

            > [!theorem] Steepest {#thm-steep}
            > The gradient points uphill; compare @thm-squeeze and @eq-limit.

            > [!proof]
            > By @def-grad.

            $$
            \\nabla f \\cdot u
            $$ {#eq-dir}

            See @eq-dir, @sec-grad and @thm-steep.

            """,
        "02-limits.md": """
            ---
            title: Limits
            summary: Approaching a point.
            ---

            ## Paths {#sec-paths}

            > [!theorem] Squeeze {#thm-squeeze}
            > If $g \\le f \\le h$ then the limit is squeezed.

            $$\\lim_{x \\to a} f(x) = L$$ {#eq-limit}

            Read on in @sec-grad and @sec-paths.

            """,
    ]
}
