import ImprentaModel
import ImprentaStyle

extension Figure {
  /// Whether the figure may float (wait for the next page or column while the text after it
  /// fills the gap): its class `nofloat` keeps it in reading order, `float` lets it float,
  /// else the style's `figure.float` decides.
  func floats(byDefault float: Bool) -> Bool {
    if attributes.classes.contains("nofloat") { return false }
    if attributes.classes.contains("float") { return true }
    return float
  }
}

extension PDFLayouter {
  /// Figures: the image scaled to fit the text width and the style's share of the page height,
  /// centred, kept with its caption. A missing, refused or undecodable image is a warning and a
  /// framed placeholder with the alt text.
  mutating func renderFigure(_ f: Figure) {
    // No alternative text is made up (the caption says something else than the picture shows):
    // without one the image is decorative, or, under a caption, a figure the PDF cannot describe.
    let alt = f.image.readableAlt ?? ""
    let tag = alt.isEmpty && f.caption.isEmpty ? nil : StructureTag(name: "Figure", id: nextID(), alt: alt)
    space(style.paragraph.spaceAfter.points(em: baseSize))
    var slice: Slice
    if let image = loadImage(f.image.source, range: f.range.isKnown ? f.range : f.image.range) {
      let maxH = geometry.textHeight * style.figure.maxHeight
      let scale = min(style.figure.fullWidth ? .infinity : 1, width / image.naturalWidth, maxH / image.naturalHeight)
      let w = image.naturalWidth * scale, h = image.naturalHeight * scale
      let r = Rect(x: indent + (width - w) / 2, y: 0, width: w, height: h)
      slice = Slice(height: h, items: [PageItem(.image(r, image), tags: tag.map { tagStack + [$0] } ?? [])])
      switch InlineBuilder.linkKind(f.link) {
      case .link: slice.items.append(PageItem(.link(r, destination: f.link), tags: [StructureTag(name: "Link", id: 0, alt: alt.isEmpty ? f.caption.plainText : alt)]))
      case .none: break
      case .refused(let why): reportRefusedLink(f.link, reason: why, at: f.range)
      case .overBudget: reportRefusedLink(f.link, reason: "", at: f.range)
      }
    } else {
      // The placeholder is text: a paragraph, not a picture.
      slice = placeholder(alt: f.image.alt.isEmpty ? f.image.source : f.image.alt, tag: StructureTag(name: "P", id: nextID()))
    }
    if !f.attributes.id.isEmpty { slice.items.insert(PageItem(.anchor(name: f.attributes.id, y: 0, outline: nil)), at: 0) }
    // At the top level a figure may wait for the next page while the text after it fills the gap
    // (inside a list, a quote or a box it stays where it is), when the style or its class says so.
    let floats = indent == 0 && bars.isEmpty && boxes.isEmpty && f.floats(byDefault: style.figure.float)
    slice.figure = true
    slice.deferrable = floats
    if f.caption.isEmpty {
      emit(slice)
    } else {
      slice.keepWithNext = true
      emit(slice)
      space(4)
      let size = style.figure.captionSize.points(em: baseSize)
      var font = bodyFont()
      font.size = size
      font.color = style.figure.captionColor
      let format = ParagraphFormat(font: font, width: width, align: style.figure.captionAlign, lineHeight: 1.3)
      var lines = lineSlices(attributed(f.caption, size: size, hyphenate: true), format: format, x: indent, tags: tagStack + [StructureTag(name: "Caption", id: nextID())])
      for k in lines.indices {
        lines[k].keepWithNext = k < lines.count - 1
        lines[k].figure = true
        lines[k].deferrable = floats
      }
      for l in lines { emit(l) }
    }
    space(style.paragraph.spaceAfter.points(em: baseSize) + 4)
  }

  /// A framed box with the alt text, standing where an image could not be drawn.
  mutating func placeholder(alt: String, tag: StructureTag) -> Slice {
    var font = bodyFont()
    font.color = Color(hex: 0x777777)
    font.italic = true
    var text = AttributedText()
    text.append("[\(localization.image): \(alt)]")
    let w = min(width, max(width * 0.6, 120))
    let x = indent + (width - w) / 2
    let lines = lineSlices(text, format: ParagraphFormat(font: font, width: w - 16, align: .center, lineHeight: 1.3), x: x + 8, tags: tagStack + [tag])
    var slice = Slice(height: 0)
    var y = 14.0
    for l in lines {
      slice.items.append(contentsOf: l.items.map { $0.offsetBy(dx: 0, dy: y) })
      y += l.height
    }
    slice.height = max(y + 14, 48)
    slice.items.insert(PageItem(.box(Rect(x: x, y: 0, width: w, height: slice.height), fill: Color(hex: 0xf6f6f6), stroke: Color(hex: 0xaaaaaa), group: 0)), at: 0)
    return slice
  }

  /// Loads an image through the environment (never from a path directly), once per reference.
  /// Images past the document's pixel budget (`Budget.documentPixels`, counted from headers
  /// before decoding) are refused.
  mutating func loadImage(_ reference: String, range: SourceRange) -> LoadedImage? {
    if let cached = images[reference] {
      // Loaded by a previous pass: its warning is this pass's too (once).
      if let warning = imageWarnings[reference], reportedImages.insert(reference).inserted { diagnostics.report(warning) }
      return cached
    }
    let before = diagnostics.items.count
    defer {
      reportedImages.insert(reference)
      if diagnostics.items.count > before, let warning = diagnostics.items.last { imageWarnings[reference] = warning }
    }
    var result: LoadedImage?
    let file = currentFile.isEmpty ? document.sourcePath : currentFile
    switch environment.resources.resource(reference, for: document) {
    case .found(let resource):
      switch LoadedImage.load(resource.bytes) {
      case .success(let image):
        if decodedPixels + image.decodedPixels > Budget.documentPixels.limit {
          diagnostics.report(.imageOverBudget,
            "image \(reference) (\(image.decodedPixels) pixels decoded) is past what the document's images may decode together; not drawn \(Budget.documentPixels.clause)",
            file: file, at: range)
        } else {
          decodedPixels += image.decodedPixels
          result = image
        }
      case .failure(.tooLarge(let w, let h)):
        diagnostics.report(.imageTooLarge, "image \(reference) is \(w)×\(h) pixels; not drawn \(Budget.imagePixels.clause)", file: file, at: range)
      case .failure(.overBudget(let budget?, let why)):
        diagnostics.report(
          budget == .imagePixels ? .imageTooLarge : .imageOverBudget, "image \(reference) not drawn: \(why) \(budget.clause)", file: file, at: range)
      case .failure(.overBudget(nil, let why)):
        diagnostics.report(.refusedImage, "image \(reference) refused: \(why)", file: file, at: range)
      case .failure(.unknownFormat):
        diagnostics.report(.imageUnsupported, "image \(reference) is not PNG, JPEG, GIF, WebP or SVG; not drawn", file: file, at: range)
      case .failure(.undecodable(let kind)):
        diagnostics.report(.imageUnreadable, "image \(reference) (\(kind)) cannot be decoded; not drawn", file: file, at: range)
      }
    case .missing, .refused:
      break  // reported once by the content check, whatever the formats
    }
    images[reference] = .some(result)
    if let result { imageSources[ObjectIdentifier(result)] = (reference, range, file) }
    return result
  }
}
