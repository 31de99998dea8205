import ImprentaFiles
import ImprentaModel

/// A folder of the site mounted into its content tree: `[[module.mounts]]` with a `content`
/// target, or the content folders Hugo mounts by default (`contentDir`, each language's own).
public struct ContentMount: Sendable, Hashable {
  /// The folder, relative to the site root (`content/en`).
  public var source: String
  /// Where it appears in the content tree, relative to it (`""` for the root, `blog`).
  public var target: String
  /// The language its pages are in, or empty when the file name or front matter says.
  public var language: String
  /// `includeFiles`: only files matching one of these (relative to the source) are mounted.
  public var includeFiles: [String]
  /// `excludeFiles`: files matching one of these are not mounted.
  public var excludeFiles: [String]

  /// Creates a mount.
  public init(source: String, target: String = "", language: String = "", includeFiles: [String] = [], excludeFiles: [String] = []) {
    self.source = source
    self.target = target
    self.language = language
    self.includeFiles = includeFiles
    self.excludeFiles = excludeFiles
  }

  /// Whether the file at `relativePath` (below the source) is mounted.
  public func mounts(_ relativePath: String) -> Bool {
    func matches(_ patterns: [String]) -> Bool {
      patterns.contains { GlobPattern.matchesWhole($0, relativePath) }
    }
    if !includeFiles.isEmpty && !matches(includeFiles) { return false }
    return !matches(excludeFiles)
  }

  /// The content mounts of a merged configuration: `module.mounts` targeting `content` when there
  /// are any (Hugo then drops its default mounts), else `contentDir` and each language's folder.
  static func mounts(module: MetaValue?, contentDir: String, languages: [SiteLanguage]) -> [ContentMount] {
    var out: [ContentMount] = []
    if case .list(let items)? = module?["mounts"] ?? module?["Mounts"] {
      for case .table(let t) in items {
        func value(_ key: String) -> MetaValue? { t.first { $0.key.lowercased() == key.lowercased() }?.value }
        let target = value("target")?.description.trimmingCharacters(in: "/") ?? ""
        guard target == "content" || target.hasPrefix("content/"), let source = value("source")?.description, !source.isEmpty else { continue }
        out.append(ContentMount(
          source: source.trimmingCharacters(in: "/"), target: String(target.dropFirst("content".count)).trimmingCharacters(in: "/"),
          language: (value("lang")?.description ?? (value("sites")?["matrix"]?["languages"]?.strings).flatMap { $0.count == 1 ? $0[0] : nil } ?? "").lowercased(), includeFiles: value("includeFiles")?.strings ?? [],
          excludeFiles: value("excludeFiles")?.strings ?? []))
      }
    }
    if !out.isEmpty { return out }
    var folders = [ContentMount(source: contentDir)]
    for l in languages where !l.contentDir.isEmpty {
      folders.append(ContentMount(source: l.contentDir.trimmingCharacters(in: "/"), language: l.code))
    }
    // The shared folder stays only when some language has no folder of its own.
    if languages.contains(where: { $0.contentDir.isEmpty }) { return folders }
    return Array(folders.dropFirst())
  }
}
