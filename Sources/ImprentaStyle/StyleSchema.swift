import ImprentaModel

/// The one table of every style key: its section, its type and the property it sets.
///
/// Adding a key means one line here, a property with a default in `Style`, and a line in
/// `styles/README.md`. Keys are `section.key` in snake_case; `heading.*` sets all six levels and
/// `h1.*`…`h6.*` override one.
enum StyleSchema {
  /// How a key's value is read and where it goes.
  enum Property {
    case length(WritableKeyPath<Style, Length>)
    case color(WritableKeyPath<Style, Color>)
    case fonts(WritableKeyPath<Style, [String]>)
    case strings(WritableKeyPath<Style, [String]>)
    case number(WritableKeyPath<Style, Double>, ClosedRange<Double>)
    case integer(WritableKeyPath<Style, Int>, ClosedRange<Int>)
    case bool(WritableKeyPath<Style, Bool>)
    case choice(WritableKeyPath<Style, String>, [String])
    case align(WritableKeyPath<Style, TextAlignment>)
    case text(WritableKeyPath<Style, String>)
    /// `page.size`: a named size or `WIDTH x HEIGHT`.
    case pageSize
    /// `page.margin`: one length, or `top right bottom left` as in CSS.
    case margins
  }

  /// Named page sizes, portrait, in millimetres.
  static let pageSizes: [String: (Double, Double)] = [
    "a3": (297, 420), "a4": (210, 297), "a5": (148, 210), "a6": (105, 148),
    "b5": (176, 250), "letter": (215.9, 279.4), "legal": (215.9, 355.6), "half-letter": (139.7, 215.9),
  ]

  static let weights = FontStyle.weights
  static let slants = FontStyle.slants

  /// Keys of one font look, under `prefix` (`font_family`, `font_size`, …).
  static func font(_ path: WritableKeyPath<Style, FontStyle>, prefix: String = "") -> [String: Property] {
    [
      prefix + "font_family": .fonts(path.appending(path: \.family)),
      prefix + "font_size": .length(path.appending(path: \.size)),
      prefix + "font_weight": .choice(path.appending(path: \.weight), weights),
      prefix + "font_style": .choice(path.appending(path: \.slant), slants),
      prefix + "color": .color(path.appending(path: \.color)),
    ]
  }

  /// Keys of one heading level.
  static func heading(_ i: Int) -> [String: Property] {
    let h: WritableKeyPath<Style, HeadingStyle> = \Style.headings[i]
    return font(h.appending(path: \.font)).merging([
      "space_before": .length(h.appending(path: \.spaceBefore)),
      "space_after": .length(h.appending(path: \.spaceAfter)),
      "align": .align(h.appending(path: \.align)),
      "line_height": .number(h.appending(path: \.lineHeight), 0.5...4),
    ]) { a, _ in a }
  }

  static func running(_ path: WritableKeyPath<Style, RunningStyle>) -> [String: Property] {
    [
      "content": .choice(path.appending(path: \.content), ["none", "title", "section", "page", "title-page"]),
      "align": .align(path.appending(path: \.align)),
      "font_size": .length(path.appending(path: \.fontSize)),
      "color": .color(path.appending(path: \.color)),
    ]
  }

  /// Every section and its keys (`heading` and `h1`…`h6` are handled by the loader).
  // Built once and never mutated; key paths are not Sendable, hence the unsafe marker.
  nonisolated(unsafe) static let sections: [String: [String: Property]] = {
    var s: [String: [String: Property]] = [
      "page": [
        "size": .pageSize, "margin": .margins,
        "width": .length(\.page.width), "height": .length(\.page.height),
        "margin_top": .length(\.page.marginTop), "margin_bottom": .length(\.page.marginBottom),
        "margin_inner": .length(\.page.marginInner), "margin_outer": .length(\.page.marginOuter),
        "orphans": .integer(\.page.orphans, 1...10), "widows": .integer(\.page.widows, 1...10),
        "columns": .integer(\.page.columns, 1...4), "column_gap": .length(\.page.columnGap),
      ],
      "print": [
        "bleed": .length(\.print.bleed), "crop_marks": .bool(\.print.cropMarks),
        "registration_marks": .bool(\.print.registrationMarks), "mark_area": .length(\.print.markArea),
        "impose": .choice(\.print.impose, ["none", "booklet", "2up"]),
        "min_image_ppi": .number(\.print.minImagePPI, 1...2400), "safety_margin": .length(\.print.safetyMargin),
        "standard": .choice(\.print.standard, ["none", "pdf/x-4"]), "output_profile": .text(\.print.outputProfile),
        "writer": .choice(\.print.writer, ["auto", "native", "cairo"]),
      ],
      "cover": [
        "front": .bool(\.cover.front), "image": .text(\.cover.image), "background": .color(\.cover.background),
        "color": .color(\.cover.color), "organization": .text(\.cover.organization), "inside": .text(\.cover.inside),
        "back": .bool(\.cover.back), "back_text": .text(\.cover.backText), "back_image": .text(\.cover.backImage),
      ],
      "base": font(\.base.font).merging([
        "line_height": .number(\.base.lineHeight, 0.8...4),
        "align": .align(\.base.align),
        "hyphenate": .bool(\.base.hyphenate),
        "language": .text(\.base.language),
      ]) { a, _ in a },
      "paragraph": [
        "space_after": .length(\.paragraph.spaceAfter),
        "first_line_indent": .length(\.paragraph.firstLineIndent),
        "protrusion": .number(\.paragraph.protrusion, 0...1),
        "consecutive_hyphens": .integer(\.paragraph.consecutiveHyphens, 0...20),
      ],
      "link": ["color": .color(\.link.color), "underline": .bool(\.link.underline)],
      "code": font(\.code.font).merging([
        "background": .color(\.code.background), "padding": .length(\.code.padding),
        "wrap_mark": .text(\.code.wrapMark),
      ]) { a, _ in a },
      "blockquote": [
        "color": .color(\.blockquote.color), "border_color": .color(\.blockquote.borderColor),
        "border_width": .length(\.blockquote.borderWidth), "indent": .length(\.blockquote.indent),
        "font_style": .choice(\.blockquote.slant, slants),
      ],
      "admonition": [
        "border_width": .length(\.admonition.borderWidth), "padding": .length(\.admonition.padding),
        "note_color": .color(\.admonition.noteColor), "note_background": .color(\.admonition.noteBackground),
        "tip_color": .color(\.admonition.tipColor), "tip_background": .color(\.admonition.tipBackground),
        "warning_color": .color(\.admonition.warningColor), "warning_background": .color(\.admonition.warningBackground),
        "danger_color": .color(\.admonition.dangerColor), "danger_background": .color(\.admonition.dangerBackground),
      ],
      "list": [
        "indent": .length(\.list.indent), "bullets": .strings(\.list.bullets),
        "item_spacing": .length(\.list.itemSpacing),
      ],
      "table": [
        "font_size": .length(\.table.fontSize), "header_background": .color(\.table.headerBackground),
        "stripe_background": .color(\.table.stripeBackground), "rule_color": .color(\.table.ruleColor),
        "rule_width": .length(\.table.ruleWidth), "cell_padding": .length(\.table.cellPadding),
      ],
      "figure": [
        "caption_font_size": .length(\.figure.captionSize), "caption_color": .color(\.figure.captionColor),
        "caption_align": .align(\.figure.captionAlign), "max_height": .number(\.figure.maxHeight, 0.1...1),
        "full_width": .bool(\.figure.fullWidth), "float": .bool(\.figure.float),
      ],
      "footnote": ["font_size": .length(\.footnote.fontSize), "rule_color": .color(\.footnote.ruleColor)],
      "title": font(\.title.font).merging(font(\.title.subtitleFont, prefix: "subtitle_")) { a, _ in a }.merging([
        "align": .align(\.title.align), "space_after": .length(\.title.spaceAfter),
      ]) { a, _ in a },
      "header": running(\.header),
      "footer": running(\.footer),
      "toc": ["enabled": .bool(\.toc.enabled), "depth": .integer(\.toc.depth, 1...6)],
      "accessibility": ["alt_from": .choice(\.accessibility.altFrom, AltTextSource.allCases.map(\.rawValue))],
      "book": ["chapter_start": .choice(\.book.chapterStart, ["right", "page", "none"]), "contents": .bool(\.book.contents)],
      "text": [
        "columns": .integer(\.text.columns, 20...1000), "underlines": .strings(\.text.underlines),
        "bullets": .strings(\.text.bullets), "indent": .integer(\.text.indent, 1...16),
      ],
    ]
    for i in 0..<6 { s["h\(i + 1)"] = heading(i) }
    return s
  }()
}
