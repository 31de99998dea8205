import ImprentaModel

/// An image ready to draw: a bitmap surface or an SVG document, with its size.
final class LoadedImage {
  enum Content {
    case bitmap(CairoImage)
    case svg(SVGImage)
  }
  let content: Content
  let format: ImageHeader.Format
  let pixelWidth: Int
  let pixelHeight: Int
  /// The natural size in points (bitmaps at 96 dpi).
  let naturalWidth: Double
  let naturalHeight: Double

  var kindName: String { format.rawValue }

  private init(content: Content, format: ImageHeader.Format, pixelWidth: Int, pixelHeight: Int, naturalWidth: Double, naturalHeight: Double) {
    self.content = content
    self.format = format
    self.pixelWidth = pixelWidth
    self.pixelHeight = pixelHeight
    self.naturalWidth = naturalWidth
    self.naturalHeight = naturalHeight
  }

  /// Why an image could not be used.
  enum Failure: Error {
    case unknownFormat
    case tooLarge(Int, Int)
    case undecodable(String)
  }

  /// Decodes `bytes`: the header is read first and images over 100 megapixels are refused.
  static func load(_ bytes: [UInt8]) -> Result<LoadedImage, Failure> {
    guard let header = ImageHeader(bytes) else { return .failure(.unknownFormat) }
    if header.isTooLarge { return .failure(.tooLarge(header.width, header.height)) }
    switch header.format {
    case .svg:
      guard let svg = SVGImage(bytes: bytes) else { return .failure(.undecodable("svg")) }
      return .success(
        LoadedImage(
          content: .svg(svg), format: .svg, pixelWidth: Int(svg.width / 0.75), pixelHeight: Int(svg.height / 0.75),
          naturalWidth: svg.width, naturalHeight: svg.height))
    case .png, .jpeg, .gif, .webp:
      guard let bitmap = CairoImage(bytes: bytes, format: header.format) else { return .failure(.undecodable(header.format.rawValue)) }
      return .success(
        LoadedImage(
          content: .bitmap(bitmap), format: header.format, pixelWidth: bitmap.width, pixelHeight: bitmap.height,
          naturalWidth: Double(bitmap.width) * 0.75, naturalHeight: Double(bitmap.height) * 0.75))
    }
  }
}
