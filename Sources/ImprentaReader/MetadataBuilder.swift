import ImprentaModel

/// Types Hugo's front-matter keys into `Metadata`; every other key is kept in `params`, in order.
enum MetadataBuilder {
  /// Keys that become typed fields (and are therefore not repeated in `params`).
  static let typedKeys: Set<String> = [
    "title", "subtitle", "author", "authors", "date", "lang", "languagecode", "description", "draft",
    "weight", "summary", "cover", "tags", "hidetitle", "slug", "publishdate", "pubdate", "published",
    "expirydate", "unpublishdate", "lastmod", "modified", "linktitle", "headless", "direction", "dir",
  ]

  static func build(_ fm: FrontMatter, file: String, diagnostics: inout Diagnostics) -> Metadata {
    var m = Metadata()
    func warn(_ key: String, _ message: String) {
      diagnostics.report(.invalidFrontMatterValue, message, file: file, at: SourceRange(fm.keyLines[key] ?? 1, 1, fm.keyLines[key] ?? 1, 1))
    }
    func string(_ key: String, _ v: MetaValue) -> String? {
      switch v {
      case .list, .table:
        warn(key, "'\(key)' should be text, not a \(v.isList ? "list" : "table")")
        return nil
      default: return v.description
      }
    }
    func bool(_ key: String, _ v: MetaValue) -> Bool? {
      switch v {
      case .bool(let b): return b
      case .string(let s) where ["true", "false"].contains(s.lowercased()): return s.lowercased() == "true"
      default:
        warn(key, "'\(key)' should be true or false, not '\(v)'")
        return nil
      }
    }
    func date(_ key: String, _ v: MetaValue) -> PageDate? {
      switch v {
      case .date(let d): return d
      case .string(let s):
        if let d = PageDate(parsing: s) { return d }
        if !s.isEmpty { warn(key, "'\(key)' is not a date Hugo reads: '\(s)'") }
        return nil
      default:
        warn(key, "'\(key)' is not a date: '\(v)'")
        return nil
      }
    }
    for pair in fm.values {
      let key = pair.key, v = pair.value
      switch key.lowercased() {
      case "title": m.title = string(key, v) ?? ""
      case "subtitle": m.subtitle = string(key, v) ?? ""
      case "author", "authors": m.authors += v.strings.filter { !$0.isEmpty }
      case "date": m.date = date(key, v) ?? m.date
      case "publishdate", "pubdate", "published": m.publishDate = date(key, v) ?? m.publishDate
      case "expirydate", "unpublishdate": m.expiryDate = date(key, v) ?? m.expiryDate
      case "lastmod", "modified": m.lastmod = date(key, v) ?? m.lastmod
      case "linktitle": m.linkTitle = string(key, v) ?? ""
      case "headless": m.headless = bool(key, v) ?? false
      case "lang", "languagecode":
        guard m.language.isEmpty || key == "lang", let text = string(key, v) else { break }
        if let tag = LanguageTag.wellFormed(text) {
          m.language = tag
        } else {
          diagnostics.report(.invalidLanguageTag, "'\(key)' is not a language tag: '\(text.escapedForLog)' (ignored)", file: file,
            at: SourceRange(fm.keyLines[key] ?? 1, 1, fm.keyLines[key] ?? 1, 1))
        }
      case "direction", "dir":
        guard let text = string(key, v) else { break }
        if let d = WritingDirection(parsing: text) {
          m.direction = d
        } else if !text.isEmpty {
          warn(key, "'\(key)' should be rtl or ltr, not '\(text)'")
        }
      case "description": m.description = string(key, v) ?? ""
      case "draft": m.draft = bool(key, v) ?? false
      case "weight":
        switch v {
        case .integer(let i): m.weight = i
        case .string(let s) where Int(s) != nil: m.weight = Int(s)!
        default: warn(key, "'weight' should be a whole number, not '\(v)'")
        }
      case "summary": m.summary = string(key, v) ?? ""
      case "cover":
        // Themes write `cover: path` or `cover: {image: path, alt: …}`; `cover: true` is a
        // theme's flag, and other values are not paths: ignored without a word.
        switch v {
        case .string(let path): m.cover = path
        case .table: if case .string(let path)? = v["image"] { m.cover = path }
        default: break
        }
      case "tags": m.tags = v.strings.filter { !$0.isEmpty }
      case "hidetitle": m.hideTitle = bool(key, v) ?? false
      case "slug": m.slug = string(key, v) ?? ""
      default: m.params.append(pair)
      }
    }
    if m.cover.isEmpty, let images = m.param("images") {
      // `images: [path, …]` or `images: path`; only a string is a path.
      switch images {
      case .list(let list): if case .string(let path)? = list.first { m.cover = path }
      case .string(let path): m.cover = path
      default: break
      }
    }
    return m
  }
}

extension MetaValue {
  var isList: Bool {
    if case .list = self { return true }
    return false
  }
}
