/// Print production: bleed, printer's marks, imposition and preflight limits.
public struct PrintStyle: Sendable, Hashable {
  /// How far full-bleed images and backgrounds run past the trim (0 for screen PDFs).
  public var bleed: Length = .mm(0)
  /// Crop marks at the corners of the trim.
  public var cropMarks = false
  /// Registration targets in the middle of each side.
  public var registrationMarks = false
  /// The band outside the bleed that holds the marks (used only when marks are on).
  public var markArea: Length = .mm(10)
  /// `none`, `booklet` (saddle-stitched, two pages per sheet side) or `2up`.
  public var impose = "none"
  /// Images printed below this resolution at their placed size are reported.
  public var minImagePPI: Double = 150
  /// Text and images closer than this to the trim are reported (they may be cut).
  public var safetyMargin: Length = .mm(3)
  /// `none`, or `pdf/x-4`: the print PDF in CMYK for the installed output profile, with its
  /// output intent, `GTS_PDFXVersion` and an ink-coverage preflight.
  public var standard = "none"
  /// The CMYK output profile of `pdf/x-4`: empty for the installed default (Ghostscript's
  /// "Artifex CMYK SWOP Profile"), an installed profile's name, or a path.
  public var outputProfile = ""
  /// Who writes the PDF: `auto` (Imprenta's own writer, or Cairo and qpdf for what it does not
  /// do: COLR or SVG colour fonts, CFF2, imposed sheets), `native` (the same) or `cairo`
  /// (always Cairo and qpdf).
  public var writer = "auto"

  /// Whether the page is the trimmed page alone (no bleed, no marks).
  public var isPlain: Bool { bleed.value == 0 && !cropMarks && !registrationMarks }
}

/// Covers of a printed publication.
public struct CoverStyle: Sendable, Hashable {
  /// Whether a front cover is set (title, subtitle, date, organisation, cover image).
  public var front = false
  /// The cover image when the document names none (`cover:` in its front matter wins).
  public var image = ""
  /// The cover's background, run into the bleed.
  public var background = Color(hex: 0x1a4d7a)
  /// The colour of the cover's text.
  public var color = Color(hex: 0xffffff)
  /// The organisation line at the foot of the front cover.
  public var organization = ""
  /// The text of the inside front cover; a non-empty text adds that page.
  public var inside = ""
  /// Whether a back cover is set as the last page.
  public var back = false
  /// The back cover's text.
  public var backText = ""
  /// The back cover's image.
  public var backImage = ""
}
