import MarkdownSyntax
import Mustache

// The view models handed to the templates. Swift decides every value; the templates only
// place them. Each model answers the names its templates use through `MustacheParent`,
// which is both explicit (the names are listed here) and faster than reflection.
//
// Text from the course (titles, the author) also comes escaped as `...HTML`, for triple
// braces: `{{{titleHTML}}}` gives the same bytes as `{{title}}`, whose escaping Mustache
// does a character at a time (a large share of a build once). Links (`href`), ids,
// numbers, levels and kinds are made of ASCII letters, digits, `-`, `_` and `.` only, so
// the default templates place them with triple braces too.

/// A link to a lesson: in lists of lessons, prerequisites and the pager.
public struct LessonLinkModel: Sendable, MustacheParent {
    public var number: Int
    public var title: String
    public var href: String
    public var isLast: Bool = false

    public func child(named name: String) -> Any? {
        switch name {
        case "number": TemplateNumber(number)
        case "title": TemplateText(title)
        case "titleHTML": TemplateText(HTMLEscaping.templateText(title))
        case "href": TemplateText(href)
        case "isLast": isLast
        default: nil
        }
    }
}

/// One lesson on the index page.
public struct LessonEntryModel: Sendable, MustacheParent {
    public var number: Int
    public var title: String
    public var href: String
    /// The summary rendered as inline Markdown (math included).
    public var summaryHTML: String?
    public var prerequisites: [LessonLinkModel]

    public func child(named name: String) -> Any? {
        switch name {
        case "number": TemplateNumber(number)
        case "title": TemplateText(title)
        case "titleHTML": TemplateText(HTMLEscaping.templateText(title))
        case "href": TemplateText(href)
        case "summaryHTML": summaryHTML.templateText
        case "hasSummary": summaryHTML != nil
        case "prerequisites": prerequisites
        case "hasPrerequisites": !prerequisites.isEmpty
        default: nil
        }
    }
}

/// What every page shows: the course, and where the page's title goes.
public struct SiteModel: Sendable {
    public var courseTitle: String
    public var author: String?
    public var language: String

    func child(named name: String) -> Any? {
        switch name {
        case "courseTitle": TemplateText(courseTitle)
        case "courseTitleHTML": TemplateText(HTMLEscaping.templateText(courseTitle))
        case "author": author.templateText
        case "authorHTML": author.map { TemplateText(HTMLEscaping.templateText($0)) }
        case "hasAuthor": author != nil
        case "language": TemplateText(language)
        case "languageHTML": TemplateText(HTMLEscaping.templateText(language))
        default: nil
        }
    }
}

/// index.mustache.
public struct IndexPageModel: Sendable, MustacheParent {
    public var site: SiteModel
    public var lessons: [LessonEntryModel]

    public func child(named name: String) -> Any? {
        switch name {
        case "pageTitle": TemplateText(site.courseTitle)
        case "pageTitleHTML": TemplateText(HTMLEscaping.templateText(site.courseTitle))
        case "lessons": lessons
        default: site.child(named: name)
        }
    }
}

/// course-nav-item.mustache: one lesson in the list of all lessons.
public struct NavigationItemModel: Sendable, MustacheParent {
    public var number: Int
    public var title: String
    public var href: String
    /// True on the lesson's own page (the template marks it `aria-current`).
    public var isCurrent: Bool

    public func child(named name: String) -> Any? {
        switch name {
        case "number": TemplateNumber(number)
        case "title": TemplateText(title)
        case "titleHTML": TemplateText(HTMLEscaping.templateText(title))
        case "href": TemplateText(href)
        case "isCurrent": isCurrent
        default: nil
        }
    }
}

/// course-nav.mustache: the list of all lessons, its items already rendered.
public struct NavigationModel: Sendable, MustacheParent {
    public var site: SiteModel
    public var itemsHTML: String

    public func child(named name: String) -> Any? {
        switch name {
        case "items": TemplateText(itemsHTML)
        default: site.child(named: name)
        }
    }
}

/// One entry of a lesson's table of contents.
public struct ContentsEntryModel: Sendable, MustacheParent {
    public var level: Int
    public var id: String
    public var number: String?
    /// The heading's inline HTML (math included).
    public var titleHTML: String

    public func child(named name: String) -> Any? {
        switch name {
        case "level": TemplateNumber(level)
        case "id": TemplateText(id)
        case "number": number.templateText
        case "hasNumber": number != nil
        case "titleHTML": TemplateText(titleHTML)
        default: nil
        }
    }
}

/// lesson.mustache.
public struct LessonPageModel: Sendable, MustacheParent {
    public var site: SiteModel
    public var lessonNumber: Int
    public var title: String
    /// The summary rendered as inline Markdown (math included).
    public var summaryHTML: String?
    public var prerequisites: [LessonLinkModel]
    public var contents: [ContentsEntryModel]
    public var bodyHTML: String
    public var previous: LessonLinkModel?
    public var next: LessonLinkModel?
    /// The list of all lessons (course-nav.mustache), this lesson marked current.
    public var courseNavigationHTML: String

    public func child(named name: String) -> Any? {
        switch name {
        case "pageTitle": TemplateText("\(title) · \(site.courseTitle)")
        case "pageTitleHTML": TemplateText(HTMLEscaping.templateText("\(title) · \(site.courseTitle)"))
        case "lessonNumber": TemplateNumber(lessonNumber)
        case "title": TemplateText(title)
        case "titleHTML": TemplateText(HTMLEscaping.templateText(title))
        case "summaryHTML": summaryHTML.templateText
        case "hasSummary": summaryHTML != nil
        case "prerequisites": prerequisites
        case "hasPrerequisites": !prerequisites.isEmpty
        case "contents": contents
        case "hasContents": !contents.isEmpty
        case "body": TemplateText(bodyHTML)
        case "previous": previous
        case "next": next
        case "courseNavigation": TemplateText(courseNavigationHTML)
        default: site.child(named: name)
        }
    }
}

/// callout.mustache: one numbered or unnumbered environment.
public struct CalloutModel: Sendable, MustacheParent {
    /// The callout kind as written (`theorem`), used in the CSS class.
    public var kind: String
    /// "Theorem", "Proof".
    public var kindName: String
    public var number: String?
    public var id: String?
    public var titleHTML: String?
    public var bodyHTML: String

    public func child(named name: String) -> Any? {
        switch name {
        case "kind": TemplateText(kind)
        case "kindName": TemplateText(kindName)
        case "number": number.templateText
        case "hasNumber": number != nil
        case "id": id.templateText
        case "hasId": id != nil
        case "titleHTML": titleHTML.templateText
        case "hasTitle": titleHTML != nil
        case "isProof": kind == "proof"
        case "bodyHTML": TemplateText(bodyHTML)
        default: nil
        }
    }
}

/// equation.mustache: a display equation, numbered when labelled.
public struct EquationModel: Sendable, MustacheParent {
    /// Exactly the TeX between the `$$` delimiters; the template escapes it.
    public var tex: String
    public var id: String?
    public var number: String?

    public func child(named name: String) -> Any? {
        switch name {
        // The TeX escaped for HTML, for `{{{texHTML}}}`: the same text as `{{tex}}`,
        // escaped by the renderer's escaper, which is much faster than the template's.
        case "texHTML": TemplateText(HTMLEscaping.text(tex))
        case "tex": TemplateText(tex)
        case "id": id.templateText
        case "hasId": id != nil
        case "number": number.templateText
        case "hasNumber": number != nil
        default: nil
        }
    }
}
