// Every input dimension Imprenta accepts has a budget, checked before the work it would cost.
// Each is named here once; the diagnostic that enforces it names it (`budget: <name>`), and the
// README's "Security model" lists them with their values.

/// The limits on what one build accepts from its inputs.
public enum Budget: String, Sendable, CaseIterable {
  /// Bytes of one page (Markdown with front matter).
  case pageBytes = "page-bytes"
  /// Bytes of one image or other file a page refers to.
  case resourceBytes = "resource-bytes"
  /// Decoded pixels of one image (its width × height), SVG-embedded images included.
  case imagePixels = "image-pixels"
  /// Decoded pixels of every image of one document together.
  case documentPixels = "document-pixels"
  /// Scans of one progressive JPEG.
  case jpegScans = "jpeg-scans"
  /// Nesting of front-matter values (YAML, TOML, JSON), dotted TOML keys included.
  case frontMatterDepth = "front-matter-depth"
  /// Bytes of a style, project or site configuration file.
  case configBytes = "config-bytes"
  /// Files and folders one walk of the inputs may visit.
  case walkedEntries = "walked-entries"
  /// Folders deep one walk may go.
  case folderDepth = "folder-depth"
  /// The N of `--shard K/N`.
  case shardCount = "shard-count"
  /// Bytes of an SVG image.
  case svgBytes = "svg-bytes"
  /// Bytes of text in one SVG `<text>` element (librsvg lays a long one out in worse than quadratic time).
  case svgTextBytes = "svg-text-bytes"
  /// Bytes of text in all the `<text>` elements of one SVG.
  case svgAllTextBytes = "svg-all-text-bytes"
  /// The reach of one SVG filter primitive: `feMorphology`'s radius, `feConvolveMatrix`'s order,
  /// `feTurbulence`'s octaves (librsvg's cost grows with each: a radius of 10,000 on 50 shapes
  /// took 38 s).
  case svgFilterReach = "svg-filter-reach"
  /// Bytes of the URL of one link (a PDF writes it once per page the link's text is on).
  case linkURLBytes = "link-url-bytes"
  /// Pages included inside included pages (shortcodes mapped as `include`).
  case includeDepth = "include-depth"
  /// Bytes of all the pages one page includes, at every depth.
  case includedBytes = "included-bytes"

  /// The budget's value.
  public var limit: Int {
    switch self {
    case .pageBytes: return 32 << 20
    case .resourceBytes: return 64 << 20
    case .imagePixels: return 100_000_000
    case .documentPixels: return 400_000_000
    case .jpegScans: return 64
    case .frontMatterDepth: return 64
    case .configBytes: return 4 << 20
    case .walkedEntries: return 200_000
    case .folderDepth: return 64
    case .shardCount: return 10_000
    case .svgBytes: return 16 << 20
    case .svgTextBytes: return 2 << 10
    case .svgAllTextBytes: return 64 << 10
    case .svgFilterReach: return 16
    case .linkURLBytes: return 32 << 10
    case .includeDepth: return 8
    case .includedBytes: return 32 << 20
    }
  }

  /// The value as a person reads it (`32 MB`, `100,000,000 pixels`).
  public var limitDescription: String {
    switch self {
    case .pageBytes, .resourceBytes, .configBytes, .svgBytes, .includedBytes: return "\(limit >> 20) MB"
    case .linkURLBytes, .svgTextBytes, .svgAllTextBytes: return "\(limit >> 10) KB"
    case .imagePixels, .documentPixels: return "\(limit / 1_000_000) megapixels"
    case .jpegScans: return "\(limit) scans"
    case .svgFilterReach: return "\(limit)"
    case .frontMatterDepth, .folderDepth, .includeDepth: return "\(limit) levels"
    case .walkedEntries: return "\(limit) files and folders"
    case .shardCount: return "\(limit) shards"
    }
  }

  /// What the budget bounds, for the README and `--help`.
  public var meaning: String {
    switch self {
    case .pageBytes: return "bytes of one page"
    case .resourceBytes: return "bytes of one image or file a page refers to"
    case .imagePixels: return "decoded pixels of one image, images inside SVGs included"
    case .documentPixels: return "decoded pixels of all images of one document"
    case .jpegScans: return "scans of one progressive JPEG"
    case .frontMatterDepth: return "nesting of front-matter values and dotted TOML keys"
    case .configBytes: return "bytes of a style, project or site configuration file"
    case .walkedEntries: return "files and folders one walk of the inputs visits"
    case .folderDepth: return "folder depth one walk of the inputs descends"
    case .shardCount: return "N of --shard K/N"
    case .svgBytes: return "bytes of one SVG image"
    case .svgTextBytes: return "bytes of text in one SVG text element"
    case .svgAllTextBytes: return "bytes of text in all text elements of one SVG"
    case .svgFilterReach: return "radius of an SVG feMorphology, order of an feConvolveMatrix, octaves of an feTurbulence"
    case .linkURLBytes: return "bytes of the URL of one link"
    case .includeDepth: return "pages included inside included pages"
    case .includedBytes: return "bytes of all the pages one page includes"
    }
  }

  /// The clause a diagnostic ends with: `(budget page-bytes: 32 MB)`.
  public var clause: String { "(budget \(rawValue): \(limitDescription))" }
}
