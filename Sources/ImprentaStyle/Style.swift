import ImprentaModel

/// Horizontal alignment of text.
public enum TextAlignment: String, Sendable, Hashable, CaseIterable {
  /// Ragged right.
  case left
  /// Centred.
  case center
  /// Ragged left.
  case right
  /// Both edges straight, last line ragged.
  case justify
}

/// A font look: families in order of preference, size, weight, slant, colour.
public struct FontStyle: Sendable, Hashable {
  /// Families, first installed one wins (fontconfig fills the rest).
  public var family: [String]
  /// The size.
  public var size: Length
  /// `normal` or `bold` (or a number 100…900).
  public var weight: String
  /// `normal` or `italic`.
  public var slant: String
  /// The text colour.
  public var color: Color

  /// The weights a style may set.
  public static let weights = ["normal", "bold", "100", "200", "300", "400", "500", "600", "700", "800", "900"]
  /// The slants a style may set.
  public static let slants = ["normal", "italic"]

  /// Whether `name` is a font family name a style may give: letters, digits, spaces and `-`, `_`,
  /// `.`, `'`, `+`, at most 100 characters. Family names hold nothing else; this keeps quotes,
  /// semicolons, braces, `url(` and line breaks out of every CSS and PDF font request.
  public static func isValidFamily(_ name: String) -> Bool {
    !name.isEmpty && name.count <= 100 && name.allSatisfy { c in c.isLetter || c.isNumber || " -_.'+".contains(c) }
  }

  /// Creates a font look.
  public init(family: [String], size: Length, weight: String = "normal", slant: String = "normal", color: Color = .black) {
    self.family = family
    self.size = size
    self.weight = weight
    self.slant = slant
    self.color = color
  }
}

/// Every typed setting of a style. `Style()` is the built-in default (the same values as `styles/default.yaml`).
public struct Style: Sendable, Hashable {
  /// The style's name (its file name without extension, or `default`).
  public var name: String = "default"
  /// Where the settings came from (every file of its `extends` chain, with its text): what build
  /// keys hash. Not a setting: two styles with the same settings are equal whatever their origin.
  public var origin = StyleOrigin()
  /// Page geometry.
  public var page = PageStyle()
  /// Body text.
  public var base = BaseStyle()
  /// Headings, index 0 is level 1.
  public var headings: [HeadingStyle] = HeadingStyle.defaults
  /// Paragraph spacing.
  public var paragraph = ParagraphStyle()
  /// Links.
  public var link = LinkStyle()
  /// Code, inline and in blocks.
  public var code = CodeStyle()
  /// Block quotes.
  public var blockquote = BlockQuoteStyle()
  /// Admonitions: titled boxes (a note, a warning).
  public var admonition = AdmonitionStyle()
  /// Lists.
  public var list = ListStyle()
  /// Tables.
  public var table = TableStyle()
  /// Figures and captions.
  public var figure = FigureStyle()
  /// Footnotes.
  public var footnote = FootnoteStyle()
  /// The title block at the start of a document.
  public var title = TitleStyle()
  /// Running header.
  public var header = RunningStyle(content: "title", align: .right)
  /// Running footer.
  public var footer = RunningStyle(content: "page", align: .center)
  /// Table of contents.
  public var toc = TOCStyle()
  /// Plain-text output.
  public var text = PlainTextStyle()
  /// Print production: bleed, marks, imposition, preflight.
  public var print = PrintStyle()
  /// Front, inside and back covers.
  public var cover = CoverStyle()
  /// Books: chapter openings and the printed contents.
  public var book = BookStyle()
  /// Accessibility opt-ins (alternative text from captions or file names).
  public var accessibility = AccessibilityStyle()

  /// The built-in default style.
  public init() {}

  /// The heading style of a level (1…6; out-of-range levels are clamped).
  public func heading(_ level: Int) -> HeadingStyle {
    headings[min(max(level, 1), 6) - 1]
  }
}

/// Page size and margins.
public struct PageStyle: Sendable, Hashable {
  /// Page width.
  public var width: Length = .mm(210)
  /// Page height.
  public var height: Length = .mm(297)
  /// Top margin.
  public var marginTop: Length = .mm(25)
  /// Bottom margin.
  public var marginBottom: Length = .mm(25)
  /// Inner (left on right-hand pages) margin.
  public var marginInner: Length = .mm(25)
  /// Outer margin.
  public var marginOuter: Length = .mm(25)
  /// Least lines of a paragraph left at a page's foot.
  public var orphans: Int = 2
  /// Least lines of a paragraph carried to a page's head.
  public var widows: Int = 2
  /// Text columns (1 for a single column).
  public var columns: Int = 1
  /// Space between columns.
  public var columnGap: Length = .mm(6)
}

/// The body text look.
public struct BaseStyle: Sendable, Hashable {
  /// Font families, size and colour of body text.
  public var font = FontStyle(family: ["Noto Serif", "DejaVu Serif"], size: .pt(10.5), color: Color(hex: 0x1a1a1a))
  /// Line height as a multiple of the font size.
  public var lineHeight: Double = 1.4
  /// Body text alignment.
  public var align: TextAlignment = .justify
  /// Whether body text is hyphenated.
  public var hyphenate: Bool = true
  /// The language of documents that do not say theirs.
  public var language: String = "es"
}

/// One heading level's look.
public struct HeadingStyle: Sendable, Hashable {
  /// Font of the heading.
  public var font: FontStyle
  /// Space above.
  public var spaceBefore: Length
  /// Space below.
  public var spaceAfter: Length
  /// Alignment.
  public var align: TextAlignment = .left
  /// Line height as a multiple of the font size.
  public var lineHeight: Double = 1.2

  static let sans = ["Noto Sans", "DejaVu Sans"]
  static let ink = Color(hex: 0x1a4d7a)
  /// The six default levels.
  public static let defaults: [HeadingStyle] = [
    HeadingStyle(font: FontStyle(family: sans, size: .pt(20), weight: "bold", color: ink), spaceBefore: .pt(18), spaceAfter: .pt(8)),
    HeadingStyle(font: FontStyle(family: sans, size: .pt(15), weight: "bold", color: ink), spaceBefore: .pt(16), spaceAfter: .pt(6)),
    HeadingStyle(font: FontStyle(family: sans, size: .pt(12.5), weight: "bold", color: ink), spaceBefore: .pt(12), spaceAfter: .pt(4)),
    HeadingStyle(font: FontStyle(family: sans, size: .pt(11), weight: "bold", color: Color(hex: 0x1a1a1a)), spaceBefore: .pt(10), spaceAfter: .pt(4)),
    HeadingStyle(font: FontStyle(family: sans, size: .pt(10.5), weight: "bold", slant: "italic", color: Color(hex: 0x1a1a1a)), spaceBefore: .pt(8), spaceAfter: .pt(3)),
    HeadingStyle(font: FontStyle(family: sans, size: .pt(10.5), weight: "normal", slant: "italic", color: Color(hex: 0x444444)), spaceBefore: .pt(8), spaceAfter: .pt(3)),
  ]
}

/// Paragraph spacing.
public struct ParagraphStyle: Sendable, Hashable {
  /// Space below a paragraph.
  public var spaceAfter: Length = .pt(6)
  /// Indent of a paragraph's first line.
  public var firstLineIndent: Length = .pt(0)
  /// Optical margin alignment of justified text: the fraction of a line-final hyphen's, period's,
  /// comma's or quote's width that hangs into the margin, on every line (0: none).
  public var protrusion = 0.5
  /// At most this many lines in a row end with a hyphen (0: no limit).
  public var consecutiveHyphens = 2
}

/// Links.
public struct LinkStyle: Sendable, Hashable {
  /// Link text colour.
  public var color = Color(hex: 0x1a5fa8)
  /// Whether link text is underlined.
  public var underline = false
}

/// Code.
public struct CodeStyle: Sendable, Hashable {
  /// Monospace font (Noto Sans Mono is not in fonts-noto-core: DejaVu Sans Mono is installed).
  public var font = FontStyle(family: ["DejaVu Sans Mono", "Liberation Mono"], size: .em(0.88), color: Color(hex: 0x222222))
  /// Background of code blocks and inline code.
  public var background = Color(hex: 0xf3f4f6)
  /// Padding inside code blocks.
  public var padding: Length = .pt(6)
  /// The mark at the end of a code line that had to wrap (empty for none).
  public var wrapMark = "↩"
}

/// Block quotes.
public struct BlockQuoteStyle: Sendable, Hashable {
  /// Text colour.
  public var color = Color(hex: 0x444444)
  /// The rule at the left.
  public var borderColor = Color(hex: 0x9db4cc)
  /// Width of the rule.
  public var borderWidth: Length = .pt(2)
  /// Left indent of the quote's text.
  public var indent: Length = .pt(14)
  /// `normal` or `italic`.
  public var slant = "normal"
}

/// Admonitions (shortcodes mapped as `admonition`): a box with a rule at the left and a tinted
/// background, its title in bold; colours by the kind's family (note, tip, warning, danger).
public struct AdmonitionStyle: Sendable, Hashable {
  /// Width of the rule at the left.
  public var borderWidth: Length = .pt(3)
  /// Space between the rule and the text, and above and below it.
  public var padding: Length = .pt(6)
  /// Rule and title colour of notes (and kinds not listed).
  public var noteColor = Color(hex: 0x1a5fa8)
  /// Background of notes.
  public var noteBackground = Color(hex: 0xeef4fb)
  /// Rule and title colour of tips and hints.
  public var tipColor = Color(hex: 0x2e7d32)
  /// Background of tips.
  public var tipBackground = Color(hex: 0xeef7ef)
  /// Rule and title colour of warnings and cautions.
  public var warningColor = Color(hex: 0xa35c00)
  /// Background of warnings.
  public var warningBackground = Color(hex: 0xfdf4e3)
  /// Rule and title colour of dangers and errors.
  public var dangerColor = Color(hex: 0xb3261e)
  /// Background of dangers.
  public var dangerBackground = Color(hex: 0xfbecea)

  /// The rule colour and background of a kind's family.
  public func colors(_ family: Admonition.Family) -> (rule: Color, background: Color) {
    switch family {
    case .note: return (noteColor, noteBackground)
    case .tip: return (tipColor, tipBackground)
    case .warning: return (warningColor, warningBackground)
    case .danger: return (dangerColor, dangerBackground)
    }
  }
}

/// Lists.
public struct ListStyle: Sendable, Hashable {
  /// Indent per nesting level.
  public var indent: Length = .pt(18)
  /// Bullets by depth (cycled).
  public var bullets: [String] = ["•", "◦", "▪"]
  /// Space between items of loose lists.
  public var itemSpacing: Length = .pt(3)
}

/// Tables.
public struct TableStyle: Sendable, Hashable {
  /// Font size of cells.
  public var fontSize: Length = .em(0.92)
  /// Header row background.
  public var headerBackground = Color(hex: 0xe3ebf3)
  /// Background of every other body row.
  public var stripeBackground = Color(hex: 0xf7f9fb)
  /// Colour of rules.
  public var ruleColor = Color(hex: 0xb8c4d0)
  /// Width of rules.
  public var ruleWidth: Length = .pt(0.5)
  /// Padding inside cells.
  public var cellPadding: Length = .pt(4)
}

/// Figures.
public struct FigureStyle: Sendable, Hashable {
  /// Caption font size.
  public var captionSize: Length = .em(0.9)
  /// Caption colour.
  public var captionColor = Color(hex: 0x555555)
  /// Caption alignment.
  public var captionAlign: TextAlignment = .center
  /// Largest image height as a fraction of the text area's height.
  public var maxHeight: Double = 0.6
  /// Scale images up to the text width (else they are never enlarged past 96 dpi).
  public var fullWidth = false
  /// A figure that does not fit the room left waits for the next page or column while the text
  /// after it fills the gap (false: it stays in reading order, starting the next page or column
  /// when it does not fit). A figure's class `nofloat` or `float` overrides this.
  public var float = true
}

/// Footnotes.
public struct FootnoteStyle: Sendable, Hashable {
  /// Note text size.
  public var fontSize: Length = .em(0.85)
  /// Colour of the short rule above the notes at a page's foot.
  public var ruleColor = Color(hex: 0x999999)
}

/// The title block.
public struct TitleStyle: Sendable, Hashable {
  /// Title font.
  public var font = FontStyle(family: HeadingStyle.sans, size: .pt(26), weight: "bold", color: HeadingStyle.ink)
  /// Subtitle font.
  public var subtitleFont = FontStyle(family: HeadingStyle.sans, size: .pt(14), color: Color(hex: 0x444444))
  /// Alignment of the block.
  public var align: TextAlignment = .left
  /// Space below the block.
  public var spaceAfter: Length = .pt(18)
}

/// A running header or footer.
public struct RunningStyle: Sendable, Hashable {
  /// What it shows: `none`, `title`, `section` or `page`.
  public var content: String
  /// Alignment.
  public var align: TextAlignment
  /// Font size.
  public var fontSize: Length = .pt(8.5)
  /// Colour.
  public var color = Color(hex: 0x666666)
}

/// The table of contents.
public struct TOCStyle: Sendable, Hashable {
  /// Whether documents get one.
  public var enabled = false
  /// Deepest heading level listed.
  public var depth = 3
}

/// Plain-text output.
public struct PlainTextStyle: Sendable, Hashable {
  /// Line width in columns.
  public var columns = 72
  /// The character that underlines the title, then each heading level (the last repeats).
  public var underlines: [String] = ["=", "=", "-", "~"]
  /// Bullets by depth (cycled).
  public var bullets: [String] = ["*", "-", "+"]
  /// Indent of nested content, in columns.
  public var indent = 4
}

/// The files a style was read from, with their text, in `extends` order ("built-in" for the
/// default). Always equal to any other origin, so it never makes two styles differ.
public struct StyleOrigin: Sendable, Hashable {
  /// Each file's path and text, one after the other.
  public var text = "built-in"

  /// An origin.
  public init(text: String = "built-in") {
    self.text = text
  }

  public static func == (a: StyleOrigin, b: StyleOrigin) -> Bool { true }
  public func hash(into hasher: inout Hasher) {}
}
