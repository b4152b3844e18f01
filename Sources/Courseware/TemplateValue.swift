import Mustache

// What the view models hand to swift-mustache for a text or a number.
//
// swift-mustache places a value by trying casts in turn: a `MustacheCustomRenderable` is
// placed by its `renderText` at the first cast, where a plain `String` or `Int` fails
// that cast and the next one, then is printed by `String(describing:)` after one more
// cast (`AnyOptional`). Those failed casts and the printing were most of the cost of a
// tag. `TemplateText` and `TemplateNumber` give exactly the text the `String` or `Int`
// would give, in every kind of tag: `{{x}}` escapes `renderText` as it escapes the printed
// string; `{{#x}}` renders its section once with the value on the stack (`isNull` is
// false); `{{^x}}` renders nothing; and transforms (`{{uppercased(x)}}`,
// `{{plusone(n)}}`) are the ones of `String` and `Int`, forwarded. Both are also a
// `MustacheParent` without children: inside a section on a text (`{{#summary}}...`) every
// name is first looked up on the text, which for a plain `String` is a reflection
// (`Mirror`) that finds nothing; here it is one call that finds nothing.

/// A string placed by a template: the same output as the `String` itself.
struct TemplateText: MustacheCustomRenderable, MustacheTransformable, MustacheParent, Sendable {
    let renderText: String
    var isNull: Bool { false }

    init(_ text: String) { renderText = text }

    func transform(_ name: String) -> Any? { renderText.transform(name) }

    func child(named name: String) -> Any? { nil }
}

/// An integer placed by a template: the same output as the `Int` itself.
struct TemplateNumber: MustacheCustomRenderable, MustacheTransformable, MustacheParent, Sendable {
    let value: Int
    var renderText: String { String(value) }
    var isNull: Bool { false }

    init(_ value: Int) { self.value = value }

    func transform(_ name: String) -> Any? { value.transform(name) }

    func child(named name: String) -> Any? { nil }
}

extension Optional where Wrapped == String {
    /// The text for a template, nil staying nil (a missing value).
    var templateText: TemplateText? { map(TemplateText.init) }
}
