import CLibXML2
import Foundation
import ImprentaModel

/// An SVG image made safe to package and draw: only an allow-list of SVG elements and attributes
/// survives (in the SVG namespace, whatever its prefix), so no script, event handler,
/// `foreignObject`, animation of an event or link attribute, external or `javascript:` reference,
/// or stylesheet import reaches an output.
///
/// libxml2 parses with no network, no DTD loading and no entity substitution; a document type
/// with an internal subset or any entity declaration is refused outright.
public enum SVGSanitizer {
  public static let svgNamespace = "http://www.w3.org/2000/svg"
  static let xlinkNamespace = "http://www.w3.org/1999/xlink"
  static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

  /// Clean SVG bytes and what was removed (one line each, for one warning).
  public struct Result: Sendable, Hashable {
    public var bytes: [UInt8]
    public var removed: [String]
  }

  /// Whether `bytes` must be served as a sanitized SVG: not a PNG, JPEG, GIF or WebP, and either
  /// XML (the first character after a byte order mark and whitespace is `<`) or holding `<svg` in
  /// its first 4 KB (more than the EPUB and PDF sniffers take for SVG).
  public static func looksLikeXML(_ bytes: [UInt8]) -> Bool {
    guard RasterSize.of(bytes) == nil, !bytes.starts(with: [0xFF, 0xD8]) else { return false }
    var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    while i < bytes.count, bytes[i] == 32 || bytes[i] == 9 || bytes[i] == 10 || bytes[i] == 13 { i += 1 }
    if i < bytes.count && bytes[i] == UInt8(ascii: "<") { return true }
    let svg = Array("<svg".utf8)
    let head = bytes.prefix(4096)
    return head.indices.contains { head[$0...].starts(with: svg) }
  }

  /// The safe form of an SVG image, or nil when it cannot be parsed or made safe (not SVG, too
  /// large, declares entities or an internal DTD subset).
  public static func sanitize(_ bytes: [UInt8]) -> Result? {
    guard bytes.count <= Budget.svgBytes.limit, !declaresEntities(bytes) else { return nil }
    let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)
    let parsed: xmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
      buf.withMemoryRebound(to: CChar.self) { xmlReadMemory($0.baseAddress, Int32(buf.count), "image.svg", nil, options) }
    }
    guard let doc = parsed else { return nil }
    defer { xmlFreeDoc(doc) }
    if let dtd = doc.pointee.intSubset {
      guard dtd.pointee.children == nil else { return nil }
      xmlUnlinkNode(UnsafeMutableRawPointer(dtd).assumingMemoryBound(to: xmlNode.self))
      xmlFreeDtd(dtd)
    }
    guard let root = xmlDocGetRootElement(doc), SVGAllowList.localName(root) == "svg", SVGAllowList.namespace(root) == svgNamespace else { return nil }
    var cleaner = SVGCleaner()
    cleaner.clean(children: UnsafeMutableRawPointer(doc).assumingMemoryBound(to: xmlNode.self), depth: 0)
    guard xmlDocGetRootElement(doc) != nil else { return nil }
    var memory: UnsafeMutablePointer<xmlChar>?
    var size: Int32 = 0
    xmlDocDumpMemoryEnc(doc, &memory, &size, "UTF-8")
    guard let memory else { return nil }
    defer { imprenta_xml_free(memory) }
    return Result(bytes: Array(UnsafeBufferPointer(start: memory, count: Int(size))), removed: cleaner.removed)
  }

  /// Whether the text declares entities or a document type's internal subset (`<!DOCTYPE x [`):
  /// refused before parsing (entity expansion, external entities).
  static func declaresEntities(_ bytes: [UInt8]) -> Bool {
    func lower(_ b: UInt8) -> UInt8 { b | 0x20 }
    let entity = Array("!entity".utf8), doctype = Array("!doctype".utf8)
    var i = 0
    while let lt = bytes[i...].firstIndex(of: UInt8(ascii: "<")) {
      i = lt + 1
      guard i < bytes.count, bytes[i] == UInt8(ascii: "!") else { continue }
      func word(_ w: [UInt8]) -> Bool { bytes.count >= i + w.count && zip(bytes[i..<(i + w.count)], w).allSatisfy { lower($0) == $1 || $0 == $1 } }
      if word(entity) { return true }
      if word(doctype) {
        var j = i
        var quote: UInt8?
        while j < bytes.count {
          let c = bytes[j]
          if let q = quote {
            if c == q { quote = nil }
          } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
            quote = c
          } else if c == UInt8(ascii: "[") {
            return true
          } else if c == UInt8(ascii: ">") {
            break
          }
          j += 1
        }
      }
    }
    return false
  }
}
