import ImprentaModel

/// The document's XMP metadata packet (the catalog's `/Metadata` stream): Dublin Core title,
/// language, creator and description, the dates, the producing tool, and the standards the file
/// claims. PDF/UA-1 is claimed with `pdfuaid:part 1` and its extension schema (ISO 14289-1 §5 asks
/// for both); another standard adds its property through `extra` (PDF/X-4 would pass
/// `XMPMetadata.Property(prefix: "pdfxid", namespace: "http://www.npes.org/pdfx/ns/id/", name: "GTS_PDFXVersion", value: "PDF/X-4")`).
struct XMPMetadata {
  /// One simple property: `<prefix:name>value</prefix:name>` in the namespace `namespace`.
  struct Property: Hashable {
    var prefix: String
    var namespace: String
    var name: String
    var value: String
  }

  var title: String
  var language: String
  var authors: [String] = []
  var description: String = ""
  var keywords: String = ""
  var creatorTool: String = "Imprenta"
  var date: String = ""
  /// Whether the file says it conforms to PDF/UA-1.
  var claimsPDFUA = true
  /// Properties of other standards or tools, written after the built-in ones.
  var extra: [Property] = []

  /// The PDF date `D:20190320100000-05'00'` as XMP's ISO 8601 (`2019-03-20T10:00:00-05:00`).
  static func isoDate(_ d: PageDate) -> String {
    func p(_ v: Int, _ n: Int = 2) -> String {
      let s = String(v)
      return String(repeating: "0", count: max(0, n - s.count)) + s
    }
    var s = "\(p(d.year, 4))-\(p(d.month))-\(p(d.day))T\(p(d.hour ?? 0)):\(p(d.minute ?? 0)):\(p(d.second ?? 0))"
    if let off = d.utcOffset {
      let a = abs(off)
      s += off == 0 ? "Z" : (off < 0 ? "-" : "+") + "\(p(a / 3600)):\(p((a % 3600) / 60))"
    }
    return s
  }

  static func escaped(_ s: String) -> String {
    var out = ""
    for c in s.unicodeScalars {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      // XML 1.0 forbids most C0 controls; a title never needs them.
      case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": continue
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }

  /// The packet, UTF-8, with the `xpacket` wrapper and padding so it can be edited in place.
  var packet: String {
    let e = XMPMetadata.escaped
    var namespaces: [(String, String)] = [
      ("dc", "http://purl.org/dc/elements/1.1/"), ("xmp", "http://ns.adobe.com/xap/1.0/"), ("pdf", "http://ns.adobe.com/pdf/1.3/"),
    ]
    if claimsPDFUA {
      namespaces += [
        ("pdfuaid", "http://www.aiim.org/pdfua/ns/id/"), ("pdfaExtension", "http://www.aiim.org/pdfa/ns/extension/"),
        ("pdfaSchema", "http://www.aiim.org/pdfa/ns/schema#"), ("pdfaProperty", "http://www.aiim.org/pdfa/ns/property#"),
      ]
    }
    for p in extra where !namespaces.contains(where: { $0.0 == p.prefix }) { namespaces.append((p.prefix, p.namespace)) }
    var body = ""
    let lang = language.isEmpty ? "x-default" : language
    body += "   <dc:format>application/pdf</dc:format>\n"
    body += "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">\(e(title))</rdf:li></rdf:Alt></dc:title>\n"
    if !language.isEmpty { body += "   <dc:language><rdf:Bag><rdf:li>\(e(language))</rdf:li></rdf:Bag></dc:language>\n" }
    if !authors.isEmpty {
      body += "   <dc:creator><rdf:Seq>" + authors.map { "<rdf:li>\(e($0))</rdf:li>" }.joined() + "</rdf:Seq></dc:creator>\n"
    }
    if !description.isEmpty {
      body += "   <dc:description><rdf:Alt><rdf:li xml:lang=\"\(e(lang))\">\(e(description))</rdf:li></rdf:Alt></dc:description>\n"
    }
    if !keywords.isEmpty { body += "   <pdf:Keywords>\(e(keywords))</pdf:Keywords>\n" }
    body += "   <pdf:Producer>\(e(creatorTool))</pdf:Producer>\n"
    body += "   <xmp:CreatorTool>\(e(creatorTool))</xmp:CreatorTool>\n"
    if !date.isEmpty {
      body += "   <xmp:CreateDate>\(date)</xmp:CreateDate>\n   <xmp:ModifyDate>\(date)</xmp:ModifyDate>\n   <xmp:MetadataDate>\(date)</xmp:MetadataDate>\n"
    }
    if claimsPDFUA {
      body += "   <pdfuaid:part>1</pdfuaid:part>\n"
      body += """
           <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
            <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
            <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
            <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
            <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
             <pdfaProperty:name>part</pdfaProperty:name>
             <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
             <pdfaProperty:category>internal</pdfaProperty:category>
             <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
            </rdf:li></rdf:Seq></pdfaSchema:property>
           </rdf:li></rdf:Bag></pdfaExtension:schemas>

        """
    }
    for p in extra { body += "   <\(p.prefix):\(p.name)>\(e(p.value))</\(p.prefix):\(p.name)>\n" }
    let xmlns = namespaces.map { "    xmlns:\($0.0)=\"\($0.1)\"" }.joined(separator: "\n")
    let padding = String(repeating: String(repeating: " ", count: 99) + "\n", count: 20)
    return """
      <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
      <x:xmpmeta xmlns:x="adobe:ns:meta/">
       <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        <rdf:Description rdf:about=""
      \(xmlns)>
      \(body)  </rdf:Description>
       </rdf:RDF>
      </x:xmpmeta>
      \(padding)<?xpacket end="w"?>
      """
  }
}
