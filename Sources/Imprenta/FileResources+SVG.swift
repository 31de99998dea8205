import ImprentaModel
import ImprentaReader

extension FileResources {
  /// Every file served that is XML is served as a clean SVG (`SVGSanitizer`), so EPUB and PDF
  /// never see a script, an event handler or a remote reference; what was removed becomes one
  /// note. XML that is not SVG, or SVG that cannot be made safe, is refused.
  func sanitized(_ resource: Resource) -> ResourceLookup {
    guard SVGSanitizer.looksLikeXML(resource.bytes) else { return .found(resource) }
    guard let clean = SVGSanitizer.sanitize(resource.bytes) else {
      return .refused("\(resource.name) is not an SVG image that can be made safe (not SVG, over \(Budget.svgBytes.limitDescription), or it declares entities)")
    }
    var out = resource
    out.bytes = clean.bytes
    if !clean.removed.isEmpty {
      out.notes.append("the SVG image \(resource.name) had content removed: " + clean.removed.joined(separator: "; "))
    }
    return .found(out)
  }
}
