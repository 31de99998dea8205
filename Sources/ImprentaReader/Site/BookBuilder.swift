import ImprentaModel

/// Makes one book of a site's language: the home page first, then sections as parts (menu order,
/// then Hugo's default order) with their pages as chapters, nested sections as sub-parts.
public enum BookBuilder {
  /// The book of `language` in `site`, of the top-level `sections` named (all when empty).
  /// Documents are taken as given in `documents` (by `relativeName`, links already resolved),
  /// else from the site's pages.
  public static func book(of site: Site, language: String, sections: [String] = [], documents: [String: Document] = [:]) -> Book {
    let pages = site.pages(language: language).filter(\.isListed)
    let config = site.config
    let lang = config.language(language)
    let title = lang.map { $0.title.isEmpty ? config.title : $0.title } ?? config.title
    // The language's tag, or when the configuration names none, the one most pages are written in.
    let bookLanguage = config.statesLanguage ? (lang?.tag ?? language) : (site.detectedLanguage ?? lang?.tag ?? language)
    var entries: [Book.Entry] = []
    func document(_ p: SitePage) -> Document { documents[p.document.relativeName] ?? p.document }

    // Section folders: every top-level folder holding pages, and every folder with an `_index.md`.
    var sectionPages: [String: SitePage] = [:]
    for p in pages where p.kind == .section { sectionPages[p.sectionPath] = p }
    var children: [String: [Node]] = [:]
    func parentSection(of folder: String) -> String {
      var f = folder
      while !f.isEmpty {
        let parent = f.split(separator: "/").dropLast().joined(separator: "/")
        if sectionPages[f] != nil || !f.contains("/") { return f }
        f = parent
      }
      return ""
    }
    var knownSections: Set<String> = []
    func addSection(_ folder: String) {
      guard !folder.isEmpty, knownSections.insert(folder).inserted else { return }
      let parent = folder.contains("/") ? parentSection(of: String(folder.split(separator: "/").dropLast().joined(separator: "/"))) : ""
      addSection(parent)
      children[parent, default: []].append(.section(folder))
    }
    for p in pages where p.kind == .section { addSection(p.sectionPath) }
    for p in pages where p.kind == .page {
      let section = parentSection(of: p.sectionPath)
      addSection(section)
      children[section, default: []].append(.page(p))
    }

    func sortKey(_ node: Node) -> SitePage? {
      switch node {
      case .page(let p): return p
      case .section(let f): return sectionPages[f]
      }
    }
    func name(_ node: Node) -> String {
      switch node {
      case .page(let p): return p.contentPath
      case .section(let f): return f
      }
    }
    func ordered(_ nodes: [Node], top: Bool) -> [Node] {
      nodes.sorted { a, b in
        if top {
          let ma = menuWeight(a, site: site, language: language, sectionPages: sectionPages)
          let mb = menuWeight(b, site: site, language: language, sectionPages: sectionPages)
          if ma != mb { return (ma ?? Int.max) < (mb ?? Int.max) }
        }
        let pa = sortKey(a), pb = sortKey(b)
        return PageOrder.precedes(
          weight: (pa?.document.metadata.weight ?? 0, pb?.document.metadata.weight ?? 0), dates: (pa?.date, pb?.date),
          titles: (pa?.document.metadata.shortTitle ?? titleCase(name(a)), pb?.document.metadata.shortTitle ?? titleCase(name(b))),
          paths: (name(a), name(b)))
      }
    }
    func emit(_ node: Node, level: Int) {
      switch node {
      case .page(let p):
        entries.append(.init(document: document(p), role: .chapter, level: level))
      case .section(let folder):
        let doc: Document
        if let p = sectionPages[folder] {
          doc = document(p)
        } else {
          // Hugo makes a section page for a folder without `_index.md`, titled after the folder.
          let name = String(folder.split(separator: "/").last ?? "")
          doc = Document(relativeName: (config.isMultilingual ? language + "/" : "") + folder + "/_index",
            metadata: Metadata(title: titleCase(name), language: bookLanguage))
        }
        entries.append(.init(document: doc, role: .part, level: level))
        for child in ordered(children[folder] ?? [], top: false) { emit(child, level: level + 1) }
      }
    }

    var top = ordered(children[""] ?? [], top: true)
    if !sections.isEmpty {
      let wanted = sections.map { $0.trimmingCharacters(in: "/").lowercased() }
      top = top.filter { if case .section(let f) = $0 { return wanted.contains(f.lowercased()) } else { return false } }
    } else if let home = pages.first(where: { $0.kind == .home }) {
      entries.append(.init(document: document(home), role: .front, level: 0))
    }
    for node in top { emit(node, level: 1) }
    var metadata = Metadata(title: title, language: bookLanguage)
    metadata.params = config.params
    func param(_ name: String) -> MetaValue? { config.params.first(where: { $0.key.lowercased() == name })?.value }
    for key in ["author", "authors"] {
      guard let author = param(key) else { continue }
      // `author = "A"`, `authors = ["A", "B"]`, or `[params.author] name = "A"`.
      if let name = author["name"] { metadata.authors += name.strings } else { metadata.authors += author.strings }
    }
    metadata.subtitle = param("subtitle")?.description ?? ""
    metadata.description = param("description")?.description ?? ""
    // The site's cover: `cover`, else the first of `images` (what Hugo's opengraph template uses).
    metadata.cover = param("cover")?.description ?? param("images")?.strings.first ?? ""
    metadata.date = entries.compactMap(\.document.metadata.date).max()
    return Book(title: title, language: bookLanguage, metadata: metadata, entries: entries)
  }

  enum Node {
    case page(SitePage)
    case section(String)
  }

  /// A top-level section's weight in the site's `main` menu (configuration or the page's own `menu`), or nil.
  static func menuWeight(_ node: Node, site: Site, language: String, sectionPages: [String: SitePage]) -> Int? {
    let folder: String
    let page: SitePage?
    switch node {
    case .page(let p): folder = p.key; page = p
    case .section(let f): folder = f; page = sectionPages[f]
    }
    for entry in site.config.menus where entry.menu == "main" && (entry.language.isEmpty || entry.language == language) {
      let t = entry.target.trimmingCharacters(in: "/").lowercased()
      let target = t.hasSuffix("/_index.md") ? String(t.dropLast(10)) : t.hasSuffix(".md") ? String(t.dropLast(3)) : t
      if target == folder.lowercased() || (page.map { $0.permalink.trimmingCharacters(in: "/").lowercased() == t } ?? false) { return entry.weight }
    }
    if let menu = page?.document.metadata.param("menu") {
      if case .string(let s) = menu, s == "main" { return page?.document.metadata.weight ?? 0 }
      if case .list(let l) = menu, l.contains(.string("main")) { return page?.document.metadata.weight ?? 0 }
      if let main = menu["main"] {
        if case .integer(let w)? = main["weight"] { return w }
        return page?.document.metadata.weight ?? 0
      }
    }
    return nil
  }

  static func titleCase(_ name: String) -> String {
    let last = name.split(separator: "/").last.map(String.init) ?? name
    return last.replacingOccurrences(of: "-", with: " ").split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
  }
}
