import MarkdownSyntax

/// The render step: every page of the site as HTML text, from the numbered lessons.
struct SiteRenderer: Sendable {
    let config: CourseConfig
    let lessons: [Lesson]
    let numbering: CourseNumbering
    let templates: SiteTemplates
    /// Per lesson (course order), its evaluated calc blocks; empty renders them as code.
    var calc: [CalcLessonEvaluation] = []

    /// A page: its file name inside `site/` and its HTML.
    struct Page: Sendable {
        var fileName: String
        var html: String
        /// Taken from the previous output as it is (`html` is empty).
        var kept = false
    }

    /// Per lesson (course order), whether its page is taken from the previous output.
    var keep: [Bool] = []

    var site: SiteModel {
        SiteModel(courseTitle: config.title, author: config.author, language: config.language)
    }

    func link(_ lesson: Lesson) -> LessonLinkModel {
        LessonLinkModel(number: lesson.number, title: lesson.metadata.title, href: lesson.slug.rawValue + ".html")
    }

    /// Prerequisite links, skipping unknown slugs (reported in the parse step).
    func prerequisites(of lesson: Lesson, bySlug: [String: Lesson]) -> [LessonLinkModel] {
        var links = lesson.metadata.prerequisites.compactMap { bySlug[$0.slug].map(link) }
        if !links.isEmpty { links[links.count - 1].isLast = true }
        return links
    }

    /// Each lesson's summary as HTML, in course order.
    func summaries() -> [String?] {
        lessons.parallelMap { lesson in
            lesson.metadata.summary.map { SummaryText.html($0, labels: numbering.labels, allowHTML: config.allowHTML) }
        }
    }

    /// Every page, each handed to `sink` (which writes it) as soon as it is rendered, on the
    /// core that rendered it; the pages come back without their HTML, so a large site is
    /// never held in memory whole.
    func renderAll(sink: @Sendable (Page) throws -> Void) throws -> [Page] {
        let bySlug = Dictionary(lessons.map { ($0.slug.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
        let summaries = summaries()
        let index = IndexPageModel(site: site, lessons: lessons.indices.map { position in
            let lesson = lessons[position]
            return LessonEntryModel(number: lesson.number, title: lesson.metadata.title,
                                    href: lesson.slug.rawValue + ".html", summaryHTML: summaries[position],
                                    prerequisites: prerequisites(of: lesson, bySlug: bySlug))
        })
        let navigation = Navigation(renderer: self)
        // The index is item 0, so it renders on one core while the other starts on the lessons.
        let pages = try Array(-1..<lessons.count).parallelMap { position -> Page in
            var page: Page
            if position < 0 {
                page = Page(fileName: "index.html", html: templates.render(index, with: "index"))
            } else if position < keep.count, keep[position] {
                page = Page(fileName: lessons[position].slug.rawValue + ".html", html: "", kept: true)
            } else {
                page = renderLesson(at: position, navigation: navigation.html(current: position), bySlug: bySlug,
                                    summaryHTML: summaries[position])
            }
            try sink(page)
            page.html = ""
            return page
        }
        return pages
    }

    func renderLesson(at position: Int, navigation: String, bySlug: [String: Lesson], summaryHTML: String? = nil) -> Page {
        let lesson = lessons[position]
        let anchors = HeadingAnchors(blocks: lesson.document.blocks)
        var extensions = LessonHTMLExtensions(
            lesson: lesson.slug, numbers: numbering.lessons[position], labels: numbering.labels,
            headingIDs: anchors.ids, templates: templates)
        if position < calc.count { extensions.calc = calc[position] }
        let renderer = HTMLRenderer(allowRawHTML: config.allowHTML)
        var body = renderer.render(lesson.document.blocks, extensions: extensions)
        body += CalcHTMLRenderer.exerciseList(extensions.calc, numbers: numbering.lessons[position])

        var contentsExtensions = extensions
        contentsExtensions.linkReferences = false
        let contents = anchors.headings.filter { $0.level == 2 || $0.level == 3 }.map { heading in
            ContentsEntryModel(level: heading.level, id: heading.id,
                               number: numbering.lessons[position].sections[heading.start],
                               titleHTML: renderer.renderInlines(heading.content, extensions: contentsExtensions))
        }
        let model = LessonPageModel(
            site: site, lessonNumber: lesson.number, title: lesson.metadata.title,
            summaryHTML: summaryHTML, prerequisites: prerequisites(of: lesson, bySlug: bySlug),
            contents: contents, bodyHTML: body,
            previous: position > 0 ? link(lessons[position - 1]) : nil,
            next: position + 1 < lessons.count ? link(lessons[position + 1]) : nil,
            courseNavigationHTML: navigation)
        return Page(fileName: lesson.slug.rawValue + ".html", html: templates.render(model, with: "lesson"))
    }

    /// The list of all lessons: every item rendered once in each state (current or not),
    /// so a page only joins strings instead of rendering the whole list again.
    struct Navigation: Sendable {
        let current: [String]
        /// Every item in its plain state, joined once; `offsets[i]` is where item `i`
        /// starts in its UTF-8 (and `offsets[count]` its end), so a page's list is the text
        /// before its item, its current item, and the text after it.
        let joined: String
        let offsets: [Int]
        let renderer: SiteRenderer

        init(renderer: SiteRenderer) {
            self.renderer = renderer
            @Sendable func item(_ lesson: Lesson, _ isCurrent: Bool) -> String {
                renderer.templates.render(NavigationItemModel(number: lesson.number, title: lesson.metadata.title,
                                                              href: lesson.slug.rawValue + ".html", isCurrent: isCurrent),
                                          with: "course-nav-item").ensuringFinalNewline()
            }
            let both = renderer.lessons.parallelMap { lesson in (item(lesson, false), item(lesson, true)) }
            current = both.map(\.1)
            joined = both.map(\.0).joined()
            var offsets = [0]
            for (item, _) in both { offsets.append(offsets[offsets.count - 1] + item.utf8.count) }
            self.offsets = offsets
        }

        func html(current position: Int) -> String {
            var items = ""
            if current.indices.contains(position) {
                let utf8 = joined.utf8
                let start = utf8.index(utf8.startIndex, offsetBy: offsets[position])
                let end = utf8.index(utf8.startIndex, offsetBy: offsets[position + 1])
                items.reserveCapacity(utf8.count - offsets[position + 1] + offsets[position] + current[position].utf8.count)
                items += Substring(joined[..<start])
                items += current[position]
                items += Substring(joined[end...])
            } else {
                items = joined
            }
            return renderer.templates.render(NavigationModel(site: renderer.site, itemsHTML: items), with: "course-nav")
        }
    }
}
