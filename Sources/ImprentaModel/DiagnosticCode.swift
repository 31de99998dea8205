// The one registry of diagnostic codes: every stage reports through it, each code has one
// default level, a one-line meaning and a fix hint. `imprenta.yaml`'s `diagnostics:` changes a
// code's level; the README's table of codes is this file's (a test holds them equal).

/// A stable diagnostic code.
public enum DiagnosticCode: String, CaseIterable, Sendable, Codable, Comparable, CustomStringConvertible {
  // Inputs, files and the trust boundary
  case missingInput = "missing-input"
  case missingFile = "missing-file"
  case unreadableFile = "unreadable-file"
  case unreadableInput = "unreadable-input"
  case notARegularFile = "not-a-regular-file"
  case outsideRoots = "outside-roots"
  case folderLoop = "folder-loop"
  case inputLink = "input-link"
  case invalidFileName = "invalid-file-name"
  case ambiguousPageName = "ambiguous-page-name"
  case emptyMatch = "empty-match"
  case budgetExceeded = "budget-exceeded"
  case noDocuments = "no-documents"
  // Outputs
  case unsafeOutputFolder = "unsafe-output-folder"
  case unsafeOutputPath = "unsafe-output-path"
  case outputFailed = "output-failed"
  case duplicateOutput = "duplicate-output"
  case staleOutput = "stale-output"
  case pruneRefused = "prune-refused"
  case invalidManifest = "invalid-manifest"
  case exportFailed = "export-failed"
  case pdfWriteFailed = "pdf-write-failed"
  case pdfLibraryMissing = "pdf-library-missing"
  case pdfRepaired = "pdf-repaired"
  case pdfWrittenByCairo = "pdf-written-by-cairo"
  case pdfuaNotClaimed = "pdfua-not-claimed"
  case zipFailed = "zip-failed"
  // Run settings
  case invalidSourceDateEpoch = "invalid-source-date-epoch"
  case invalidProject = "invalid-project"
  case invalidProjectFile = "invalid-project-file"
  // Page text and front matter
  case invalidUTF8 = "invalid-utf8"
  case invalidCharacter = "invalid-character"
  case invalidXMLCharacter = "invalid-xml-character"
  case invalidFrontMatter = "invalid-front-matter"
  case invalidFrontMatterValue = "invalid-front-matter-value"
  case frontMatterTooLarge = "front-matter-too-large"
  case frontMatterTooDeep = "front-matter-too-deep"
  case readFailed = "read-failed"
  case draftSkipped = "draft-skipped"
  case pageSkipped = "page-skipped"
  // Markdown and HTML
  case nestingTooDeep = "nesting-too-deep"
  case tooManyDelimiters = "too-many-delimiters"
  case tableTooLarge = "table-too-large"
  case unsafeHTML = "unsafe-html"
  case unsafeURL = "unsafe-url"
  case duplicateID = "duplicate-id"
  // Shortcodes
  case unknownShortcode = "unknown-shortcode"
  case unmatchedShortcode = "unmatched-shortcode"
  case invalidShortcode = "invalid-shortcode"
  case shortcodeArgument = "shortcode-argument"
  case invalidShortcodeMapping = "invalid-shortcode-mapping"
  case includeFailed = "include-failed"
  case missingParam = "missing-param"
  // Links
  case brokenAnchor = "broken-anchor"
  case brokenLink = "broken-link"
  case unresolvedLink = "unresolved-link"
  case missingLinkTarget = "missing-link-target"
  case linkToOtherOutput = "link-to-other-output"
  // Images and files pages refer to
  case missingImage = "missing-image"
  case refusedImage = "refused-image"
  case remoteImage = "remote-image"
  case missingAltText = "missing-alt-text"
  case missingCover = "missing-cover"
  case imageTooLarge = "image-too-large"
  case imageUnreadable = "image-unreadable"
  case imageUnsupported = "image-unsupported"
  case svgSanitized = "svg-sanitized"
  case imageOverBudget = "image-over-budget"
  case linkTooLong = "link-too-long"
  // Styles
  case styleNotFound = "style-not-found"
  case styleCycle = "style-cycle"
  case styleError = "style-error"
  case invalidStyle = "invalid-style"
  case invalidStyleValue = "invalid-style-value"
  case unknownStyleKey = "unknown-style-key"
  // Sites and books
  case notAHugoSite = "not-a-hugo-site"
  case siteError = "site-error"
  case invalidSiteSetting = "invalid-site-setting"
  case languageDetected = "language-detected"
  case invalidLanguageTag = "invalid-language-tag"
  case noBaseURL = "no-base-url"
  case emptyBook = "empty-book"
  // Typesetting and print
  case noHyphenation = "no-hyphenation"
  case fontNotInstalled = "font-not-installed"
  case missingGlyph = "missing-glyph"
  case preflightLowResolution = "preflight-low-resolution"
  case preflightFontNotEmbedded = "preflight-font-not-embedded"
  case preflightTrimArea = "preflight-trim-area"
  case preflightMissingBleed = "preflight-missing-bleed"
  case preflightInkCoverage = "preflight-ink-coverage"
  case pdfxNoProfile = "pdfx-no-profile"
  case pdfxProfileUnusable = "pdfx-profile-unusable"
  case pdfxIncomplete = "pdfx-incomplete"

  /// What the registry says of a code.
  public struct Entry: Sendable {
    /// The default level.
    public var severity: Diagnostic.Severity
    /// What it means, in one line.
    public var meaning: String
    /// How to fix it.
    public var hint: String
  }

  /// The default level.
  public var severity: Diagnostic.Severity { entry.severity }
  /// What it means, in one line.
  public var meaning: String { entry.meaning }
  /// How to fix it.
  public var hint: String { entry.hint }

  public static func < (a: DiagnosticCode, b: DiagnosticCode) -> Bool { a.rawValue < b.rawValue }

  /// The code as printed (`missing-image`).
  public var description: String { rawValue }

  // swiftlint:disable:next function_body_length cyclomatic_complexity
  /// The registry entry.
  public var entry: Entry {
    func e(_ s: Diagnostic.Severity, _ meaning: String, _ hint: String) -> Entry { Entry(severity: s, meaning: meaning, hint: hint) }
    switch self {
    case .missingInput: return e(.error, "an input named on the command line or in the project file does not exist", "check the path (it is relative to the current folder)")
    case .missingFile: return e(.error, "a file to read does not exist, or is a link that leads nowhere", "restore the file or the link's target")
    case .unreadableFile: return e(.error, "a file exists but cannot be read", "check its permissions")
    case .unreadableInput: return e(.error, "an input folder cannot be listed, or is not a file or folder", "check its permissions and type")
    case .notARegularFile: return e(.warning, "a device, FIFO or socket among the pages: never read", "remove it from the content folder")
    case .outsideRoots: return e(.warning, "a file or link leads outside the folders Imprenta may read: not read", "move the file into the content folder, static/ or assets/, or copy it instead of linking")
    case .folderLoop: return e(.warning, "a folder is reached a second time through a symbolic link: walked once", "remove the link (it loops or duplicates a folder)")
    case .inputLink: return e(.note, "an input is a symbolic link inside the project: followed", "nothing to do")
    case .invalidFileName: return e(.warning, "a file name is not UTF-8: skipped", "rename the file")
    case .ambiguousPageName: return e(.error, "two page names differ only in Unicode normalization: their outputs would collide", "rename one of the two pages")
    case .emptyMatch: return e(.warning, "a folder or pattern holds no Markdown page", "check the input, or remove it")
    case .budgetExceeded: return e(.error, "an input is past one of the budgets that keep builds bounded (the message names it)", "split or shrink the input; see the Security model's budgets")
    case .noDocuments: return e(.error, "nothing to export", "check the inputs")
    case .unsafeOutputFolder: return e(.error, "the output folder is empty, /, the content folder, holds it, or leaves the project", "choose an output folder of its own inside the project")
    case .unsafeOutputPath: return e(.error, "an output would be written through a link or outside the output folder", "remove the link from the output folder, or rename the page")
    case .outputFailed: return e(.error, "an output could not be written", "check free space and permissions of the output folder")
    case .duplicateOutput: return e(.error, "two pages or publications would write the same output", "rename one of them")
    case .staleOutput: return e(.warning, "an output of a page or publication that no longer exists", "run with --prune to remove it")
    case .pruneRefused: return e(.warning, "--prune would not remove an output that is not a regular file Imprenta wrote", "remove it by hand if it is yours")
    case .invalidManifest: return e(.warning, "the output folder's manifest is unreadable or has unsafe entries: they are ignored", "delete output/.imprenta-manifest.json; the next build rebuilds everything")
    case .exportFailed: return e(.error, "a backend could not write an output", "report it with the page that causes it")
    case .pdfWriteFailed: return e(.error, "the PDF could not be written", "report it with the page that causes it")
    case .pdfLibraryMissing: return e(.error, "a library the PDF backend needs (Cairo, Pango, librsvg, qpdf…) could not be loaded", "install the package the message names (scripts/setup installs them all)")
    case .pdfRepaired: return e(.warning, "qpdf had to repair the PDF Cairo wrote", "report it with the page that causes it")
    case .pdfWrittenByCairo: return e(.note, "the PDF was written through Cairo and qpdf: the native writer does not do what the document needs (COLR or SVG colour fonts, CFF2, a variable font instance)", "nothing to do (print.writer: cairo always uses Cairo)")
    case .pdfuaNotClaimed: return e(.warning, "the PDF does not claim PDF/UA-1: a figure (an image with a caption) has no alternative text", "write ![what it shows](file.png \"caption\")")
    case .zipFailed: return e(.error, "the EPUB's ZIP could not be written (too many files or bytes)", "split the book")
    case .invalidSourceDateEpoch: return e(.error, "SOURCE_DATE_EPOCH is not a whole number of seconds up to year 9999", "set it to the output of `date +%s` or unset it")
    case .invalidProject: return e(.error, "imprenta.yaml has an unknown key, a bad value or a path leaving the project", "fix the key at the position given")
    case .invalidProjectFile: return e(.warning, "the project file cannot be read for its shortcode mapping", "make it valid UTF-8 YAML")
    case .invalidUTF8: return e(.error, "a page or configuration file is not valid UTF-8", "re-save it as UTF-8")
    case .invalidCharacter: return e(.warning, "control characters in the text were replaced by U+FFFD", "remove them from the page")
    case .invalidXMLCharacter: return e(.warning, "a character XML forbids was replaced", "remove it from the page")
    case .invalidFrontMatter: return e(.error, "the front matter cannot be parsed", "fix the YAML, TOML or JSON at the position given")
    case .invalidFrontMatterValue: return e(.warning, "a front-matter value has the wrong type or form: ignored", "fix the value (a date, a list, a path)")
    case .frontMatterTooLarge: return e(.error, "front matter expands past the value budget (a YAML alias bomb)", "remove the aliases")
    case .frontMatterTooDeep: return e(.error, "front matter nests past the front-matter-depth budget", "flatten the values")
    case .readFailed: return e(.error, "a page could not be read", "report it with the page")
    case .draftSkipped: return e(.note, "a draft page was skipped", "use --drafts to export drafts")
    case .pageSkipped: return e(.note, "a page Hugo would not build was skipped (draft, future, expired, headless)", "use --drafts, --future or --expired")
    case .nestingTooDeep: return e(.warning, "Markdown, HTML or shortcodes nest too deep: the rest was flattened", "nest less")
    case .tooManyDelimiters: return e(.warning, "a block holds so many [ ] * _ ~ < that the rest were kept as text", "split the block")
    case .tableTooLarge: return e(.warning, "a table past the cell budget was kept as plain text", "split the table")
    case .unsafeHTML: return e(.warning, "raw HTML that could run code or fetch something was dropped", "remove the script, form, event attribute or declaration")
    case .unsafeURL: return e(.warning, "a link or image URL with a scheme never written (javascript:, data:, file:…): kept as text", "use an http(s), mailto or relative URL")
    case .duplicateID: return e(.warning, "two headings or elements share an id", "give one of them another {#id}")
    case .unknownShortcode: return e(.warning, "a shortcode Imprenta does not know: its content (or its URL) is kept", "paste the entry the warning suggests under 'shortcodes:' in imprenta.yaml")
    case .unmatchedShortcode: return e(.warning, "a shortcode is opened and never closed, or closed and never opened", "close it")
    case .invalidShortcode: return e(.warning, "a shortcode cannot be parsed", "fix its syntax")
    case .shortcodeArgument: return e(.warning, "a shortcode lacks an argument it needs, or has a bad one", "fix the argument")
    case .invalidShortcodeMapping: return e(.warning, "an entry of the 'shortcodes:' mapping is wrong: skipped", "fix the entry at the position given")
    case .includeFailed: return e(.warning, "a shortcode mapped as include names a file that is missing, refused, or includes itself: left out", "fix the path (relative to the content folder) or break the cycle")
    case .missingParam: return e(.warning, "a param shortcode names a parameter the page and site lack", "set the parameter")
    case .brokenAnchor: return e(.warning, "a link to #anchor names no heading of the page", "fix the anchor")
    case .brokenLink: return e(.warning, "a link to a page that does not exist", "fix the link")
    case .unresolvedLink: return e(.warning, "a ref or link to a site page that cannot be found", "fix the path")
    case .missingLinkTarget: return e(.warning, "a link to a page outside the export with no baseURL to reach it: kept as text", "set baseURL in the site configuration")
    case .linkToOtherOutput: return e(.warning, "a link to another page of the export cannot be followed from this page's own PDF or EPUB (that page has no web address): its text is kept", "set baseURL (hugo.toml or config/production/) to the site's absolute address, or build a book")
    case .missingImage: return e(.warning, "an image file does not exist: its alt text is shown instead", "add the file, or fix the path")
    case .refusedImage: return e(.warning, "an image path leads outside the content folder, or is remote: not read", "put the image in the content folder, static/ or assets/")
    case .remoteImage: return e(.warning, "a remote image is never loaded by an EPUB or XHTML: it becomes a link", "download the image into the site")
    case .missingAltText: return e(.warning, "an image has no alternative text: readers of the PDF and EPUB get none", "write ![what it shows](file.png), or lower this code's level in imprenta.yaml")
    case .missingCover: return e(.warning, "the cover image named in front matter cannot be used", "fix the cover path")
    case .imageTooLarge: return e(.warning, "an image is past the pixel or byte budgets: not drawn", "resize the image")
    case .imageUnreadable: return e(.warning, "an image cannot be decoded: not drawn", "re-save the image")
    case .imageUnsupported: return e(.warning, "an image format the output cannot use", "use PNG, JPEG, GIF, WebP or SVG")
    case .imageOverBudget: return e(.warning, "an image past the document-pixels, jpeg-scans or svg-bytes budget: not drawn", "use fewer or smaller images")
    case .linkTooLong: return e(.warning, "a link whose URL is past the link-url-bytes budget: kept as text", "shorten the URL")
    case .svgSanitized: return e(.warning, "active or remote content was removed from an SVG", "remove scripts, event attributes and remote references from the SVG")
    case .styleNotFound: return e(.error, "a style name or path that exists nowhere", "run `imprenta styles`, or fix the path")
    case .styleCycle: return e(.error, "a style extends itself", "break the extends chain")
    case .styleError: return e(.error, "a style could not be loaded", "fix the style file")
    case .invalidStyle: return e(.error, "a style file cannot be parsed", "fix the YAML at the position given")
    case .invalidStyleValue: return e(.warning, "a style value is not valid: the default is kept", "fix the value (see styles/README.md)")
    case .unknownStyleKey: return e(.warning, "a style key Imprenta does not know: ignored", "fix the key (see styles/README.md)")
    case .notAHugoSite: return e(.error, "the folder has no Hugo configuration", "name the content folder instead")
    case .siteError: return e(.error, "the site could not be read", "fix the configuration")
    case .invalidSiteSetting: return e(.warning, "a site setting Imprenta cannot use (a bad ignoreFiles pattern, an unknown environment)", "fix the setting in the site configuration")
    case .invalidLanguageTag: return e(.warning, "a language tag is not a well-formed BCP 47 tag: it is ignored (never written into an output)", "write a tag such as es, en-US or pt-BR")
    case .languageDetected: return e(.note, "the site does not say its language: it was detected from the pages' text", "set languageCode in the site configuration, or lang in the page's front matter")
    case .noBaseURL: return e(.warning, "a link to a page or file of the site that is not in the output, and the site has no absolute baseURL: the link is kept as text", "set baseURL (config/production/ or hugo.toml) to the site's address")
    case .emptyBook: return e(.error, "a book with no pages", "check the book's inputs or sections")
    case .noHyphenation: return e(.note, "no hyphenation patterns for a language: words are not hyphenated", "install Debian's hyphen-<lang> package")
    case .fontNotInstalled: return e(.warning, "a font family the style names is not installed: another is used", "install the font, or change the style")
    case .missingGlyph: return e(.warning, "no installed font has a character of the text: the PDF shows an empty box (tofu) for it", "install a font that covers the script (scripts/setup installs Noto, Noto CJK), or remove the character")
    case .preflightLowResolution: return e(.warning, "an image is under the style's minimum resolution at its printed size", "use a larger image")
    case .preflightFontNotEmbedded: return e(.warning, "a font is not embedded in the print PDF", "use a font whose license allows embedding")
    case .preflightTrimArea: return e(.warning, "text or an image runs into the trim area", "keep content inside the margins")
    case .preflightMissingBleed: return e(.warning, "a full-bleed element stops at the trim instead of the bleed", "extend it to the bleed")
    case .preflightInkCoverage: return e(.warning, "a colour or image asks for more than 300 % total ink (C+M+Y+K): the ink may not dry and may set off", "use lighter colours or an image converted for the print shop's profile")
    case .pdfxNoProfile: return e(.warning, "the style asks for PDF/X-4 but no CMYK output profile is installed: the print PDF stays RGB", "run scripts/setup (installs libgs-common's ICC profiles), or drop print.standard")
    case .pdfxProfileUnusable: return e(.warning, "the style's print.output_profile cannot be read or is not a CMYK output (printer) profile: the print PDF stays RGB", "name an installed profile (ps_cmyk, default_cmyk) or the print shop's CMYK .icc file")
    case .pdfxIncomplete: return e(.warning, "part of the print PDF could not be converted to CMYK: the file does not claim PDF/X-4", "report it with the page; meanwhile the print shop can convert the RGB parts")
    }
  }
}

/// Per-code levels a project chooses (`diagnostics: {missing-alt-text: note}` in imprenta.yaml).
public struct DiagnosticLevels: Sendable, Hashable {
  /// What a code may be set to.
  public enum Level: String, Sendable, Hashable, CaseIterable {
    case error, warning, note, off
  }

  /// The chosen levels.
  public var levels: [DiagnosticCode: Level]

  /// Levels for some codes (others keep their default).
  public init(_ levels: [DiagnosticCode: Level] = [:]) {
    self.levels = levels
  }

  /// `diagnostics` with every chosen level applied (an `off` code is left out).
  public func apply(to diagnostics: Diagnostics) -> Diagnostics {
    guard !levels.isEmpty else { return diagnostics }
    var out = Diagnostics()
    for var d in diagnostics.items {
      switch levels[d.code] {
      case nil: break
      case .off?: continue
      case .error?: d.severity = .error
      case .warning?: d.severity = .warning
      case .note?: d.severity = .note
      }
      out.report(d)
    }
    return out
  }
}

extension DiagnosticCode {
  /// The README's table of codes (a test holds the README equal to it).
  public static var markdownTable: String {
    var lines = ["| Code | Default | Meaning | Fix |", "|---|---|---|---|"]
    for code in allCases.sorted() {
      lines.append("| `\(code.rawValue)` | \(code.severity.rawValue) | \(code.meaning) | \(code.hint) |")
    }
    return lines.joined(separator: "\n")
  }
}
