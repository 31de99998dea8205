import Foundation

/// A Hugo project opened for export: its configuration, its pages read Hugo's way, its
/// shortcode mapping (from `imprenta.yaml` beside the configuration) and its files.
public struct HugoProject: Sendable {
  /// The site, read.
  public var site: Site
  /// Where pages' images and files are found (`static/`, bundles and content folders, `assets/`).
  public var resources: FileResources
  /// What every output of the site depends on besides its own pages: the configuration's text
  /// and the site's structure (every page's name, address and listing), hashed into build keys.
  public var fingerprint: String

  /// Whether `path` is the root of a Hugo project (`hugo.toml`, `config.yaml`, `config/_default/`…).
  public static func isProject(_ path: String) -> Bool {
    SiteConfigReader.isSite(path)
  }

  /// Opens the project at `root`: reads the configuration for `environment`, the shortcode
  /// mapping and every page (`jobs` at once).
  public init(root: String, environment: String = "production", options: SiteReader.Options, diagnostics: inout Diagnostics) throws {
    let config = try SiteConfigReader.read(root: root, environment: environment, diagnostics: &diagnostics)
    var reader = PageReader()
    let projectFile = root + "/imprenta.yaml"
    if FileSystem.linkStatus(projectFile).kind != .missing {
      reader.shortcodes = ShortcodeExpander(mapping: ShortcodeMapping.load(projectFile: projectFile, diagnostics: &diagnostics))
    }
    site = SiteReader(pageReader: reader, options: options).read(config, diagnostics: &diagnostics)
    // Only folders inside the site serve files (a mount leading out was refused by the reader).
    let inside = ReadPolicy(roots: [root])
    var folders: [String] = []
    for mount in config.contentMounts where !folders.contains(mount.source) {
      if case .success = inside.resolve(root + "/" + mount.source) { folders.append(mount.source) }
    }
    resources = FileResources(siteRoot: root, contentFolders: folders.isEmpty ? [config.contentDir] : folders)
    var hasher = BuildKey.Hasher()
    for file in config.files {
      hasher.add("config:" + file, (try? inside.read(file, budget: .configBytes)) ?? [])
    }
    hasher.add("environment", environment)
    for page in site.pages {
      hasher.add("page", "\(page.document.relativeName) \(page.permalink) \(page.isListed) \(page.document.metadata.title) \(page.document.metadata.language)")
    }
    fingerprint = hasher.finalize()
  }

  /// Every built page's document with links resolved against the pages exported one per file.
  public func documents(diagnostics: inout Diagnostics) -> [Document] {
    let resolver = SiteLinkResolver(site: site, exported: Set(site.pages.map(\.document.relativeName)))
    return site.pages.map { resolver.resolve($0, diagnostics: &diagnostics) }
  }

  /// One book per language, of the top-level `sections` named (all when empty); links to pages
  /// in the same book become internal, others absolute on `baseURL`.
  public func books(sections: [String] = [], diagnostics: inout Diagnostics) -> [(language: String, book: Book)] {
    var books: [(String, Book)] = []
    for language in site.config.languages.map(\.code) where !site.pages(language: language).isEmpty {
      let draft = BookBuilder.book(of: site, language: language, sections: sections)
      let members = Set(draft.documents.map(\.relativeName))
      let resolver = SiteLinkResolver(site: site, exported: members)
      var resolved: [String: Document] = [:]
      for page in site.pages(language: language) where members.contains(page.document.relativeName) {
        resolved[page.document.relativeName] = resolver.resolve(page, diagnostics: &diagnostics)
      }
      books.append((language, BookBuilder.book(of: site, language: language, sections: sections, documents: resolved)))
    }
    return books
  }

  /// The output name of the book of `language`: `book`, or `book.<lang>` on a multilingual site.
  public func bookName(language: String) -> String {
    site.config.isMultilingual ? "book." + language : "book"
  }
}
