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
  /// The environment whose `config/<environment>/` was merged (`production`).
  public var environment = "production"
  /// Every configuration file read, in merge order.
  public var files: [String] = []
  /// Every merged top-level value (for settings read elsewhere: `markup`, `enableEmoji`).
  public var values: [KeyValue<MetaValue>] = []
  /// Content mounts (`module.mounts` with a `content` target, else the content folders).
  public var contentMounts: [ContentMount] = []
  /// The site-wide `cascade` of the configuration.
  public var cascade: [CascadeEntry] = []
  /// Regular expressions of files not read (`ignoreFiles`), matched against content paths.
  public var ignoreFiles: [String] = []
  /// Whether the configuration says which language the content is in (`languageCode`,
  /// `defaultContentLanguage`, languages); when not, pages' languages are detected from their text.
  public var statesLanguage = true

  /// `baseURL` when it can make absolute links (`http://` or `https://` with a host), else nil:
  /// `/` or an empty value cannot.
  public var absoluteBaseURL: String? {
    let lower = baseURL.lowercased()
    guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return nil }
    let host = lower.drop { $0 != "/" }.dropFirst(2).prefix { $0 != "/" }
    return host.isEmpty ? nil : baseURL
  }

  /// `path` (a permalink, `/docs/intro/`) on the absolute base URL, percent-encoded, with
  /// `#anchor` when not empty; nil without an absolute base URL.
  public func absoluteURL(path: String, anchor: String = "") -> String? {
    guard let base = absoluteBaseURL, path.hasPrefix("/") else { return nil }
    let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
    return (base.hasSuffix("/") ? String(base.dropLast()) : base) + encoded + (anchor.isEmpty ? "" : "#" + anchor)
  }

  /// A `languageCode` that is not a well-formed BCP 47 tag is reported once and not used.
  mutating func checkLanguageTags(diagnostics: inout Diagnostics) {
    var reported: Set<String> = []
    func checked(_ text: String) -> String {
      if let tag = LanguageTag.wellFormed(text) { return tag }
      if reported.insert(text).inserted {
        let at = location(of: "languageCode")
        diagnostics.report(.invalidLanguageTag, "languageCode '\(text.escapedForLog)' is not a language tag (ignored)", file: at.file, at: SourceRange(at.line, 1, at.line, 1))
      }
      return ""
    }
    languageCode = checked(languageCode)
    for i in languages.indices { languages[i].languageCode = checked(languages[i].languageCode) }
  }

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
  public var params: [KeyValue<MetaValue>] = []
  /// `direction` / `languageDirection`: `rtl`, `ltr`, or empty when not said.
  public var direction: String = ""

  /// The BCP 47 tag for hyphenation and `lang`: `languageCode`, else the key.
  public var tag: String { LanguageTag.wellFormed(languageCode.isEmpty ? code : languageCode) ?? "" }
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

/// Finds, reads and merges a Hugo project's configuration (see `SiteConfigFiles`).
public enum SiteConfigReader {
  /// Reads the configuration of the Hugo project at `root` for `environment` (`production`, as
  /// `hugo` builds). Throws when there is none or it cannot be parsed.
  public static func read(root: String, environment: String = "production", diagnostics: inout Diagnostics) throws -> SiteConfig {
    var files = SiteConfigFiles(root: root, environment: environment)
    let values = try files.merged()
    guard let file = files.read.first else {
      throw ImprentaError(.notAHugoSite, "no hugo.toml, hugo.yaml, config.toml, config.yaml or config/_default/", file: root)
    }
    var config = build(values, root: root, file: file, diagnostics: &diagnostics)
    config.keyLocations = files.locations
    config.checkLanguageTags(diagnostics: &diagnostics)
    config.environment = environment
    config.files = files.read
    return config
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
        contentDir: string("contentDir", in: t), languageCode: string("languageCode", in: t).isEmpty ? string("locale", in: t) : string("languageCode", in: t), params: table(value("params", in: t)),
        direction: (value("direction", in: t) ?? value("languageDirection", in: t))?.description.lowercased() ?? ""))
      readMenus(value("menus", in: t) ?? value("menu", in: t), language: code)
    }
    if languages.isEmpty || !languages.contains(where: { $0.code == defaultLanguage }) {
      languages.append(SiteLanguage(code: defaultLanguage, title: "", name: "", weight: 0, contentDir: "", languageCode: string("languageCode"), params: [],
        direction: value("languageDirection")?.description.lowercased() ?? ""))
    }
    languages.sort { ($0.weight == 0 ? Int.max : $0.weight, $0.code) < ($1.weight == 0 ? Int.max : $1.weight, $1.code) }
    let inSubdir: Bool
    if case .bool(let b)? = value("defaultContentLanguageInSubdir") { inSubdir = b } else { inSubdir = false }
    let contentDir = string("contentDir").isEmpty ? "content" : string("contentDir")
    var config = SiteConfig(
      root: root, file: file, title: string("title"), baseURL: baseURL, languageCode: string("languageCode"),
      defaultContentLanguage: defaultLanguage, defaultContentLanguageInSubdir: inSubdir,
      contentDir: contentDir, languages: languages, menus: menus,
      params: table(value("params")))
    config.values = values
    config.contentMounts = ContentMount.mounts(module: value("module"), contentDir: contentDir, languages: languages)
    config.cascade = CascadeEntry.entries(value("cascade"))
    config.ignoreFiles = value("ignoreFiles")?.strings ?? []
    config.statesLanguage = !string("languageCode").isEmpty || value("defaultContentLanguage") != nil
      || languages.contains { !$0.languageCode.isEmpty } || languages.count > 1
    return config
  }
}
