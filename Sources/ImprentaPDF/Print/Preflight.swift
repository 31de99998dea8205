import ImprentaModel
import ImprentaStyle

/// What would spoil a print run, found on the laid-out pages (trim coordinates): images printed
/// below the style's resolution at their placed size, text and images inside the safety band at
/// the trim (they may be cut), and full-bleed images or backgrounds that cross the trim without
/// reaching the bleed's edge (a white line where the knife wanders). Fonts that are not embedded
/// are found in the written file (`QPDFPostProcessor.fontsNotEmbedded`).
///
/// Every finding is a warning with a `preflight-` code; images name their figure's file:line.
struct Preflight {
  let geometry: PrintGeometry
  let minPPI: Double
  let file: String
  /// Labels of the pages (`i`, `1`, …) for messages.
  let labels: [String]

  init(style: Style, geometry: PrintGeometry, file: String, labels: [String]) {
    self.geometry = geometry
    minPPI = style.print.minImagePPI
    self.file = file
    self.labels = labels
  }

  func label(_ i: Int) -> String { i < labels.count ? labels[i] : String(i + 1) }

  func check(_ layout: PageLayout, into diagnostics: inout Diagnostics) {
    var reported: Set<String> = []
    for (i, page) in layout.pages.enumerated() {
      let trim = Rect(x: 0, y: 0, width: page.width, height: page.height)
      let s = geometry.safetyMargin
      let safe = Rect(x: s, y: s, width: page.width - 2 * s, height: page.height - 2 * s)
      var textReported = false
      for item in page.items {
        switch item.kind {
        case .image(let r, let image):
          let source = layout.imageSources[ObjectIdentifier(image)]
          let range = source?.range ?? .unknown
          let name = source?.reference ?? "image"
          if case .bitmap = image.content, r.width > 0, r.height > 0 {
            let ppi = min(Double(image.pixelWidth) / (r.width / 72), Double(image.pixelHeight) / (r.height / 72))
            if ppi < minPPI - 0.5, reported.insert("ppi " + name).inserted {
              diagnostics.report(.preflightLowResolution,
                "image \(name) prints at \(Int(ppi.rounded())) ppi at its placed size (\(format(r.width / 72 * 25.4)) mm wide) on page \(label(i)); print needs \(Int(minPPI)) ppi",
                file: source?.file ?? file, at: range)
            }
          }
          edges(r, what: "image \(name)", page: i, trim: trim, safe: safe, range: range, into: &diagnostics)
        case .box(let r, let fill, _, _):
          if !fill.isNone, fill.alpha > 0 { edges(r, what: "background", page: i, trim: trim, safe: safe, range: .unknown, into: &diagnostics, onlyBleed: true) }
        case .text(let t):
          guard !textReported else { continue }
          let size = t.block.format.font.size
          let width = t.index < t.block.lines.count ? t.block.lines[t.index].width : 0
          let r = Rect(x: t.x, y: t.baseline - size * 0.8, width: width, height: size * 1.05)
          if width > 0, r.x < safe.x - 0.5 || r.maxX > safe.maxX + 0.5 || r.y < safe.y - 0.5 || r.maxY > safe.maxY + 0.5 {
            textReported = true
            diagnostics.report(.preflightTrimArea,
              "text \"\(String(t.text.prefix(30)))\" on page \(label(i)) comes within \(format(s / 72 * 25.4)) mm of the trim (or past it) and may be cut",
              file: file)
          }
        case .rule, .link, .anchor, .leader, .qrCode: break
        }
      }
    }
  }

  /// Reports `r` when it crosses the trim without reaching the bleed's edge, or (unless
  /// `onlyBleed`) when it stands in the safety band inside the trim.
  private func edges(_ r: Rect, what: String, page i: Int, trim: Rect, safe: Rect, range: SourceRange, into diagnostics: inout Diagnostics, onlyBleed: Bool = false) {
    let b = geometry.bleed
    let eps = 0.5
    // Each side: how far the item runs past the trim (negative: it stops inside), and whether
    // it enters the safety band.
    let past = [trim.x - r.x, r.maxX - trim.maxX, trim.y - r.y, r.maxY - trim.maxY]
    let band = [r.x < safe.x - eps, r.maxX > safe.maxX + eps, r.y < safe.y - eps, r.maxY > safe.maxY + eps]
    // Touching or crossing the trim means the item is meant to run off the page.
    let bleeding = past.indices.filter { past[$0] > -eps }
    if !bleeding.isEmpty {
      if b == 0 || bleeding.contains(where: { past[$0] < b - eps }) {
        let detail = b > 0 ? "not \(format(b / 72 * 25.4)) mm past it into the bleed" : "the style has no bleed (print.bleed)"
        diagnostics.report(.preflightMissingBleed, "\(what) on page \(label(i)) runs to the trim but \(detail): a white edge may show after trimming",
          file: file, at: range)
      }
      return
    }
    if !onlyBleed, band.contains(true) {
      diagnostics.report(.preflightTrimArea, "\(what) on page \(label(i)) comes within \(format(geometry.safetyMargin / 72 * 25.4)) mm of the trim and may be cut", file: file, at: range)
    }
  }

  private func format(_ v: Double) -> String {
    let r = (v * 10).rounded() / 10
    return r == r.rounded() ? String(Int(r)) : String(r)
  }
}
