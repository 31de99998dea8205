import Foundation
import ImprentaHTML
import ImprentaModel
import ImprentaStyle

/// What the book's accessibility metadata may claim, from what was actually rendered.
struct AccessibilityFacts {
  /// Images shown in the book.
  var images = 0
  /// Images without usable alt text (marked decorative), or left out.
  var undescribedImages = 0
  /// Whether text colours reach WCAG AA contrast (4.5:1) on white.
  var contrastMeetsAA = true
  /// Whether rendering reported anything (dropped or approximated content).
  var hadWarnings = false

  /// EPUB Accessibility 1.1 conformance is claimed only when nothing was dropped or left undescribed.
  var earnsConformance: Bool { undescribedImages == 0 && contrastMeetsAA && !hadWarnings }

  /// WCAG 2 contrast ratio of a colour on white.
  static func contrastOnWhite(_ c: Color) -> Double {
    func linear(_ v: Double) -> Double { v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4) }
    let l = 0.2126 * linear(c.red) + 0.7152 * linear(c.green) + 0.0722 * linear(c.blue)
    return 1.05 / (l + 0.05)
  }
}

/// The package document (`content.opf`): metadata, manifest, spine.
struct EPUBPackageDocument {
  struct Item {
    var id: String
    var href: String
    var mediaType: String
    var properties: String = ""
  }

  var identifier: String
  var title: String
  var subtitle: String
  var language: String
  var creators: [String]
  var date: PageDate?
  var modified: PageDate
  var description: String
  var subjects: [String]
  var accessibility: AccessibilityFacts
  /// The printed edition the page-break markers come from, when there are any.
  var pageBreakSource: String? = nil
  var items: [Item]
  var spine: [String]
  var coverImageID: String?
  /// The book's writing direction: a right-to-left book turns its pages right to left.
  var direction: WritingDirection = .ltr
  /// The words of the accessibility summary, in the book's language.
  var localization: Localization = .english

  func xml() -> [UInt8] {
    var metadata: [XMLElementValue] = [
      XMLElementValue("dc:identifier", ["id": "pub-id"], text: identifier),
      XMLElementValue("dc:title", ["id": "title"], text: title),
    ]
    if !subtitle.isEmpty {
      metadata.append(XMLElementValue("dc:title", ["id": "subtitle"], text: subtitle))
      metadata.append(XMLElementValue("meta", ["refines": "#title", "property": "title-type"], text: "main"))
      metadata.append(XMLElementValue("meta", ["refines": "#subtitle", "property": "title-type"], text: "subtitle"))
    }
    metadata.append(XMLElementValue("dc:language", text: language))
    for (i, creator) in creators.enumerated() {
      metadata.append(XMLElementValue("dc:creator", ["id": "creator-\(i + 1)"], text: creator))
      metadata.append(XMLElementValue("meta", ["refines": "#creator-\(i + 1)", "property": "role", "scheme": "marc:relators"], text: "aut"))
    }
    if let date { metadata.append(XMLElementValue("dc:date", text: date.isoDay)) }
    if !description.isEmpty { metadata.append(XMLElementValue("dc:description", text: description)) }
    for subject in subjects { metadata.append(XMLElementValue("dc:subject", text: subject)) }
    if let source = pageBreakSource {
      // The page-break source, as EPUB 3.2 says it: the print edition, the source of pagination.
      // (EPUB Accessibility 1.1's `a11y:pageBreakSource` is refused by epubcheck 4.)
      metadata.append(XMLElementValue("dc:source", ["id": "page-break-source"], text: source))
      metadata.append(XMLElementValue("meta", ["refines": "#page-break-source", "property": "source-of"], text: "pagination"))
    }
    metadata.append(XMLElementValue("meta", ["property": "dcterms:modified"], text: PageDate(secondsSince1970: modified.secondsSince1970).text))
    metadata += accessibilityMetadata()
    if let coverImageID { metadata.append(XMLElementValue("meta", ["name": "cover", "content": coverImageID])) }

    let manifest = items.map { item -> XMLElementValue in
      var e = XMLElementValue("item", ["id": item.id, "href": item.href, "media-type": item.mediaType])
      if !item.properties.isEmpty { e.set("properties", item.properties) }
      return e
    }
    var spineElement = XMLElementValue("spine", ["toc": "ncx"], spine.map { XMLElementValue("itemref", ["idref": $0]) })
    if direction == .rtl { spineElement.set("page-progression-direction", "rtl") }
    let root = XMLElementValue("package", [
      "xmlns": "http://www.idpf.org/2007/opf", "version": "3.0", "unique-identifier": "pub-id", "xml:lang": language,
    ], [
      XMLElementValue("metadata", ["xmlns:dc": "http://purl.org/dc/elements/1.1/"], metadata),
      XMLElementValue("manifest", [:], manifest),
      spineElement,
    ])
    return root.serialize()
  }

  /// Schema.org accessibility properties (EPUB Accessibility 1.1), claiming only what holds.
  func accessibilityMetadata() -> [XMLElementValue] {
    let a = accessibility
    func meta(_ property: String, _ value: String) -> XMLElementValue { XMLElementValue("meta", ["property": property], text: value) }
    var out = [meta("schema:accessMode", "textual")]
    if a.images > 0 { out.append(meta("schema:accessMode", "visual")) }
    if a.undescribedImages == 0 { out.append(meta("schema:accessModeSufficient", "textual")) }
    if a.images > 0 { out.append(meta("schema:accessModeSufficient", "textual,visual")) }
    for feature in ["structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability"] {
      out.append(meta("schema:accessibilityFeature", feature))
    }
    if pageBreakSource != nil {
      out.append(meta("schema:accessibilityFeature", "pageBreakMarkers"))
      out.append(meta("schema:accessibilityFeature", "pageNavigation"))
    }
    if a.images > 0 && a.undescribedImages == 0 { out.append(meta("schema:accessibilityFeature", "alternativeText")) }
    out.append(meta("schema:accessibilityHazard", "none"))
    let words = localization
    var summary = words.accessibilitySummary
    if a.images > 0 || a.undescribedImages > 0 {
      summary += " " + (a.undescribedImages == 0 ? words.imagesDescribed : words.imagesUndescribed.replacing("{n}", with: String(a.undescribedImages)))
    }
    if a.earnsConformance {
      summary += " " + words.checkedConformance
      out.append(meta("dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"))
      out.append(meta("a11y:certifiedBy", "Imprenta (automated checks)"))
    }
    out.append(meta("schema:accessibilitySummary", summary))
    return out
  }
}
