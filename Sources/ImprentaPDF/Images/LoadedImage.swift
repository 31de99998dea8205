import Synchronization
import ImprentaModel

/// A bitmap kept as its file's bytes until it is painted: layout needs only its size, and a
/// document of many large images must not hold all of them decoded at once.
final class BitmapSource {
  let bytes: [UInt8]
  let header: ImageHeader

  init(bytes: [UInt8], header: ImageHeader) {
    self.bytes = bytes
    self.header = header
  }

  /// Whether a PDF embeds the file as it is (a JPEG of 1, 3 or 4 components), never decoding it.
  var embedsAsIs: Bool { header.format == .jpeg && [1, 3, 4].contains(header.components) }

  /// The surface decoded to check the image, kept for its first painting while all such kept
  /// surfaces of the process stay under `keptPixels` (16 MP, 64 MB): a page's few small images are
  /// decoded once; many or large ones are decoded again to paint, so memory stays flat.
  private var checked: CairoImage?
  static let keptPixels = 16_000_000
  private static let kept = Mutex(0)

  deinit { release() }

  private func release() {
    guard let c = checked else { return }
    checked = nil
    BitmapSource.kept.withLock { $0 -= c.width * c.height }
  }

  /// A surface to paint now: decoded, or for a JPEG in a PDF only sized. Released by the caller
  /// after painting.
  func surface(forPDF: Bool) -> CairoImage? {
    if forPDF, let kept = checked {
      release()
      return kept
    }
    return CairoImage(bytes: bytes, header: header, uniqueID: "imprenta-\(UInt(bitPattern: ObjectIdentifier(self).hashValue))", embedOnly: forPDF && embedsAsIs)
  }

  /// Decodes the image to check it; keeps the result for painting when it is small.
  func check() -> CairoImage? {
    let surface = self.surface(forPDF: false)
    if let surface, checked == nil {
      let pixels = surface.width * surface.height
      let keep = BitmapSource.kept.withLock { total -> Bool in
        guard total + pixels <= BitmapSource.keptPixels else { return false }
        total += pixels
        return true
      }
      if keep { checked = surface }
    }
    return surface
  }
}

/// An image ready to draw: a bitmap or an SVG document, with its size.
final class LoadedImage {
  enum Content {
    case bitmap(BitmapSource)
    case svg(SVGImage)
  }
  let content: Content
  let format: ImageHeader.Format
  let pixelWidth: Int
  let pixelHeight: Int
  /// The natural size in points (bitmaps at 96 dpi).
  let naturalWidth: Double
  let naturalHeight: Double
  /// Pixels decoding the image costs (for an SVG, the images inside it), for `Budget.documentPixels`.
  let decodedPixels: Int

  var kindName: String { format.rawValue }

  private init(content: Content, format: ImageHeader.Format, pixelWidth: Int, pixelHeight: Int, naturalWidth: Double, naturalHeight: Double, decodedPixels: Int) {
    self.content = content
    self.format = format
    self.pixelWidth = pixelWidth
    self.pixelHeight = pixelHeight
    self.naturalWidth = naturalWidth
    self.naturalHeight = naturalHeight
    self.decodedPixels = decodedPixels
  }

  /// Why an image could not be used.
  enum Failure: Error {
    case unknownFormat
    case tooLarge(Int, Int)
    case undecodable(String)
    /// Over a budget (`imagePixels` for an image inside an SVG, `jpegScans`, `svgBytes`…), or,
    /// without one, holding something that cannot be measured.
    case overBudget(Budget?, String)
  }

  /// Reads `bytes`: the header first (images over `Budget.imagePixels` and JPEGs over
  /// `Budget.jpegScans` are refused before any decoding, SVGs are checked with
  /// `NestedImageBudget`), then a bitmap is decoded once to check it can be, and dropped: it is
  /// decoded again when painted (a JPEG going into a PDF never is).
  static func load(_ bytes: [UInt8]) -> Result<LoadedImage, Failure> {
    guard let header = ImageHeader(bytes) else { return .failure(.unknownFormat) }
    if header.isTooLarge { return .failure(.tooLarge(header.width, header.height)) }
    switch header.format {
    case .svg:
      let nested: Int
      switch NestedImageBudget.check(svg: bytes) {
      case .success(let pixels): nested = pixels
      case .failure(let refusal): return .failure(.overBudget(refusal.budget, refusal.reason))
      }
      guard let svg = SVGImage(bytes: bytes) else { return .failure(.undecodable("svg")) }
      return .success(
        LoadedImage(
          content: .svg(svg), format: .svg, pixelWidth: Int(svg.width / 0.75), pixelHeight: Int(svg.height / 0.75),
          naturalWidth: svg.width, naturalHeight: svg.height, decodedPixels: nested))
    case .png, .jpeg, .gif, .webp:
      if header.format == .jpeg {
        let scans = ImageHeader.jpegScanCount(bytes)
        if scans > Budget.jpegScans.limit { return .failure(.overBudget(.jpegScans, "it has \(scans) scans")) }
      }
      let source = BitmapSource(bytes: bytes, header: header)
      var width = header.width, height = header.height
      if !source.embedsAsIs {
        guard let check = source.check() else { return .failure(.undecodable(header.format.rawValue)) }
        (width, height) = (check.width, check.height)
      }
      guard width > 0, height > 0 else { return .failure(.undecodable(header.format.rawValue)) }
      return .success(
        LoadedImage(
          content: .bitmap(source), format: header.format, pixelWidth: width, pixelHeight: height,
          naturalWidth: Double(width) * 0.75, naturalHeight: Double(height) * 0.75, decodedPixels: width * height))
    }
  }
}
