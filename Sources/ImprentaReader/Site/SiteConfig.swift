import Foundation
import ImprentaFiles
import ImprentaModel

/// A Hugo site's configuration: what `hugo.toml` (or `config.*`, or `config/_default/`) says.
public struct SiteConfig: Sendable, Hashable {
  /// The project root (the folder holding the configuration).
  public var root: String
  /// The configuration file (or folder) read, for diagnostics.
  public var file: String
  /// The site title.
  public var title: String
  /// `baseURL`, with a trailing `/` (empty when not set).
  public var baseURL: String
  /// `languageCode` (`en-us`), or empty.
  public var languageCode: String
  /// `defaultContentLanguage` (default `en`).
  public var defaultContentLanguage: String
  /// Whether the default language also gets a `/<lang>/` URL prefix.
  public var defaultContentLanguageInSubdir: Bool
  /// The content folder, relative to the root (default `content`).
  public var contentDir: String
  /// The languages, by weight then code; one (the default) when the site configures none.
  public var languages: [SiteLanguage]
  /// Menu entries from the configuration.
  public var menus: [MenuEntry]
  /// `params`, in order.
  public var params: [KeyValue<MetaValue>]
  /// Where settings were written (`contentdir` → file and line), for diagnostics that point at them.
  public var keyLocations: [String: KeyLocation] = [:]

  /// The file and line of the last `key` setting read (the configuration itself when unknown).
  public func location(of key: String) -> KeyLocation {
    keyLocations[key.lowercased()] ?? KeyLocation(file: file, line: 0)
  }

  /// The language named `code`.
  public func language(_ code: String) -> SiteLanguage? {
    languages.first { $0.code == code }
  }

  /// Whether the site has several languages.
  public var isMultilingual: Bool { languages.count > 1 }
}

/// Where a setting is written.
public struct KeyLocation: Sendable, Hashable {
  /// The configuration file.
  public var file: String
  /// The 1-based line, or 0.
  public var line: Int
}

/// One language of a site.
public struct SiteLanguage: Sendable, Hashable {
  /// The key (`en`, `es`).
  public var code: String
  /// Its title for the site (else the site title).
  public var title: String
  /// Its name (`languageName`).
  public var name: String
  /// Its weight (order among languages).
  public var weight: Int
  /// Its own content folder relative to the root, or empty when pages share `contentDir`.
  public var contentDir: String
  /// Its `languageCode` (BCP 47 for `lang`), or empty.
  public var languageCode: String
  /// Its own params.
  public var params: [KeyValue<MetaValue>]

  /// The BCP 47 tag for hyphenation and `lang`: `languageCode`, else the key.
  public var tag: String { languageCode.isEmpty ? code : languageCode }
}

/// An entry of a site menu.
public struct MenuEntry: Sendable, Hashable {
  /// The menu (`main`).
  public var menu: String
  /// The entry's text.
  public var name: String
  /// `pageRef` (a content path) or `url`, as written.
  public var target: String
  /// The order in the menu.
  public var weight: Int
  /// The language the entry belongs to, or empty for all.
  public var language: String
}

/// Finds and reads a Hugo project's configuration.
public enum SiteConfigReader {
  /// Configuration files Hugo looks for, in its order.
  public static let configNames = ["hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json"]

  /// The configuration file or folder of the Hugo project at `root`, or nil when `root` is not one.
  public static func configuration(in root: String) -> String? {
    let fm = FileManager.default
    for name in configNames where fm.fileExists(atPath: root + "/" + name) { return root + "/" + name }
    var isDir: ObjCBool = false
    if fm.fileExists(atPath: root + "/config/_default", isDirectory: &isDir), isDir.boolValue { return root + "/config/_default" }
    return nil
  }

  /// Reads the configuration of the Hugo project at `root`. Throws when it cannot be parsed.
  public static func read(root: String, diagnostics: inout Diagnostics) throws -> SiteConfig {
    guard let file = configuration(in: root) else {
      throw ImprentaError(.notAHugoSite, "no hugo.toml, hugo.yaml, config.toml, config.yaml or config/_default/", file: root)
    }
    var values: [KeyValue<MetaValue>]
    var locations: [String: KeyLocation] = [:]
    var isDir: ObjCBool = false
    _ = FileManager.default.fileExists(atPath: file, isDirectory: &isDir)
    if isDir.boolValue {
      values = []
      let names = ((try? FileManager.default.contentsOfDirectory(atPath: file)) ?? []).sorted()
      for name in names {
        let base = (name as NSString).deletingPathExtension
        guard ["toml", "yaml", "yml", "json"].contains((name as NSString).pathExtension) else { continue }
        let parsed = try parse(file + "/" + name, root: root, locations: &locations)
        switch base.lowercased() {
        case "hugo", "config": values += parsed
        case "params", "languages", "menus", "menu": values.append(KeyValue(base.lowercased(), .table(parsed)))
        default:
          if base.lowercased().hasPrefix("menus.") {
            values.append(KeyValue("menus", .table(parsed)))
          } else {
            values.append(KeyValue(base, .table(parsed)))
          }
        }
      }
    } else {
      values = try parse(file, root: root, locations: &locations)
    }
    var config = build(values, root: root, file: file, diagnostics: &diagnostics)
    config.keyLocations = locations
    return config
  }

  static func parse(_ path: String, root: String, locations: inout [String: KeyLocation]) throws -> [KeyValue<MetaValue>] {
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
    switch (path as NSString).pathExtension {
    case "toml": return try TOMLFrontMatter.parse(text, file: path, lineOffset: 0).0
    case "json": return try JSONFrontMatter.parse(text, file: path).0
    default: return try YAMLFrontMatter.parse(text, file: path, lineOffset: 0).0
    }
  }

  static func build(_ values: [KeyValue<MetaValue>], root: String, file: String, diagnostics: inout Diagnostics) -> SiteConfig {
    func value(_ key: String, in pairs: [KeyValue<MetaValue>] = values) -> MetaValue? {
      pairs.first { $0.key.lowercased() == key.lowercased() }?.value
    }
    func string(_ key: String, in pairs: [KeyValue<MetaValue>] = values) -> String { value(key, in: pairs)?.description ?? "" }
    func table(_ v: MetaValue?) -> [KeyValue<MetaValue>] {
      if case .table(let t)? = v { return t }
      return []
    }
    func int(_ v: MetaValue?) -> Int {
      switch v {
      case .integer(let i)?: return i
      case .number(let d)?: return Int(d)
      case .string(let s)?: return Int(s) ?? 0
      default: return 0
      }
    }
    var baseURL = string("baseURL")
    if !baseURL.isEmpty && !baseURL.hasSuffix("/") { baseURL += "/" }
    let defaultLanguage = string("defaultContentLanguage").isEmpty ? "en" : string("defaultContentLanguage").lowercased()
    var languages: [SiteLanguage] = []
    var menus: [MenuEntry] = []
    func readMenus(_ v: MetaValue?, language: String) {
      for menu in table(v) {
        let items: [MetaValue]
        if case .list(let l) = menu.value { items = l } else { items = [menu.value] }
        for item in items {
          guard case .table(let t) = item else { continue }
          let target = string("pageRef", in: t).isEmpty ? string("url", in: t) : string("pageRef", in: t)
          menus.append(MenuEntry(menu: menu.key, name: string("name", in: t), target: target, weight: int(value("weight", in: t)), language: language))
        }
      }
    }
    readMenus(value("menus") ?? value("menu"), language: "")
    for lang in table(value("languages")) {
      let t = table(lang.value)
      let code = lang.key.lowercased()
      languages.append(SiteLanguage(
        code: code, title: string("title", in: t), name: string("languageName", in: t), weight: int(value("weight", in: t)),
        contentDir: string("contentDir", in: t), languageCode: string("languageCode", in: t), params: table(value("params", in: t))))
      readMenus(value("menus", in: t) ?? value("menu", in: t), language: code)
    }
    if languages.isEmpty || !languages.contains(where: { $0.code == defaultLanguage }) {
      languages.append(SiteLanguage(code: defaultLanguage, title: "", name: "", weight: 0, contentDir: "", languageCode: string("languageCode"), params: []))
    }
    languages.sort { ($0.weight == 0 ? Int.max : $0.weight, $0.code) < ($1.weight == 0 ? Int.max : $1.weight, $1.code) }
    let inSubdir: Bool
    if case .bool(let b)? = value("defaultContentLanguageInSubdir") { inSubdir = b } else { inSubdir = false }
    return SiteConfig(
      root: root, file: file, title: string("title"), baseURL: baseURL, languageCode: string("languageCode"),
      defaultContentLanguage: defaultLanguage, defaultContentLanguageInSubdir: inSubdir,
      contentDir: string("contentDir").isEmpty ? "content" : string("contentDir"), languages: languages, menus: menus,
      params: table(value("params")))
  }
}
