/// The settings of one batch build.
public struct BatchOptions: Sendable {
  /// Where outputs go.
  public var outputFolder: String
  /// The project folder (the project file's folder, else the current one): a root of the read
  /// policy, and the folder inputs reached through links must stay in.
  public var projectFolder = FileSystem.currentFolder
  /// Whether the output folder must lie inside the project folder (the default `output`, a
  /// project file's `output`); an explicit `--output` may be anywhere but `/` and the content.
  public var outputIsConfined = false
  /// How many documents are exported at once (default: the number of cores).
  public var jobs: Int
  /// Rebuild every output even when its inputs have not changed.
  public var force = false
  /// Remove outputs whose publication or page no longer exists.
  public var prune = false
  /// Export draft pages too.
  public var includeDrafts = false
  /// Build only this share of the units.
  public var shard: Shard?
  /// The formats of publications that name none.
  public var defaultFormats: [OutputFormat]
  /// The style of publications that name none.
  public var defaultStyle = "default"
  /// Folders where named styles are looked for.
  public var styleSearchPaths: [String] = ["styles"]
  /// `SOURCE_DATE_EPOCH`: the date stamped into every output, when set.
  public var sourceDateEpoch: Int?
  /// Imprenta's version (part of every build key).
  public var version: String
  /// Impose PDFs (`booklet` or `2up`) whatever the style says; nil leaves it to the style.
  public var impose: String?
  /// Whether the unimposed PDF is written beside the imposed one.
  public var writeUnimposed = true
  /// Whether the process ends after the run (the `imprenta` command): what the last document of
  /// each job let go of is then never freed (`ReleaseBin`); otherwise it is, when the job ends.
  public var exitsAfterRun = false

  /// Creates options.
  public init(outputFolder: String, jobs: Int, defaultFormats: [OutputFormat], version: String) {
    self.outputFolder = outputFolder
    self.jobs = jobs
    self.defaultFormats = defaultFormats
    self.version = version
  }
}

/// What a batch build did.
public struct BatchReport: Sendable {
  /// Documents exported or checked (a book counts once).
  public var documents = 0
  /// Every output of the run, rebuilt or up to date, in plan order.
  public var outputs: [OutputRecord] = []
  /// Outputs in the manifest whose publication or page is gone (kept; see `--prune`).
  public var stale: [String] = []
  /// Outputs removed by `--prune`.
  public var pruned: [String] = []
  /// Everything reported.
  public var diagnostics = Diagnostics()

  /// Creates an empty report.
  public init() {}
}

/// One output of a batch build.
public struct OutputRecord: Sendable, Hashable, Codable {
  /// Its path.
  public var path: String
  /// Its format.
  public var format: String
  /// PDF pages, when known.
  public var pages: Int?
  /// Its size.
  public var bytes: Int
  /// SHA-256 of its bytes.
  public var sha256: String
  /// Seconds spent exporting and writing it (0 when up to date).
  public var seconds: Double
  /// Whether it was written in this run.
  public var rebuilt: Bool

  /// Creates a record.
  public init(path: String, format: String, pages: Int? = nil, bytes: Int, sha256: String, seconds: Double, rebuilt: Bool) {
    self.path = path
    self.format = format
    self.pages = pages
    self.bytes = bytes
    self.sha256 = sha256
    self.seconds = seconds
    self.rebuilt = rebuilt
  }
}
