import ImprentaModel
import Testing

@testable import ImprentaPDF

/// The pieces of the PDF/UA pass that need no PDF: the XMP packet, the content-stream rewrite
/// (artifacts, soft hyphens) and the ToUnicode clean-up.
@Suite struct AccessibilityTests {
  @Test func xmpClaimsPDFUAWithTitleAndLanguage() throws {
    let x = XMPMetadata(title: "Informe <2019> & más", language: "es", authors: ["Ana"], date: "2019-03-20T10:00:00-05:00")
    let p = x.packet
    #expect(p.contains("<pdfuaid:part>1</pdfuaid:part>"))
    #expect(p.contains("xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\""))
    #expect(p.contains("<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"))
    #expect(p.contains("Informe &lt;2019&gt; &amp; más"))
    #expect(p.contains("<dc:language><rdf:Bag><rdf:li>es</rdf:li></rdf:Bag></dc:language>"))
    #expect(p.contains("<xmp:CreateDate>2019-03-20T10:00:00-05:00</xmp:CreateDate>"))
    #expect(p.hasPrefix("<?xpacket begin=\"\u{FEFF}\"") && p.hasSuffix("<?xpacket end=\"w\"?>"))
  }

  @Test func xmpWithoutClaimAndWithAnotherStandardsProperty() {
    var x = XMPMetadata(title: "T", language: "en", claimsPDFUA: false)
    x.extra = [.init(prefix: "pdfxid", namespace: "http://www.npes.org/pdfx/ns/id/", name: "GTS_PDFXVersion", value: "PDF/X-4")]
    let p = x.packet
    #expect(!p.contains("pdfuaid"))
    #expect(p.contains("xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\""))
    #expect(p.contains("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>"))
  }

  @Test func isoDateFromPageDate() throws {
    let d = try #require(PageDate(parsing: "2019-03-20T10:00:00-05:00"))
    #expect(XMPMetadata.isoDate(d) == "2019-03-20T10:00:00-05:00")
  }

  @Test func markerTagsBecomeArtifactsAndSoftHyphenSpansGo() {
    let content = """
      /WP << /MCID 7 >> BDC
      BT <0012> Tj ET
      EMC
      /P << /MCID 8 >> BDC
      BT <0013> Tj
      /Span << /ActualText <feff00ad> >> BDC
      EMC
      <0014> Tj
      /Span << /ActualText <feff006600ad0069> >> BDC
      <0015> Tj
      EMC
      /Span << /ActualText <feff00ad> >> BDC
      <0016> Tj
      EMC
      ET
      EMC
      /Private << /MCID 9 >> BDC
      0 0 m 1 1 l S
      EMC
      """
    let out = QPDFPostProcessor.rewrittenContent(content)
    #expect(out.contains("/Artifact << /Type /Pagination >> BDC\nBT <0012> Tj ET"))
    #expect(out.contains("/Artifact << /Type /Layout >> BDC\n0 0 m"))
    #expect(!out.contains("MCID 7") && !out.contains("MCID 9") && out.contains("/P << /MCID 8 >> BDC"))
    // Spans are Cairo's and stay as they are: the hyphen at a line's end says it is a soft hyphen.
    #expect(out.contains("/Span << /ActualText <feff00ad> >> BDC\n<0016> Tj"))
  }

}
