import ImprentaModel
import ImprentaStyle

extension PDFLayouter {
  /// An embed (video, post, gist, a `qr` shortcode) cannot play on paper: a framed card with a
  /// QR code of its URL, its title and the URL itself, the whole card a link.
  mutating func renderEmbed(_ e: Embed) {
    let pad = style.code.padding.points(em: baseSize)
    let qr = QRCode(e.url)
    let qrSide = qr == nil ? 0 : min(72, width / 4)
    let textX = indent + pad + (qr == nil ? 0 : qrSide + pad)
    let textWidth = max(40, width - (textX - indent) - pad)
    let tags = tagStack + [StructureTag(name: "Div", id: nextID())]
    var text = AttributedText()
    var titleFont = bodyFont()
    titleFont.weight = 700
    if e.kind != .qr || !e.title.isEmpty {
      // The URL is printed below: an untitled card is headed by the URL's host, not the URL twice.
      text.append(e.title.isEmpty ? PDFLayouter.host(of: e.url) ?? e.url : e.title)
    }
    var lines = lineSlices(text, format: ParagraphFormat(font: titleFont, width: textWidth, align: .left, lineHeight: 1.3), x: textX, tags: tags)
    var urlText = AttributedText()
    urlText.append(e.url)
    var urlFont = bodyFont()
    urlFont.size *= 0.85
    urlFont.color = style.link.color
    lines += lineSlices(urlText, format: ParagraphFormat(font: urlFont, width: textWidth, align: .left, lineHeight: 1.3, breakAnywhere: true), x: textX, tags: tags)
    // One slice: the card is never split.
    var items: [PageItem] = []
    var y = pad
    for line in lines {
      items += line.items.map { $0.offsetBy(dx: 0, dy: y) }
      y += line.height
    }
    let height = max(y, qrSide + pad) + pad
    items.insert(PageItem(.box(Rect(x: indent, y: 0, width: width, height: height), fill: style.code.background, stroke: style.table.ruleColor, group: nextID())), at: 0)
    if let qr {
      items.append(PageItem(.qrCode(Rect(x: indent + pad, y: pad + max(0, (height - 2 * pad - qrSide) / 2), width: qrSide, height: qrSide), qr), tags: tags))
    }
    if e.kind != .qr, e.url.contains("://") {
      switch InlineBuilder.linkKind(e.url) {
      case .link: items.append(PageItem(.link(Rect(x: indent, y: 0, width: width, height: height), destination: e.url)))
      case .none: break
      case .refused(let why): reportRefusedLink(e.url, reason: why, at: e.range)
      case .overBudget: reportRefusedLink(e.url, reason: "", at: e.range)
      }
    }
    space(style.paragraph.spaceAfter.points(em: baseSize))
    emit(Slice(height: height, items: items))
    space(style.paragraph.spaceAfter.points(em: baseSize))
  }

  /// The host of an http(s) URL (`docs.google.com`), or nil.
  static func host(of url: String) -> String? {
    guard let scheme = url.range(of: "://"), ["http", "https"].contains(url[..<scheme.lowerBound].lowercased()) else { return nil }
    let rest = url[scheme.upperBound...]
    let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    let host = authority.split(separator: "@").last.map { $0.prefix { $0 != ":" } } ?? ""
    return host.isEmpty ? nil : String(host)
  }
}
