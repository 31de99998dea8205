import Foundation

/// A Hugo project opened for export: its configuration, its pages read Hugo's way, its
/// shortcode mapping (from `imprenta.yaml` beside the configuration) and its files.
public struct HugoProject: Sendable {
  /// The site, read.
  public var site: Site
  /// Where pages' images and files are found (`static/`, bundles and content folders, `assets/`).
  public var resources: FileResources

  /// Whether `path` is the root of a Hugo project (`hugo.toml`, `config.yaml`, `config/_default/`…).
  public static func isProject(_ path: String) -> Bool {
    SiteConfigReader.configuration(in: path) != nil
  }

  /// Opens the project at `root`: reads the configuration, the shortcode mapping and every page.
  public init(root: String, options: SiteReader.Options, diagnostics: inout Diagnostics) throws {
    let config = try SiteConfigReader.read(root: root, diagnostics: &diagnostics)
    var reader = PageReader()
    let projectFile = root + "/imprenta.yaml"
    if FileSystem.linkStatus(projectFile).kind != .missing {
      reader.shortcodes = ShortcodeExpander(mapping: ShortcodeMapping.load(projectFile: projectFile, diagnostics: &diagnostics))
    }
    site = SiteReader(pageReader: reader, options: options).read(config, diagnostics: &diagnostics)
    var folders = [config.contentDir]
    for l in config.languages where !l.contentDir.isEmpty && !folders.contains(l.contentDir) { folders.append(l.contentDir) }
    // Only folders inside the site serve files (a contentDir leading out was refused by the reader).
    let site = ReadPolicy(roots: [root])
    folders = folders.filter { if case .success = site.resolve(root + "/" + $0) { return true } else { return false } }
    resources = FileResources(siteRoot: root, contentFolders: folders)
  }

  /// Every built page's document with links resolved against the pages exported one per file.
  public func documents(diagnostics: inout Diagnostics) -> [Document] {
    let resolver = SiteLinkResolver(site: site, exported: Set(site.pages.map(\.document.relativeName)))
    return site.pages.map { resolver.resolve($0, diagnostics: &diagnostics) }
  }

  /// One book per language (or only `languages`), of the top-level `sections` named (all when empty);
  /// links to pages in the same book become internal, others absolute on `baseURL`.
  public func books(sections: [String] = [], diagnostics: inout Diagnostics) -> [Book] {
    var books: [Book] = []
    for language in site.config.languages.map(\.code) where !site.pages(language: language).isEmpty {
      let draft = BookBuilder.book(of: site, language: language, sections: sections)
      let members = Set(draft.documents.map(\.relativeName))
      let resolver = SiteLinkResolver(site: site, exported: members)
      var resolved: [String: Document] = [:]
      for page in site.pages(language: language) where members.contains(page.document.relativeName) {
        resolved[page.document.relativeName] = resolver.resolve(page, diagnostics: &diagnostics)
      }
      books.append(BookBuilder.book(of: site, language: language, sections: sections, documents: resolved))
    }
    return books
  }

  /// The output name of the book of `language`: `book`, or `book.<lang>` on a multilingual site.
  public func bookName(language: String) -> String {
    site.config.isMultilingual ? "book." + language : "book"
  }
}
