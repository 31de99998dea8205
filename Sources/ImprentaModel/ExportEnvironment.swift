/// What a backend may ask of the outside world while it writes: files the pages refer to, and
/// the date to stamp into outputs. Backends never open paths themselves, so output is
/// reproducible and confined to the content root (typst's `World`, pandoc's `PandocMonad`).
public struct ExportEnvironment: Sendable {
  /// Finds the images and other files pages refer to.
  public var resources: any ResourceProvider
  /// The date written into outputs (PDF creation date, EPUB `dcterms:modified`): from
  /// `SOURCE_DATE_EPOCH`, else the newest page date, so two runs give the same bytes.
  public var buildDate: PageDate

  /// Creates an environment.
  public init(resources: any ResourceProvider, buildDate: PageDate) {
    self.resources = resources
    self.buildDate = buildDate
  }

  /// An environment that finds no files, dated at the Unix epoch: for tests and in-memory exports.
  public static let empty = ExportEnvironment(resources: NoResources(), buildDate: PageDate(secondsSince1970: 0))
}

/// Looks up files a page refers to (`![x](images/a.png)`), confined to the content root.
public protocol ResourceProvider: Sendable {
  /// The bytes of `reference` as written in `document`, or why it cannot be had.
  func resource(_ reference: String, for document: Document) -> ResourceLookup
}

/// The answer to a resource look-up.
public enum ResourceLookup: Sendable {
  /// The file, read.
  case found(Resource)
  /// No such file (a warning: the output goes on without it).
  case missing(String)
  /// A path outside the content root, or otherwise not allowed: never read.
  case refused(String)
}

/// A file a page refers to.
public struct Resource: Sendable, Hashable {
  /// The path relative to the content root (`images/banner.png`): a stable name inside packages.
  public var name: String
  /// The file's bytes.
  public var bytes: [UInt8]
  /// What was changed on the way (content removed from an SVG): the caller reports each once,
  /// as a warning about the page that refers to the file.
  public var notes: [String]

  /// Creates a resource.
  public init(name: String, bytes: [UInt8], notes: [String] = []) {
    self.name = name
    self.bytes = bytes
    self.notes = notes
  }
}

/// A provider that has no files.
public struct NoResources: ResourceProvider {
  /// Creates the provider.
  public init() {}
  /// Always `.missing`.
  public func resource(_ reference: String, for document: Document) -> ResourceLookup {
    .missing("no resources in this environment")
  }
}
