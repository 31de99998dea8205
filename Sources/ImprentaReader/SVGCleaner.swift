import CLibXML2
import Foundation
import ImprentaModel

/// One walk over a parsed SVG, removing in place what the allow-list does not name.
struct SVGCleaner {
  /// What was removed, once per kind.
  private(set) var removed: [String] = []
  private var seen: Set<String> = []
  /// Bytes of text kept in `<text>` elements so far.
  private var textBytes = 0

  mutating func note(_ what: String) {
    if seen.insert(what).inserted { removed.append(what) }
  }

  mutating func remove(_ node: xmlNodePtr) {
    xmlUnlinkNode(node)
    xmlFreeNode(node)
  }

  /// Cleans the children of `parent`; libxml2 caps the depth (256) without `XML_PARSE_HUGE`.
  mutating func clean(children parent: xmlNodePtr, depth: Int) {
    var child = parent.pointee.children
    while let node = child {
      child = node.pointee.next
      switch node.pointee.type {
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        continue
      case XML_ELEMENT_NODE:
        if let why = refusal(of: node) {
          if !SVGAllowList.isEditorMetadata(node) { note(why) }
          remove(node)
          continue
        }
        if SVGAllowList.localName(node) == "text", let why = overTextBudget(node) {
          note(why)
          remove(node)
          continue
        }
        cleanAttributes(of: node)
        if SVGAllowList.localName(node) == "a" { unlink(node) }
        if depth > 300 {
          note("content nested too deep")
          remove(node)
          continue
        }
        clean(children: node, depth: depth + 1)
      case XML_ENTITY_REF_NODE:
        note("an entity reference")
        remove(node)
      case XML_PI_NODE:
        note("a processing instruction (<?…?>)")
        remove(node)
      case XML_COMMENT_NODE:
        remove(node)
      default:
        remove(node)
      }
    }
  }

  /// Why a `<text>` element is removed for its length (librsvg takes seconds, then minutes, to
  /// lay out a few kilobytes of one), or nil when it stays within the text budgets.
  mutating func overTextBudget(_ node: xmlNodePtr) -> String? {
    guard let content = xmlNodeGetContent(node) else { return nil }
    let count = strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))
    imprenta_xml_free(content)
    if count > Budget.svgTextBytes.limit { return "a text element of \(count) bytes \(Budget.svgTextBytes.clause)" }
    if textBytes + count > Budget.svgAllTextBytes.limit { return "text elements past \(Budget.svgAllTextBytes.limitDescription) of text \(Budget.svgAllTextBytes.clause)" }
    textBytes += count
    return nil
  }

  /// Why an element is removed with its content, or nil when it stays.
  func refusal(of node: xmlNodePtr) -> String? {
    let name = SVGAllowList.localName(node)
    guard SVGAllowList.namespace(node) == SVGSanitizer.svgNamespace else { return "a <\(name)> element outside the SVG namespace" }
    guard SVGAllowList.elements.contains(name) else { return "a <\(name)> element" }
    if SVGAllowList.animations.contains(name) {
      let target = (SVGAllowList.attribute(node, "attributeName") ?? "").lowercased()
      if target.hasPrefix("on") || target.hasSuffix("href") || target.contains(":") || target == "style" {
        return "an animation of the \(target) attribute"
      }
    }
    if name == "style", let css = SVGAllowList.textContent(node), let why = SVGAllowList.cssRefusal(css) {
      return "a <style> with \(why)"
    }
    if let why = SVGCleaner.filterReachRefusal(node, name) { return why }
    if name == "image" || name == "feImage" {
      let href = SVGAllowList.attribute(node, "href", namespace: SVGSanitizer.xlinkNamespace) ?? SVGAllowList.attribute(node, "href") ?? ""
      if let why = SVGAllowList.hrefRefusal(href) { return "an <\(name)> with \(why)" }
    }
    return nil
  }

  /// Why a filter primitive is removed for what it would cost librsvg to apply (`svg-filter-reach`):
  /// a morphology radius, a convolution order or turbulence octaves past the budget (numbers in
  /// the attribute: one, or two for x and y).
  static func filterReachRefusal(_ node: xmlNodePtr, _ name: String) -> String? {
    let attribute: String
    switch name {
    case "feMorphology": attribute = "radius"
    case "feConvolveMatrix": attribute = "order"
    case "feTurbulence": attribute = "numOctaves"
    default: return nil
    }
    guard let value = SVGAllowList.attribute(node, attribute) else { return nil }
    let numbers = value.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" }).map { Double($0).flatMap { $0.isFinite ? $0 : nil } ?? .infinity }
    guard let reach = numbers.map(abs).max(), reach > Double(Budget.svgFilterReach.limit) else { return nil }
    return "an <\(name)> with \(attribute) \(value.prefix(20)) \(Budget.svgFilterReach.clause)"
  }

  /// An image's links lead nowhere a book can go: `<a>` becomes the group it draws as.
  mutating func unlink(_ node: xmlNodePtr) {
    xmlUnsetProp(node, "href")
    xmlUnsetNsProp(node, xmlSearchNsByHref(node.pointee.doc, node, SVGSanitizer.xlinkNamespace), "href")
    xmlNodeSetName(node, "g")
  }

  /// Removes every attribute of `node` the allow-list does not name, or whose value refers out.
  mutating func cleanAttributes(of node: xmlNodePtr) {
    var attribute = node.pointee.properties
    while let a = attribute {
      attribute = a.pointee.next
      let name = a.pointee.name.map { String(cString: $0) } ?? ""
      let ns = a.pointee.ns?.pointee.href.map { String(cString: $0) }
      let value = SVGAllowList.value(a)
      var why: String?
      var quiet = false  // editors' own attributes (Inkscape, Illustrator's data-name) go without a word
      if name.lowercased().hasPrefix("on") {
        why = "an event handler attribute (\(name))"
      } else if name == "href" && (ns == nil || ns == SVGSanitizer.xlinkNamespace) {
        why = SVGAllowList.hrefRefusal(value).map { "an href with \($0)" }
      } else if let ns, ns != SVGSanitizer.xmlNamespace && !(ns == SVGSanitizer.xlinkNamespace && name == "title") {
        why = "an attribute outside the SVG namespace (\(name))"
        quiet = !value.lowercased().contains("url(") && !value.lowercased().contains("script")
      } else if ns == nil && !SVGAllowList.attributes.contains(name) {
        why = "a \(name) attribute"
        quiet = !value.lowercased().contains("url(") && !value.lowercased().contains("script")
      } else if name == "style" {
        why = SVGAllowList.cssRefusal(value).map { "a style attribute with \($0)" }
      } else if let ref = SVGAllowList.cssRefusal(value, urlsOnly: true) {
        why = "a \(name) attribute with \(ref)"
      }
      if let why {
        if !quiet { note(why) }
        xmlRemoveProp(a)
      }
    }
  }
}
