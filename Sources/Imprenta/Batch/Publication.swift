/// One publication of a project: which pages, in which formats, with which style, as pages or as a book.
public struct Publication: Sendable, Hashable {
  /// The name; outputs of a project file's publication go under `OUTPUT/<name>/` (a book is `OUTPUT/<name>.<ext>`).
  public var name: String
  /// Files, folders and globs (`content/blog/*.md`, `content/**/*.md`), relative to the project root.
  public var inputs: [String]
  /// A style name or path; nil for the run's default.
  public var style: String?
  /// The formats; empty means the run's default.
  public var formats: [OutputFormat]
  /// The language pages that do not say theirs are in.
  public var language: String?
  /// Front-matter values that replace the pages' own (`title`, `subtitle`, `authors`, `date`, `description`).
  public var metadata: [KeyValue<MetaValue>]
  /// Whether all pages make one document (a book) rather than one document each.
  public var book: Bool
  /// Whether output names are prefixed with the publication's name (project files) or not (the command line).
  public var prefixOutputs: Bool
  /// The line of the publication in the project file (for diagnostics), or 0.
  public var line: Int
  /// When set, the publication is a Hugo site read Hugo's way (its pages, or with `book` one book
  /// per language), rather than the Markdown files of `inputs`.
  public var site: SiteSource?

  /// Creates a publication.
  public init(
    name: String, inputs: [String], style: String? = nil, formats: [OutputFormat] = [], language: String? = nil,
    metadata: [KeyValue<MetaValue>] = [], book: Bool = false, prefixOutputs: Bool = true, line: Int = 0
  ) {
    self.name = name
    self.inputs = inputs
    self.style = style
    self.formats = formats
    self.language = language
    self.metadata = metadata
    self.book = book
    self.prefixOutputs = prefixOutputs
    self.line = line
  }

  /// A stable text of every setting, hashed into each output's build key.
  public var fingerprint: String {
    "name=\(name);inputs=\(inputs);style=\(style ?? "");formats=\(formats.map(\.rawValue));language=\(language ?? "");"
      + "metadata=\(metadata.map { "\($0.key)=\($0.value)" });book=\(book);prefix=\(prefixOutputs);site=\(site.map { "\($0)" } ?? "")"
  }
}

/// A Hugo site as a publication's source: where it is, the environment whose configuration is
/// merged, which pages Hugo's rules let in, and for a book which sections.
public struct SiteSource: Sendable, Hashable {
  /// The site's root folder (holding `hugo.toml` or `config/`).
  public var root: String
  /// `config/<environment>/` merged over `config/_default/` (`production`, as `hugo` builds).
  public var environment: String
  /// Include pages whose publish date is in the future.
  public var includeFuture: Bool
  /// Include pages whose expiry date has passed.
  public var includeExpired: Bool
  /// With a book: only these top-level sections (all when empty).
  public var sections: [String]

  /// Creates a site source.
  public init(root: String, environment: String = "production", includeFuture: Bool = false, includeExpired: Bool = false, sections: [String] = []) {
    self.root = root
    self.environment = environment
    self.includeFuture = includeFuture
    self.includeExpired = includeExpired
    self.sections = sections
  }
}
