/// What a PDF/X-4 file adds to its XMP packet (`pdfxid:GTS_PDFXVersion`, trapping, the
/// identifiers PDF/X asks for), as properties of the one metadata writer (`XMPMetadata.extra`).
enum PDFXMetadata {
  /// A `uuid:` made from the title and date (FNV-1a), so two builds give the same bytes.
  static func documentID(_ seed: String) -> String {
    var a: UInt64 = 0xcbf2_9ce4_8422_2325
    var b: UInt64 = 0x8422_2325_cbf2_9ce4
    for byte in seed.utf8 {
      a = (a ^ UInt64(byte)) &* 0x100_0000_01b3
      b = (b ^ UInt64(byte)) &* 0x100_0000_01b3 &+ 7
    }
    let hex = String(a, radix: 16).leftPadded(16) + String(b, radix: 16).leftPadded(16)
    let h = Array(hex)
    return "uuid:" + [String(h[0..<8]), String(h[8..<12]), String(h[12..<16]), String(h[16..<20]), String(h[20..<32])].joined(separator: "-")
  }

  /// The PDF/X-4 properties the one XMP writer (`XMPMetadata.extra`) adds to a file's packet.
  static func properties(title: String, date: String) -> [XMPMetadata.Property] {
    let id = documentID(title + "\u{0}" + date)
    let mm = "http://ns.adobe.com/xap/1.0/mm/"
    return [
      XMPMetadata.Property(prefix: "pdfxid", namespace: "http://www.npes.org/pdfx/ns/id/", name: "GTS_PDFXVersion", value: "PDF/X-4"),
      XMPMetadata.Property(prefix: "pdf", namespace: "http://ns.adobe.com/pdf/1.3/", name: "Trapped", value: "False"),
      XMPMetadata.Property(prefix: "xmpMM", namespace: mm, name: "DocumentID", value: id),
      XMPMetadata.Property(prefix: "xmpMM", namespace: mm, name: "InstanceID", value: id),
      XMPMetadata.Property(prefix: "xmpMM", namespace: mm, name: "VersionID", value: "1"),
      XMPMetadata.Property(prefix: "xmpMM", namespace: mm, name: "RenditionClass", value: "default"),
    ]
  }
}

extension String {
  fileprivate func leftPadded(_ n: Int) -> String { String(repeating: "0", count: Swift.max(0, n - count)) + self }
}
