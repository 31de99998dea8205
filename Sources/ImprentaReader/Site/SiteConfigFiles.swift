import Foundation
import ImprentaFiles
import ImprentaModel

/// The files of a Hugo configuration, merged as Hugo merges them: the root file (`hugo.toml`, else
/// `hugo.yaml`, `hugo.json`, `config.toml`, …), then `config/_default/`, then
/// `config/<environment>/`, each later one winning key by key, tables merged deeply. In a
/// configuration folder `hugo.*`/`config.*` hold top-level keys, any other file holds the key it is
/// named after (`params.toml`, `menus.toml`, `languages.yaml`), and `menus.es.toml` or
/// `params.es.toml` that language's own (`languages.es.menus`).
struct SiteConfigFiles {
  /// File names Hugo looks for at the root, in its order of precedence (the first found is read).
  static let rootNames = ["hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json"]
  static let extensions: Set<String> = ["toml", "yaml", "yml", "json"]

  let root: String
  let environment: String
  /// Every file read, in merge order.
  private(set) var read: [String] = []
  /// Where each key was last set (lower-cased leaf key → file and line).
  private(set) var locations: [String: KeyLocation] = [:]

  init(root: String, environment: String) {
    self.root = root
    self.environment = environment
  }

  /// Whether `root` holds a Hugo configuration (a root file or `config/_default/`).
  static func exists(in root: String) -> Bool {
    rootNames.contains { FileSystem.status(root + "/" + $0).kind == .regular }
      || FileSystem.status(root + "/config/_default").kind == .folder
  }

  /// The merged top-level values.
  mutating func merged() throws -> [KeyValue<MetaValue>] {
    var values: [KeyValue<MetaValue>] = []
    if let name = SiteConfigFiles.rootNames.first(where: { FileSystem.status(root + "/" + $0).kind == .regular }) {
      values = try parse(root + "/" + name)
      read.append(root + "/" + name)
    }
    for folder in ["_default", environment] where !folder.isEmpty && !folder.contains("/") && !folder.hasPrefix(".") {
      let dir = root + "/config/" + folder
      guard FileSystem.status(dir).kind == .folder else { continue }
      values = SiteConfigFiles.merge(values, try folderValues(dir))
    }
    return values
  }

  /// The values of one configuration folder, its files in name order.
  private mutating func folderValues(_ dir: String) throws -> [KeyValue<MetaValue>] {
    var walker = FolderWalker(policy: ReadPolicy(roots: [root]))
    var names: [String] = []
    walker.walk(dir) { relative, entries in
      if relative.isEmpty { names = entries.filter { !$0.isFolder }.map(\.name) }
      return []
    }
    var values: [KeyValue<MetaValue>] = []
    for name in names.sorted() {
      let ext = (name as NSString).pathExtension.lowercased()
      guard SiteConfigFiles.extensions.contains(ext) else { continue }
      let parsed = try parse(dir + "/" + name)
      read.append(dir + "/" + name)
      let parts = (name as NSString).deletingPathExtension.split(separator: ".").map { $0.lowercased() }
      let key = parts.first ?? ""
      let contribution: [KeyValue<MetaValue>]
      switch (key, parts.count) {
      case ("hugo", 1), ("config", 1): contribution = parsed
      case (_, 1): contribution = [KeyValue(key == "menu" ? "menus" : key, .table(parsed))]
      case ("languages", _):
        // `languages.pt-br.toml`: that language's own table (title, contentDir, params…), as a
        // `[languages.pt-br]` table in `hugo.toml` would be (the Let's Encrypt site's 32 languages
        // came out English, under en/, when it was read as `languages.pt-br.languages`).
        contribution = [KeyValue("languages", .table([KeyValue(parts[1], .table(parsed))]))]
      default:
        // `menus.es.toml`: the language's own menus (or params, …).
        let language = parts[1]
        contribution = [KeyValue("languages", .table([KeyValue(language, .table([KeyValue(key == "menu" ? "menus" : key, .table(parsed))]))]))]
      }
      values = SiteConfigFiles.merge(values, contribution)
    }
    return values
  }

  /// `overlay` merged onto `base`: keys compared case-insensitively (Hugo's keys are), tables
  /// merged deeply, any other value replaced.
  static func merge(_ base: [KeyValue<MetaValue>], _ overlay: [KeyValue<MetaValue>]) -> [KeyValue<MetaValue>] {
    var out = base
    for pair in overlay {
      if let i = out.firstIndex(where: { $0.key.lowercased() == pair.key.lowercased() }) {
        if case .table(let a) = out[i].value, case .table(let b) = pair.value {
          out[i].value = .table(merge(a, b))
        } else {
          out[i].value = pair.value
        }
      } else {
        out.append(pair)
      }
    }
    return out
  }

  private mutating func parse(_ path: String) throws -> [KeyValue<MetaValue>] {
    let bytes: [UInt8]
    do {
      bytes = try ReadPolicy(roots: [root]).read(path, budget: .configBytes)
    } catch {
      throw error.error()
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw ImprentaError(.invalidUTF8, "the site configuration is not valid UTF-8", file: path, line: 1, column: 1)
    }
    // Where each `key = …` / `key: …` / `"key": …` line is (the last one wins, as the value does).
    for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let trimmed = line.drop { $0 == " " || $0 == "\t" || $0 == "\"" }
      guard let end = trimmed.firstIndex(where: { $0 == "=" || $0 == ":" || $0 == " " || $0 == "\"" }), end > trimmed.startIndex else { continue }
      locations[trimmed[..<end].lowercased()] = KeyLocation(file: path, line: n + 1)
    }
    switch (path as NSString).pathExtension.lowercased() {
    case "toml": return try TOMLFrontMatter.parse(text, file: path, lineOffset: 0).0
    case "json": return try JSONFrontMatter.parse(text, file: path).0
    default: return try YAMLFrontMatter.parse(text, file: path, lineOffset: 0).0
    }
  }
}

extension SiteConfigReader {
  /// Whether `root` is the root of a Hugo project.
  public static func isSite(_ root: String) -> Bool {
    SiteConfigFiles.exists(in: root)
  }
}
