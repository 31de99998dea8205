/// XMP metadata for PDF/X-4 (`pdfxid:GTS_PDFXVersion`, title, dates, producer, trapping).
/// A stopgap: once the PDF/UA work's metadata writer is merged, these become its properties.
enum PDFXMetadata {
  /// `D:YYYYMMDDHHmmSS+HH'mm'` (or `Z`) as an XMP date.
  static func xmpDate(_ pdf: String) -> String {
    let d = Array(pdf.hasPrefix("D:") ? pdf.dropFirst(2) : Substring(pdf))
    guard d.count >= 14 else { return "1970-01-01T00:00:00Z" }
    let s = String(d)
    func part(_ a: Int, _ b: Int) -> String { String(s.dropFirst(a).prefix(b - a)) }
    var out = "\(part(0, 4))-\(part(4, 6))-\(part(6, 8))T\(part(8, 10)):\(part(10, 12)):\(part(12, 14))"
    let zone = String(s.dropFirst(14))
    if zone.hasPrefix("Z") || zone.isEmpty {
      out += "Z"
    } else {
      let digits = zone.dropFirst().filter(\.isNumber)
      out += "\(zone.first!)\(digits.prefix(2)):\(digits.dropFirst(2).prefix(2))"
    }
    return out
  }

  static func escape(_ s: String) -> String {
    s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
  }

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

  static func xmp(title: String, producer: String, date: String) -> String {
    let d = xmpDate(date)
    let id = documentID(title + "\u{0}" + date)
    return """
      <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
      <x:xmpmeta xmlns:x="adobe:ns:meta/">
       <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        <rdf:Description rdf:about=""
          xmlns:dc="http://purl.org/dc/elements/1.1/"
          xmlns:xmp="http://ns.adobe.com/xap/1.0/"
          xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
          xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
          xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
         <dc:format>application/pdf</dc:format>
         <dc:title><rdf:Alt><rdf:li xml:lang="x-default">\(escape(title))</rdf:li></rdf:Alt></dc:title>
         <xmp:CreateDate>\(d)</xmp:CreateDate>
         <xmp:ModifyDate>\(d)</xmp:ModifyDate>
         <xmp:MetadataDate>\(d)</xmp:MetadataDate>
         <xmpMM:DocumentID>\(id)</xmpMM:DocumentID>
         <xmpMM:InstanceID>\(id)</xmpMM:InstanceID>
         <xmpMM:VersionID>1</xmpMM:VersionID>
         <xmpMM:RenditionClass>default</xmpMM:RenditionClass>
         <pdf:Producer>\(escape(producer))</pdf:Producer>
         <pdf:Trapped>False</pdf:Trapped>
         <pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>
        </rdf:Description>
       </rdf:RDF>
      </x:xmpmeta>
      <?xpacket end="w"?>
      """
  }
}

extension String {
  fileprivate func leftPadded(_ n: Int) -> String { String(repeating: "0", count: Swift.max(0, n - count)) + self }
}
