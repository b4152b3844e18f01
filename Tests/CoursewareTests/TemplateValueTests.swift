import Mustache
import Testing
@testable import Courseware

/// `TemplateText` and `TemplateNumber` stand in for `String` and `Int` in the view models
/// because swift-mustache places them with fewer casts; a template must not be able to
/// tell them apart. Each template here is rendered once with the plain values and once
/// with the wrappers, and the two outputs must be the same.
@Suite struct TemplateValueTests {
    struct Model: MustacheParent {
        var values: [String: Any]
        func child(named name: String) -> Any? { values[name] }
    }

    static let texts = ["plain", "", "a < b & \"c\" 'd'", "Ünïcödé · ∇f", "two\nlines", "  spaced  "]
    static let numbers = [0, 1, -3, 42, 1_000_000]

    /// Every kind of tag a custom template may put a value in.
    static let templates = [
        "{{x}}", "{{{x}}}", "{{&x}}", "[{{#x}}<{{.}}>{{/x}}]", "[{{^x}}none{{/x}}]",
        "{{uppercased(x)}}", "{{lowercased(x)}}", "{{capitalized(x)}}", "{{reversed(x)}}",
        "{{#empty(x)}}empty{{/empty(x)}}{{^empty(x)}}full{{/empty(x)}}",
        "{{#x}}{{y}}{{/x}}", "{{#x}}{{x}}-{{y}}-{{.}}{{/x}}", "{{#x}}{{#y}}{{.}}{{x}}{{/y}}{{/x}}", "{{x.missing}}|", "{{=<% %>=}}<%x%> <%&x%>",
    ]
    static let numberTemplates = [
        "{{n}}", "{{{n}}}", "[{{#n}}<{{.}}>{{/n}}]", "[{{^n}}none{{/n}}]",
        "{{plusone(n)}}", "{{minusone(n)}}", "{{#even(n)}}even{{/even(n)}}{{#odd(n)}}odd{{/odd(n)}}",
        "{{#equalzero(n)}}zero{{/equalzero(n)}}",
    ]

    func render(_ template: String, _ values: [String: Any]) throws -> String {
        try MustacheTemplate(string: template).render(Model(values: values))
    }

    @Test(arguments: templates)
    func textRendersAsTheString(_ template: String) throws {
        for text in Self.texts {
            let plain = try render(template, ["x": text, "y": "why"])
            let wrapped = try render(template, ["x": TemplateText(text), "y": TemplateText("why")])
            #expect(wrapped == plain, "\(template) with \(text.debugDescription)")
        }
    }

    @Test(arguments: numberTemplates)
    func numberRendersAsTheInt(_ template: String) throws {
        for n in Self.numbers {
            let plain = try render(template, ["n": n])
            let wrapped = try render(template, ["n": TemplateNumber(n)])
            #expect(wrapped == plain, "\(template) with \(n)")
        }
    }

    /// An optional as the models return it (`String?` before, `TemplateText?` now).
    struct OptionalModel: MustacheParent {
        var text: String?
        var wrapped: Bool
        func child(named name: String) -> Any? {
            guard name == "x" else { return nil }
            if wrapped { return text.templateText }
            return text
        }
    }

    /// A missing optional stays missing: `{{^x}}` shows, `{{#x}}` does not, as with `String?`.
    @Test func optionalsRenderAsStringOptionals() throws {
        let template = try MustacheTemplate(string: "[{{#x}}some {{.}}{{/x}}{{^x}}none{{/x}}|{{x}}]")
        for text in [nil, "", "a<b"] as [String?] {
            let plain = template.render(OptionalModel(text: text, wrapped: false))
            let wrapped = template.render(OptionalModel(text: text, wrapped: true))
            #expect(wrapped == plain, "\(String(describing: text))")
        }
        #expect(template.render(OptionalModel(text: nil, wrapped: true)) == "[none|]")
    }

    /// The models answer with the wrappers (the reason they exist), and what they answer
    /// renders as before.
    @Test func modelsAnswerWithWrappers() throws {
        let link = LessonLinkModel(number: 3, title: "Tangent <planes>", href: "tangent-planes.html")
        #expect(link.child(named: "title") is TemplateText)
        #expect(link.child(named: "number") is TemplateNumber)
        let template = try MustacheTemplate(string: "{{number}}. {{title}} {{{titleHTML}}} {{{href}}}")
        #expect(template.render(link) == "3. Tangent &lt;planes&gt; Tangent &lt;planes&gt; tangent-planes.html")
    }
}
