import Foundation

extension BatchPlan.Unit {
  /// A unit's pages, read: the documents and their source bytes (for build keys), in order.
  struct Read {
    var documents: [Document] = []
    var bytes: [[UInt8]] = []
    var diagnostics = Diagnostics()
  }

  /// Reads every page of the unit under the read policy, as `build` and `check` both do. A Hugo
  /// site's pages were read whole when the plan was made; their bytes are read again only for
  /// the build key. Figures without alternative text take one from `altText` (the style's
  /// `accessibility.alt_from`), here once for every format and the content check.
  func read(fallbackLanguage: String, includeDrafts: Bool, altText: AltTextSource = .none) -> Read {
    var out = readPages(fallbackLanguage: fallbackLanguage, includeDrafts: includeDrafts)
    out.documents = out.documents.map { $0.fillingAltText(from: altText, defaultLanguage: fallbackLanguage) }
    return out
  }

  private func readPages(fallbackLanguage: String, includeDrafts: Bool) -> Read {
    var out = Read()
    let policy = ReadPolicy(roots: [pages[0].root])
    if let prepared {
      out.documents = prepared.documents.filter { !$0.sourcePath.isEmpty }
      out.bytes = out.documents.map { (try? policy.read($0.sourcePath, budget: .pageBytes)) ?? [] }
      return out
    }
    var reader = PageReader()
    reader.shortcodes = shortcodes
    for page in pages {
      var d = Diagnostics()
      do {
        let data = try policy.read(page.path, budget: .pageBytes)
        var document = try reader.read(bytes: data, path: page.path, relativeName: page.relativeName, diagnostics: &d)
        if document.metadata.draft && !includeDrafts {
          d.report(.draftSkipped, "draft page skipped (use --drafts to export it)", file: page.path)
          out.diagnostics.append(contentsOf: d)
          continue
        }
        publication.apply(to: &document, fallbackLanguage: fallbackLanguage)
        document = siblings.resolve(document)
        out.documents.append(document)
        out.bytes.append(data)
      } catch let e as ReadRefusal {
        d.report(e.error().diagnostic)
      } catch let e as ImprentaError {
        d.report(e.diagnostic)
      } catch {
        d.report(.readFailed, "\(error)", file: page.path)
      }
      out.diagnostics.append(contentsOf: d)
    }
    return out
  }

  /// The unit's documents as one book, when it is one (a site's book prepared with the plan
  /// takes the same alternative texts as `read`).
  func book(of documents: [Document], altText: AltTextSource = .none) -> Book? {
    if let prepared { return prepared.book?.fillingAltText(from: altText) }
    return publication.book ? publication.book(of: documents) : nil
  }

  /// Where the unit's images and files are found.
  var resources: FileResources {
    prepared?.resources ?? FileResources.forPages(root: pages[0].root, project: projectFolder)
  }

  /// The content check of the unit's documents (links to pages outside the export may point
  /// anywhere in the project).
  func contentCheck(projectFolder: String) -> ContentCheck {
    var content = ContentCheck(resources: resources, pages: [])
    content.linkRoots = [projectFolder]
    return content
  }
}
