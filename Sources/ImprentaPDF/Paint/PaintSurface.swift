import ImprentaStyle

/// What the painter draws pages on: Cairo's PDF surface (or an image surface, in tests) or the
/// native PDF writer (`NativePDF`). Coordinates are points from the page's top-left corner, y
/// downwards. Tags open and close structure elements (`StructureLog` counts them in order);
/// the `ArtifactTag` names mark decorations.
protocol PaintSurface: AnyObject {
  var structure: StructureLog { get }
  func setPageSize(width: Double, height: Double)
  /// The label readers show for the current page.
  func setPageLabel(_ label: String)
  /// Ends the current page and starts the next.
  func showPage()
  func beginTag(_ name: String)
  func endTag(_ name: String)
  /// One link to the anchor `id` of this PDF over `rects` (one page's lines of the link).
  func link(_ rects: [Rect], toAnchor id: String)
  /// One link to a URI the caller has checked against `URLPolicy`.
  func link(_ rects: [Rect], uri: String)
  /// The named destination of the anchor `id`, at `y` on the current page.
  func destination(_ id: String, y: Double)
  /// A bookmark to the anchor `id` under the bookmark `parent` (0: top level); returns its id.
  func addOutline(parent: Int32, title: String, anchor id: String) -> Int32
  func fill(_ r: Rect, _ c: Color)
  func stroke(_ r: Rect, _ c: Color, width: Double)
  func line(x0: Double, y0: Double, x1: Double, y1: Double, width: Double, color: Color)
  /// Leader dots from `x0` to `x1` on `y`, one every 4 pt at multiples of 4.
  func dots(x0: Double, x1: Double, y: Double, color: Color)
  func circle(x: Double, y: Double, radius: Double, width: Double, color: Color)
  func dash(x0: Double, y0: Double, x1: Double, y1: Double, width: Double, color: Color)
  /// Line `line` of `block` with its start at `x` and its baseline at `baseline`.
  func text(_ block: TextBlock, line: Int, x: Double, baseline: Double)
  func image(_ image: LoadedImage, in r: Rect)
  /// The areas of the links the page will have (in the order `link` will be called), before its
  /// content is painted: a writer that knows them puts each link's text in its element.
  func willPaint(links: [[Rect]])
}

extension PaintSurface {
  func willPaint(links: [[Rect]]) {}
}
