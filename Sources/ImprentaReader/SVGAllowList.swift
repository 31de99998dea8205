import CLibXML2
import Foundation
import ImprentaModel

/// What an SVG may keep (`SVGSanitizer`): elements, attributes, references and CSS.
enum SVGAllowList {
  /// SVG elements kept (local names in the SVG namespace). No `script`, `foreignObject`,
  /// `iframe`, `handler`, `listener`, `discard`, `cursor` or `font-face-uri`.
  static let elements: Set<String> = Set<String>([
    "svg", "g", "defs", "symbol", "use", "desc", "title", "switch", "a", "view", "style",
    "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "image",
    "text", "tspan", "textPath",
    "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker",
    "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix",
    "feDiffuseLighting", "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA",
    "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur", "feImage", "feMerge", "feMergeNode",
    "feMorphology", "feOffset", "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
  ]).union(animations)

  /// Animation elements: kept unless they animate an event handler, a link or a style.
  static let animations: Set<String> = ["animate", "animateTransform", "animateMotion", "set", "mpath"]

  /// Attributes kept (with no namespace); `href` and `xlink:href` are checked on their own.
  static let attributes: Set<String> = [
    "id", "class", "style", "lang", "transform", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry",
    "width", "height", "d", "points", "pathLength", "viewBox", "preserveAspectRatio", "version", "baseProfile",
    "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin",
    "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset", "stroke-opacity", "opacity", "color", "display",
    "visibility", "overflow", "clip", "clip-path", "clip-rule", "mask", "filter", "font", "font-family", "font-size",
    "font-size-adjust", "font-weight", "font-style", "font-variant", "font-stretch", "text-anchor",
    "dominant-baseline", "alignment-baseline", "baseline-shift", "letter-spacing", "word-spacing",
    "text-decoration", "writing-mode", "direction", "unicode-bidi", "dx", "dy", "rotate", "textLength",
    "lengthAdjust", "startOffset", "method", "spacing", "side", "offset", "stop-color", "stop-opacity",
    "gradientUnits", "gradientTransform", "spreadMethod", "fx", "fy", "fr", "patternUnits", "patternContentUnits",
    "patternTransform", "clipPathUnits", "maskUnits", "maskContentUnits", "markerWidth", "markerHeight",
    "markerUnits", "refX", "refY", "orient", "marker", "marker-start", "marker-mid", "marker-end", "filterUnits",
    "primitiveUnits", "in", "in2", "result", "stdDeviation", "mode", "type", "values", "operator", "k1", "k2", "k3",
    "k4", "flood-color", "flood-opacity", "lighting-color", "surfaceScale", "diffuseConstant", "specularConstant",
    "specularExponent", "kernelMatrix", "kernelUnitLength", "order", "divisor", "bias", "targetX", "targetY",
    "edgeMode", "preserveAlpha", "scale", "xChannelSelector", "yChannelSelector", "radius", "baseFrequency",
    "numOctaves", "seed", "stitchTiles", "azimuth", "elevation", "pointsAtX", "pointsAtY", "pointsAtZ", "z",
    "limitingConeAngle", "tableValues", "slope", "intercept", "amplitude", "exponent", "color-interpolation",
    "color-interpolation-filters", "color-rendering", "shape-rendering", "text-rendering", "image-rendering",
    "vector-effect", "paint-order", "mix-blend-mode", "isolation", "enable-background", "systemLanguage",
    "requiredFeatures", "requiredExtensions", "role", "aria-label", "aria-hidden", "aria-labelledby",
    "aria-describedby", "focusable", "media",
    "attributeName", "attributeType", "begin", "dur", "end", "min", "max", "restart", "repeatCount", "repeatDur",
    "calcMode", "keyTimes", "keySplines", "keyPoints", "from", "to", "by", "additive", "accumulate", "path",
  ]

  /// Namespaces of what drawing programs keep for themselves (Inkscape, Sodipodi, RDF metadata).
  static let editorNamespaces: Set<String> = [
    "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd", "http://www.inkscape.org/namespaces/inkscape",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://creativecommons.org/ns#", "http://purl.org/dc/elements/1.1/",
    "http://ns.adobe.com/AdobeIllustrator/10.0/", "http://ns.adobe.com/SaveForWeb/1.0/",
  ]

  /// Whether `node` is a drawing program's metadata (`<metadata>`, `sodipodi:namedview`…): removed
  /// without a warning, as it never drew anything.
  static func isEditorMetadata(_ node: xmlNodePtr) -> Bool {
    let ns = namespace(node)
    return (ns == SVGSanitizer.svgNamespace && localName(node) == "metadata") || ns.map(editorNamespaces.contains) == true
  }

  static func localName(_ node: xmlNodePtr) -> String {
    node.pointee.name.map { String(cString: $0) } ?? ""
  }

  static func namespace(_ node: xmlNodePtr) -> String? {
    node.pointee.ns?.pointee.href.map { String(cString: $0) }
  }

  /// The value of attribute `name` (in `namespace`, or in none).
  static func attribute(_ node: xmlNodePtr, _ name: String, namespace: String? = nil) -> String? {
    guard let v = namespace.map({ xmlGetNsProp(node, name, $0) }) ?? xmlGetNoNsProp(node, name) else { return nil }
    defer { imprenta_xml_free(v) }
    return String(cString: v)
  }

  static func value(_ attribute: xmlAttrPtr) -> String {
    guard let v = xmlNodeGetContent(UnsafeMutableRawPointer(attribute).assumingMemoryBound(to: xmlNode.self)) else { return "" }
    defer { imprenta_xml_free(v) }
    return String(cString: v)
  }

  static func textContent(_ node: xmlNodePtr) -> String? {
    guard let v = xmlNodeGetContent(node) else { return nil }
    defer { imprenta_xml_free(v) }
    return String(cString: v)
  }

  /// Why a reference may not stay, or nil: only `#fragment` and `data:` raster images whose
  /// header size is within `Budget.imagePixels`.
  static func hrefRefusal(_ href: String) -> String? {
    switch URLPolicy.classify(href) {
    case .fragment:
      return nil
    case .dataImage:
      guard let bytes = dataBytes(href), let size = RasterSize.of(bytes) else { return "an unreadable data: image" }
      guard size.width * size.height <= Budget.imagePixels.limit else {
        return "a data: image of \(size.width)×\(size.height) pixels \(Budget.imagePixels.clause)"
      }
      return nil
    case .remote:
      return "a remote reference (\(href.prefix(80)))"
    case .refused(let why):
      return "a refused reference (\(why))"
    case .relative, .internalPage:
      return "an external reference (\(href.prefix(80)))"
    }
  }

  /// The decoded bytes of a base64 `data:` URL.
  static func dataBytes(_ url: String) -> [UInt8]? {
    guard let comma = url.firstIndex(of: ","), url[..<comma].lowercased().hasSuffix(";base64") else { return nil }
    let payload = url[url.index(after: comma)...].filter { !$0.isWhitespace }
    return Data(base64Encoded: String(payload), options: .ignoreUnknownCharacters).map { [UInt8]($0) }
  }

  /// Why CSS may not stay, or nil: no `@import`, no `url(` to anything but `#fragment`, no escapes
  /// (they could spell either), no `expression(`, `javascript:` or bindings. With `urlsOnly`,
  /// only the references are checked (presentation attributes like `fill="url(#g)"`).
  static func cssRefusal(_ css: String, urlsOnly: Bool = false) -> String? {
    let lower = css.lowercased()
    guard lower.contains("url(") || lower.contains("\\") || !urlsOnly else { return nil }
    if lower.contains("\\") { return "a CSS escape" }
    if !urlsOnly {
      for word in ["@import", "expression(", "javascript:", "-moz-binding", "behavior:", "image-set(", "@font-face"] where lower.contains(word) {
        return word.hasPrefix("@") ? word : "\(word.trimmingCharacters(in: "(:")) in CSS"
      }
    }
    var rest = lower[...]
    while let r = rest.range(of: "url(") {
      let after = rest[r.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\"" || $0 == "'" }
      if !after.hasPrefix("#") { return "a url( to something other than #fragment" }
      rest = rest[r.upperBound...]
    }
    return nil
  }
}
