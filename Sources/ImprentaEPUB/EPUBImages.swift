import ImprentaHTML
import ImprentaModel

/// An image inside the package.
struct PackagedImage {
  /// Manifest id.
  var id: String
  /// Path inside `OEBPS/` (`images/banner.png`).
  var href: String
  var mediaType: MediaType
  var bytes: [UInt8]
}

/// The images of a book: asked of the environment's resources only (never opened here), typed from
/// their bytes, named after their path in the site so names are stable between runs.
final class EPUBImages {
  let resources: any ResourceProvider
  private(set) var images: [PackagedImage] = []
  private var byName: [String: Int] = [:]
  private var usedHrefs: Set<String> = []
  /// Images that could not be packaged (missing, refused, not an image).
  private(set) var failures = 0

  init(resources: any ResourceProvider) { self.resources = resources }

  /// What a content document in `OEBPS/text/` should write in `src` for `image`.
  func resolve(_ image: Image, in document: Document) -> ImageResolution {
    switch add(image.source, for: document, at: image.range) {
    case .success(let i): return .source("../" + images[i].href)
    case .failure(let failure):
      failures += 1
      return failure.resolution
    }
  }

  struct Failure: Error {
    var resolution: ImageResolution
  }

  /// Packages the file `reference` of `document` (once per file), or says why not.
  func add(_ reference: String, for document: Document, at range: SourceRange = .unknown) -> Result<Int, Failure> {
    switch resources.resource(reference, for: document) {
    case .missing(let why):
      return .failure(Failure(resolution: .missing(why)))
    case .refused(let why):
      return .failure(Failure(resolution: .refused(why)))
    case .found(let resource):
      if let i = byName[resource.name] { return .success(i) }
      guard let type = MediaType.sniff(resource.bytes) else {
        return .failure(Failure(resolution: .unsupported("\(resource.name) is not a PNG, JPEG, GIF or SVG image")))
      }
      guard type.isCoreMediaType else {
        return .failure(Failure(resolution: .unsupported("\(resource.name) is a \(type.rawValue) image, which EPUB 3.2 readers need not show")))
      }
      // SVG arrives clean from the resources; what was removed was reported by the content check.
      let href = uniqueHref(for: resource.name, type: type)
      images.append(PackagedImage(id: "img-\(images.count + 1)", href: href, mediaType: type, bytes: resource.bytes))
      byName[resource.name] = images.count - 1
      return .success(images.count - 1)
    }
  }

  /// `images/<safe name>.<extension of its real type>`, unique in the book.
  private func uniqueHref(for name: String, type: MediaType) -> String {
    var stem = name.split(separator: "/").last.map(String.init) ?? "image"
    if let dot = stem.lastIndex(of: "."), dot != stem.startIndex { stem = String(stem[..<dot]) }
    let safe = EPUBNames.safe(stem, fallback: "image")
    var href = "images/\(safe).\(type.fileExtension)"
    var n = 2
    while usedHrefs.contains(href) {
      href = "images/\(safe)-\(n).\(type.fileExtension)"
      n += 1
    }
    usedHrefs.insert(href)
    return href
  }
}

/// File names inside the package: ASCII letters, digits, `-` and `_` only.
enum EPUBNames {
  static func safe(_ text: String, fallback: String) -> String {
    var out = ""
    for s in text.lowercased().unicodeScalars {
      if (s >= "a" && s <= "z") || (s >= "0" && s <= "9") || s == "_" {
        out.unicodeScalars.append(s)
      } else if !out.hasSuffix("-") && !out.isEmpty {
        out += "-"
      }
    }
    while out.hasSuffix("-") { out.removeLast() }
    return out.isEmpty ? fallback : String(out.prefix(60))
  }
}
