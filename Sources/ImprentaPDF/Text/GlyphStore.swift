import CPangoCairo

/// The glyphs of a paragraph's runs, one after another, as compact as painting allows: 7 bytes
/// a glyph (its id, advance and cluster in 16 bits each, two flags), where Pango's layouts held
/// some 44 with their log attributes and lines; what does not fit 16 bits (a cluster past 64 KB
/// into a run, an advance over 32 pt, Pango's special glyphs) is kept aside, and offsets only
/// when some glyph has them. A 1,000-page document keeps all its glyphs from layout to painting
/// in some 30 MB.
struct GlyphStore {
  private var ids: [UInt16] = []
  /// Glyphs stored as `GlyphStore.aside` (ids from 0xFFFE up, Pango's unknown glyphs).
  private var asideIDs: [Int: PangoGlyph] = [:]
  private var widths: [Int16] = []
  /// Advances that do not fit 16 bits (stored as `Int16.min`).
  private var asideWidths: [Int: Int32] = [:]
  /// Clusters in 16 bits, until one does not fit: then all in `wideClusters`.
  private var clusters16: [UInt16] = []
  private var wideClusters: [Int32]? = nil
  /// Bit 0: the glyph starts a cluster; bit 1: a colour glyph (Pango's `PangoGlyphVisAttr`).
  private var flags: [UInt8] = []
  /// Offsets, Pango units; empty when no glyph of the text is offset.
  private var xOffsets: [Int32] = []
  private var yOffsets: [Int32] = []

  private static let empty: UInt16 = 0xFFFF
  private static let aside: UInt16 = 0xFFFE

  var count: Int { ids.count }

  /// Glyph `k`'s id.
  func id(_ k: Int) -> PangoGlyph {
    let v = ids[k]
    if v < GlyphStore.aside { return PangoGlyph(v) }
    return v == GlyphStore.empty ? PangoGlyph(0x0FFF_FFFF) : asideIDs[k] ?? 0
  }

  /// Glyph `k`'s advance, Pango units.
  func width(_ k: Int) -> Int32 {
    let v = widths[k]
    return v == Int16.min ? asideWidths[k] ?? 0 : Int32(v)
  }

  /// Glyph `k`'s cluster: a byte offset from its run's start.
  @inline(__always)
  func cluster(_ k: Int) -> Int32 {
    if let wideClusters { return wideClusters[k] }
    return Int32(clusters16[k])
  }

  /// Appends a Pango glyph string's glyphs; returns where they are.
  mutating func append(_ g: PangoGlyphString) -> Range<Int> {
    let first = ids.count
    let n = Int(g.num_glyphs)
    for j in 0..<n {
      let k = first + j
      let info = g.glyphs[j]
      if info.glyph < PangoGlyph(GlyphStore.aside) {
        ids.append(UInt16(info.glyph))
      } else if info.glyph == 0x0FFF_FFFF {  // PANGO_GLYPH_EMPTY
        ids.append(GlyphStore.empty)
      } else {
        ids.append(GlyphStore.aside)
        asideIDs[k] = info.glyph
      }
      let w = info.geometry.width
      if w > Int32(Int16.min) && w <= Int32(Int16.max) {
        widths.append(Int16(w))
      } else {
        widths.append(Int16.min)
        asideWidths[k] = w
      }
      let c = g.log_clusters[j]
      if wideClusters == nil && (c < 0 || c > Int32(UInt16.max)) { wideClusters = clusters16.map { Int32($0) } }
      if wideClusters != nil { wideClusters!.append(c) } else { clusters16.append(UInt16(c)) }
      flags.append(UInt8(info.attr.is_cluster_start & 1) | UInt8(info.attr.is_color & 1) << 1)
      if info.geometry.x_offset != 0 || info.geometry.y_offset != 0, xOffsets.isEmpty {
        xOffsets = [Int32](repeating: 0, count: ids.count)
        yOffsets = xOffsets
      }
      if !xOffsets.isEmpty {
        if xOffsets.count < ids.count {
          xOffsets += [Int32](repeating: 0, count: ids.count - xOffsets.count)
          yOffsets += [Int32](repeating: 0, count: ids.count - yOffsets.count)
        }
        xOffsets[k] = info.geometry.x_offset
        yOffsets[k] = info.geometry.y_offset
      }
    }
    return first..<ids.count
  }

  /// Makes room for the stores `parts` appended in turn (no buffer grown by doubling while the
  /// parts are still held: that was the peak of a huge paragraph's memory).
  mutating func reserveCapacity(for parts: [GlyphStore]) {
    let n = count + parts.reduce(0) { $0 + $1.count }
    ids.reserveCapacity(n)
    widths.reserveCapacity(n)
    flags.reserveCapacity(n)
    if wideClusters != nil || parts.contains(where: { $0.wideClusters != nil }) {
      if wideClusters == nil { wideClusters = clusters16.map { Int32($0) } }
      wideClusters!.reserveCapacity(n)
    } else {
      clusters16.reserveCapacity(n)
    }
    if !xOffsets.isEmpty || parts.contains(where: { !$0.xOffsets.isEmpty }) {
      xOffsets.reserveCapacity(n)
      yOffsets.reserveCapacity(n)
    }
  }

  /// Appends another store's glyphs (a chunk of the paragraph read on its own); returns where
  /// its first glyph is now.
  mutating func append(contentsOf other: GlyphStore) -> Int {
    let first = ids.count
    ids += other.ids
    for (k, v) in other.asideIDs { asideIDs[first + k] = v }
    widths += other.widths
    for (k, v) in other.asideWidths { asideWidths[first + k] = v }
    if wideClusters == nil && other.wideClusters != nil { wideClusters = clusters16.map { Int32($0) } }
    if wideClusters != nil {
      wideClusters! += other.wideClusters ?? other.clusters16.map { Int32($0) }
    } else {
      clusters16 += other.clusters16
    }
    flags += other.flags
    if !other.xOffsets.isEmpty || !xOffsets.isEmpty {
      // Offsets are kept for every glyph up to the last offset one.
      xOffsets += [Int32](repeating: 0, count: first - xOffsets.count)
      yOffsets += [Int32](repeating: 0, count: first - yOffsets.count)
      xOffsets += other.xOffsets
      yOffsets += other.yOffsets
    }
    return first
  }

  /// Glyph `k` as Pango's glyph info.
  func info(_ k: Int) -> PangoGlyphInfo {
    var attr = PangoGlyphVisAttr()
    attr.is_cluster_start = UInt32(flags[k] & 1)
    attr.is_color = UInt32(flags[k] >> 1 & 1)
    let offset = k < xOffsets.count ? (xOffsets[k], yOffsets[k]) : (Int32(0), Int32(0))
    return PangoGlyphInfo(glyph: id(k), geometry: PangoGlyphGeometry(width: width(k), x_offset: offset.0, y_offset: offset.1), attr: attr)
  }

  /// Glyphs `range` as Pango's glyph infos into `infos`, their clusters less `base` into
  /// `clusters` (a line's piece of a run: `TextBlock.cut`), without building each glyph through
  /// `info(_:)` when nothing is kept aside.
  func copy(_ range: Range<Int>, into infos: UnsafeMutablePointer<PangoGlyphInfo>, clusters: UnsafeMutablePointer<Int32>, base: Int32) {
    guard asideIDs.isEmpty, asideWidths.isEmpty, xOffsets.isEmpty, wideClusters == nil else {
      for (j, k) in range.enumerated() {
        infos[j] = info(k)
        clusters[j] = cluster(k) - base
      }
      return
    }
    ids.withUnsafeBufferPointer { ids in
      widths.withUnsafeBufferPointer { widths in
        clusters16.withUnsafeBufferPointer { clusters16 in
          flags.withUnsafeBufferPointer { flags in
            var j = 0
            for k in range {
              let v = ids[k]
              var attr = PangoGlyphVisAttr()
              attr.is_cluster_start = UInt32(flags[k] & 1)
              attr.is_color = UInt32(flags[k] >> 1 & 1)
              let glyph = v == GlyphStore.empty ? PangoGlyph(0x0FFF_FFFF) : PangoGlyph(v)
              infos[j] = PangoGlyphInfo(glyph: glyph, geometry: PangoGlyphGeometry(width: Int32(widths[k]), x_offset: 0, y_offset: 0), attr: attr)
              clusters[j] = Int32(clusters16[k]) - base
              j += 1
            }
          }
        }
      }
    }
  }

  /// Frees the spare capacity the appends left.
  mutating func shrink() {
    func fit<T>(_ a: inout [T]) { if a.capacity > a.count + a.count / 16 { a = Array(a) } }
    fit(&ids)
    fit(&widths)
    fit(&clusters16)
    if wideClusters != nil { fit(&wideClusters!) }
    fit(&flags)
    fit(&xOffsets)
    fit(&yOffsets)
  }
}
