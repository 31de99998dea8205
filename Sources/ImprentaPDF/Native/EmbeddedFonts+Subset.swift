import CPangoCairo

/// The fonts written once the pages are done: each TrueType face subset with HarfBuzz's
/// `hb-subset` (layout tables and hints dropped) as a CIDFontType2 font with a `CIDToGIDMap`,
/// each CID-keyed CFF face (Noto CJK) as a bare CFF (`CIDFontType0C`) whose CIDs the subset keeps,
/// both with their widths and a ToUnicode map.
extension EmbeddedFonts {

  /// Subsets and writes every face used. Returns false (with `unsupported` set) when HarfBuzz
  /// cannot subset one.
  func write(into writer: PDFFileWriter) -> Bool {
    for face in faces where !face.bitmapOnly && !write(face, into: writer) { return false }
    return true
  }

  fileprivate func write(_ f: Face, into writer: PDFFileWriter) -> Bool {
    let glyphs = f.glyphs
    guard let input = hb_subset_input_create_or_fail() else {
      unsupported = "HarfBuzz could not start subsetting"
      return false
    }
    defer { hb_subset_input_destroy(input) }
    let set = hb_subset_input_glyph_set(input)
    hb_set_add(set, 0)
    for g in glyphs { hb_set_add(set, g) }
    // Text in the PDF is glyphs already placed: the shaping tables and hints serve no reader.
    let drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG)
    for t in ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern", "morx", "kerx", "DSIG", "hdmx", "VDMX", "LTSH"] { hb_set_add(drop, Self.tag(t)) }
    hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING.rawValue)
    guard let plan = hb_subset_plan_create_or_fail(f.face, input) else {
      unsupported = "HarfBuzz could not subset \(Self.postScriptName(f.face))"
      return false
    }
    defer { hb_subset_plan_destroy(plan) }
    let mapping = hb_subset_plan_old_to_new_glyph_mapping(plan)
    guard let subset = hb_subset_plan_execute_or_fail(plan) else {
      unsupported = "HarfBuzz could not subset \(Self.postScriptName(f.face))"
      return false
    }
    defer { hb_face_destroy(subset) }
    let blob = hb_face_reference_blob(subset)
    defer { hb_blob_destroy(blob) }
    var length: UInt32 = 0
    guard let data = hb_blob_get_data(blob, &length), length > 0 else {
      unsupported = "HarfBuzz wrote an empty subset of \(Self.postScriptName(f.face))"
      return false
    }
    let program = data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { Array(UnsafeBufferPointer(start: $0, count: Int(length))) }

    let name = Self.subsetTag(glyphs.sorted(), name: Self.postScriptName(f.face)) + "+" + Self.postScriptName(f.face)
    let fileNumber = writer.reserve(), descriptor = writer.reserve(), cidFont = writer.reserve(), toUnicode = writer.reserve()
    let m = Metrics(f)
    var d = "<</Type /FontDescriptor /FontName /\(name) /Flags \(m.flags) /FontBBox [\(m.bbox.map { PDFSyntax.number($0, decimals: 0) }.joined(separator: " "))]"
    d += " /ItalicAngle \(PDFSyntax.number(m.italicAngle, decimals: 2)) /Ascent \(PDFSyntax.number(m.ascent, decimals: 0))"
    d += " /Descent \(PDFSyntax.number(m.descent, decimals: 0)) /CapHeight \(PDFSyntax.number(m.capHeight, decimals: 0)) /StemV 80"
    // Widths by the codes written, in runs of consecutive codes.
    let byCode = (0..<glyphs.count).map { (wire: f.wire(UInt16($0 + 1)), width: f.widths[$0]) }.sorted { $0.wire < $1.wire }
    var w = "["
    var k = 0
    while k < byCode.count {
      var j = k
      while j + 1 < byCode.count && byCode[j + 1].wire == byCode[j].wire + 1 { j += 1 }
      w += "\(byCode[k].wire) [" + byCode[k...j].map { PDFSyntax.number($0.width, decimals: 1) }.joined(separator: " ") + "] "
      k = j + 1
    }
    w += "]"
    // The font program's key in the descriptor, the CID font's subtype, its CIDToGIDMap.
    let outlines: (file: String, subtype: String, map: String)
    if f.cff {
      // The subset keeps each glyph's CID (its id in the original): the codes still reach them.
      // The bare CFF goes in (`CIDFontType0C`): readers take a CID through its charset, where
      // the OpenType wrapper led poppler to take codes for glyph ids.
      let table = Self.table(subset, "CFF ")
      guard let cids = CFFCharset.cids(table),
        glyphs.allSatisfy({ g in let new = Int(hb_map_get(mapping, g)); return new < cids.count && UInt32(cids[new]) == g })
      else {
        unsupported = "a CFF subset whose glyphs lost their CIDs (\(Self.postScriptName(f.face)))"
        return false
      }
      writer.stream(fileNumber, entries: " /Subtype /CIDFontType0C", data: table)
      outlines = ("FontFile3", "CIDFontType0", "")
    } else {
      // Each code → the subset's glyph id; code 0 is .notdef.
      var cidToGID = [UInt8](repeating: 0, count: 2 * (glyphs.count + 1))
      for (k, g) in glyphs.enumerated() {
        let new = hb_map_get(mapping, g)
        guard new != hb_codepoint_t.max else { continue }
        cidToGID[2 * (k + 1)] = UInt8(new >> 8)
        cidToGID[2 * (k + 1) + 1] = UInt8(new & 0xFF)
      }
      let mapNumber = writer.reserve()
      writer.stream(fileNumber, entries: " /Length1 \(program.count)", data: program)
      writer.stream(mapNumber, entries: "", data: cidToGID)
      outlines = ("FontFile2", "CIDFontType2", " /CIDToGIDMap \(mapNumber) 0 R")
    }
    writer.object(descriptor, d + " /\(outlines.file) \(fileNumber) 0 R>>")
    writer.object(
      cidFont,
      "<</Type /Font /Subtype /\(outlines.subtype) /BaseFont /\(name) /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>>"
        + " /FontDescriptor \(descriptor) 0 R /DW 0 /W \(w)\(outlines.map)>>")
    writer.stream(toUnicode, entries: "", data: Array(toUnicodeCMap(f).utf8))
    writer.object(
      f.number,
      "<</Type /Font /Subtype /Type0 /BaseFont /\(name) /Encoding /Identity-H /DescendantFonts [\(cidFont) 0 R] /ToUnicode \(toUnicode) 0 R>>")
    return true
  }

  /// Six capital letters naming the subset (§9.6.4), from the glyphs it holds.
  static func subsetTag(_ glyphs: [UInt32], name: String) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in name.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    for g in glyphs { h = (h ^ UInt64(g)) &* 0x100_0000_01b3 }
    var tag = ""
    for _ in 0..<6 {
      tag.unicodeScalars.append(Unicode.Scalar(UInt8(ascii: "A") + UInt8(h % 26)))
      h /= 26
    }
    return tag
  }

  /// The ToUnicode CMap: each glyph's text; a glyph never seen alone for its text (a mark inside
  /// a cluster, the breaker's hyphen) gets the character the font's cmap maps to it.
  fileprivate func toUnicodeCMap(_ f: Face) -> String {
    var reverse: [UInt32: Unicode.Scalar]? = nil
    func fromCmap(_ g: UInt32) -> [Unicode.Scalar]? {
      if reverse == nil {
        var map: [UInt32: Unicode.Scalar] = [:]
        let set = hb_set_create()
        defer { hb_set_destroy(set) }
        hb_face_collect_unicodes(f.face, set)
        var cp = hb_codepoint_t.max
        while hb_set_next(set, &cp) != 0 {
          var glyph: hb_codepoint_t = 0
          if hb_font_get_nominal_glyph(f.font, cp, &glyph) != 0, let s = Unicode.Scalar(cp) {
            if let known = map[glyph], known.value <= cp { continue }
            map[glyph] = s
          }
        }
        reverse = map
      }
      return reverse?[g].map { [$0] }
    }
    var entries: [(UInt16, [Unicode.Scalar])] = []
    for (k, g) in f.glyphs.enumerated() {
      let own = f.texts[k].isEmpty ? nil : Array(String(decoding: f.texts[k], as: UTF8.self).unicodeScalars)
      if let text = own ?? fromCmap(g), !text.isEmpty { entries.append((f.wire(UInt16(k + 1)), text)) }
    }
    entries.sort { $0.0 < $1.0 }
    var out = """
      /CIDInit /ProcSet findresource begin
      12 dict begin
      begincmap
      /CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def
      /CMapName /Adobe-Identity-UCS def
      /CMapType 2 def
      1 begincodespacerange
      <0000> <FFFF>
      endcodespacerange

      """
    var k = 0
    while k < entries.count {
      let chunk = entries[k..<min(k + 100, entries.count)]
      out += "\(chunk.count) beginbfchar\n"
      for (g, text) in chunk {
        out += "<" + PDFSyntax.hex(UInt8(g >> 8)) + PDFSyntax.hex(UInt8(g & 0xFF)) + "> <" + PDFSyntax.utf16Hex(text) + ">\n"
      }
      out += "endbfchar\n"
      k += 100
    }
    out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    return out
  }

  /// What the font descriptor says of a face, in 1/1000 em, from its `head`, `post`, `OS/2` and
  /// `hhea` tables.
  struct Metrics {
    var bbox: [Double] = [0, 0, 1000, 1000]
    var italicAngle = 0.0
    var ascent = 800.0
    var descent = -200.0
    var capHeight = 700.0
    var flags = 4

    init(_ f: Face) {
      func i16(_ t: [UInt8], _ at: Int) -> Double? {
        guard at + 2 <= t.count else { return nil }
        return Double(Int16(bitPattern: UInt16(t[at]) << 8 | UInt16(t[at + 1])))
      }
      let scale = 1000 / f.upem
      let head = EmbeddedFonts.table(f.face, "head")
      if let x0 = i16(head, 36), let y0 = i16(head, 38), let x1 = i16(head, 40), let y1 = i16(head, 42) {
        bbox = [x0 * scale, y0 * scale, x1 * scale, y1 * scale].map { $0.rounded() }
      }
      let post = EmbeddedFonts.table(f.face, "post")
      if post.count >= 8, let whole = i16(post, 4) {
        italicAngle = whole + Double(UInt16(post[6]) << 8 | UInt16(post[7])) / 65536
      }
      let hhea = EmbeddedFonts.table(f.face, "hhea")
      if let a = i16(hhea, 4), let d = i16(hhea, 6) {
        ascent = (a * scale).rounded()
        descent = (d * scale).rounded()
      }
      let os2 = EmbeddedFonts.table(f.face, "OS/2")
      if let cap = i16(os2, 88), (i16(os2, 0) ?? 0) >= 2, cap > 0 { capHeight = (cap * scale).rounded() } else { capHeight = ascent }
      // Symbolic (a CID font's glyphs are not the standard Latin set), italic when slanted,
      // fixed-pitch from `post`.
      flags = 4
      if italicAngle != 0 { flags |= 64 }
      if post.count >= 16, post[12] | post[13] | post[14] | post[15] != 0 { flags |= 1 }
    }
  }
}
