import CQPDF
import Foundation

/// PDF/UA-1 (ISO 14289-1) on the finished file, where Cairo 1.16 has no API: the XMP packet that
/// claims it, `DisplayDocTitle`, `/Tabs /S` on pages with annotations, artifacts (Cairo knows only
/// structure elements: decorations are painted under the marker tags of `ArtifactTag`, turned here
/// into `/Artifact` sequences and taken out of the structure tree), `/Scope` on table headers,
/// `/Contents` on link annotations, and the soft hyphens Cairo writes where a line does not break.
extension QPDFPostProcessor {
  /// What the accessibility pass needs to know of the document.
  struct Accessibility {
    /// The XMP packet; nil writes none (the imposed booklet).
    var metadata: XMPMetadata?
    /// The description of each link, in the order the painter opened them.
    var linkDescriptions: [String] = []
    /// The alternative text of each figure, in reading order (empty: none).
    var figureAlts: [String] = []
    /// Print output that is not for reading (the imposed booklet): no structure tree, not marked.
    var untagged = false
    /// The elements the painter made, to merge the parts of one and place links.
    var structure: StructureLog? = nil
  }

  ///
  /// Every handle qpdf's C API returns is kept until it is released: between the passes they are
  /// all released (and the catalog fetched again), so a long document does not pile up millions.
  static func makeAccessible(_ q: qpdf_data?, root: qpdf_oh, _ a: Accessibility) {
    var root = root
    func releaseHandles() {
      qpdf_oh_release_all(q)
      root = qpdf_get_root(q)
    }
    if let metadata = a.metadata {
      let preferences = qpdf_oh_get_key(q, root, "/ViewerPreferences")
      let p = qpdf_oh_is_dictionary(q, preferences) != 0 ? preferences : qpdf_oh_new_dictionary(q)
      qpdf_oh_replace_key(q, p, "/DisplayDocTitle", qpdf_oh_new_bool(q, 1))
      qpdf_oh_replace_key(q, root, "/ViewerPreferences", p)
      setMetadata(q, root: root, packet: metadata.packet)
    }
    let cuts = rewritePageContents(q, root: root, links: !a.untagged)
    releaseHandles()
    if a.untagged {
      qpdf_oh_remove_key(q, root, "/StructTreeRoot")
      qpdf_oh_remove_key(q, root, "/MarkInfo")
      for i in 0..<max(0, Int(qpdf_get_num_pages(q))) { qpdf_oh_remove_key(q, qpdf_get_page_n(q, i), "/StructParents") }
      return
    }
    repairStructure(q, root: root, figureAlts: a.figureAlts, linkDescriptions: a.linkDescriptions, log: a.structure)
    releaseHandles()
    applyLinkCuts(q, root: root, cuts)
    releaseHandles()
  }

  /// The XMP packet as the catalog's `/Metadata` stream (uncompressed, as XMP readers expect).
  static func setMetadata(_ q: qpdf_data?, root: qpdf_oh, packet: String) {
    let stream = qpdf_oh_new_stream(q)
    let bytes = Array(packet.utf8)
    bytes.withUnsafeBufferPointer { qpdf_oh_replace_stream_data(q, stream, $0.baseAddress, $0.count, qpdf_oh_new_null(q), qpdf_oh_new_null(q)) }
    let dict = qpdf_oh_get_dict(q, stream)
    qpdf_oh_replace_key(q, dict, "/Type", qpdf_oh_new_name(q, "/Metadata"))
    qpdf_oh_replace_key(q, dict, "/Subtype", qpdf_oh_new_name(q, "/XML"))
    qpdf_oh_replace_key(q, root, "/Metadata", stream)
  }

  // MARK: - Content streams

  /// Marked content Cairo wrote for the artifact marker tags becomes `/Artifact` sequences
  /// (`rewritePageContents` applies it to every page). The text holds no soft hyphens: the line
  /// breaker draws a hyphen only where it breaks, as an `/ActualText` of U+00AD, so no ligature or
  /// ToUnicode entry needs cleaning. This is the text form, for tests.
  static func rewrittenContent(_ content: String) -> String {
    String(decoding: rewrittenContent(Array(content.utf8)), as: UTF8.self)
  }

  /// The same on bytes (content streams are not text: images may sit inline).
  static func rewrittenContent(_ content: [UInt8]) -> [UInt8] {
    var bytes = content
    for kind in ArtifactTag.allCases {
      // `/WP << /MCID 12 >> BDC` → `/Artifact << /Type /Pagination >> BDC`
      bytes = replacing("/\(kind.rawValue) << /MCID ", in: bytes) { rest in
        var n = rest.startIndex
        while n < rest.endIndex, rest[n] >= UInt8(ascii: "0"), rest[n] <= UInt8(ascii: "9") { n += 1 }
        let tail = Array(" >> BDC".utf8)
        guard n > rest.startIndex, rest[n...].starts(with: tail) else { return nil }
        return (n - rest.startIndex + tail.count, Array(kind.marker.utf8))
      }
    }
    return bytes
  }

  /// `bytes` with each occurrence of `needle` handed to `replace`, which sees the bytes after it
  /// and says how many of them it takes and what stands for the needle and them (nil: keep all).
  /// Found with `memchr`/`memcmp`: a page of one long line holds tens of thousands of spans.
  static func replacing(_ needle: String, in bytes: [UInt8], _ replace: (ArraySlice<UInt8>) -> (consumed: Int, with: [UInt8])?) -> [UInt8] {
    let n = Array(needle.utf8)
    var offsets: [Int] = []
    bytes.withUnsafeBytes { h in
      n.withUnsafeBytes { nb in
        guard let base = h.baseAddress, let nbase = nb.baseAddress else { return }
        var start = 0
        while start < h.count, let p = memchr(base + start, Int32(n[0]), h.count - start) {
          let offset = base.distance(to: UnsafeRawPointer(p))
          if offset + nb.count <= h.count, memcmp(base + offset, nbase, nb.count) == 0 {
            offsets.append(offset)
            start = offset + nb.count
          } else {
            start = offset + 1
          }
        }
      }
    }
    guard !offsets.isEmpty else { return bytes }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = 0
    for offset in offsets where offset >= i {
      out.append(contentsOf: bytes[i..<offset])
      let after = offset + n.count
      if let r = replace(bytes[after...]) {
        out.append(contentsOf: r.with)
        i = after + r.consumed
      } else {
        out.append(contentsOf: n)
        i = after
      }
    }
    out.append(contentsOf: bytes[i...])
    return out
  }


}

/// The marker tags decorations are painted under. Cairo 1.16 writes every tag as a structure
/// element and accepts only the standard names, so three that Imprenta never uses for content
/// stand for the three kinds of artifact; the post-processor turns them into `/Artifact`
/// sequences and takes them out of the structure tree.
enum ArtifactTag: String, CaseIterable {
  /// Running heads and page numbers (`/Type /Pagination`).
  case pagination = "WP"
  /// Rules, backgrounds, leaders, decorative images (`/Type /Layout`).
  case layout = "Private"
  /// Crop, bleed and fold marks (`/Type /Page`: printer's marks).
  case page = "WT"

  /// The marked-content operator that replaces Cairo's.
  var marker: String {
    switch self {
    case .pagination: return "/Artifact << /Type /Pagination >> BDC"
    case .layout: return "/Artifact << /Type /Layout >> BDC"
    case .page: return "/Artifact << /Type /Page >> BDC"
    }
  }
}
