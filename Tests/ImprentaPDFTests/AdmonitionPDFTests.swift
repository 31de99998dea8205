import Foundation
import ImprentaModel
import ImprentaStyle
import Testing

@testable import ImprentaPDF

/// An admonition in PDF: a tinted box with a rule at the left in the family's colours, its title
/// in bold, the box following its content across a page break.
@Suite struct AdmonitionPDFTests {
  func box(_ kind: String, _ blocks: [Block], title: String = "") -> Block {
    .container(Container(attributes: Attributes(), blocks: blocks, admonition: Admonition(kind: kind, title: title.isEmpty ? [] : [.text(Text(title))])))
  }

  func fills(_ layout: PageLayout) -> [[Color]] {
    layout.pages.map { page in page.items.compactMap { if case .box(_, let fill, _, _) = $0.kind { return fill } else { return nil } } }
  }

  @Test func boxRuleAndTitleInTheFamilysColours() throws {
    let style = Style()
    let doc = Document(sourcePath: "p.md", relativeName: "p", metadata: Metadata(title: "Boxes", language: "en"), blocks: [
      .paragraph(Paragraph([.text(Text("Before."))])),
      box("danger", [.paragraph(Paragraph([.text(Text("Deleting the folder loses every page."))]))], title: "Do not"),
      box("tip", [.paragraph(Paragraph([.text(Text("A hint."))]))]),
    ])
    let (layout, _) = PDFTest.layout(doc, style: style)
    let colours = Set(fills(layout).joined())
    let a = style.admonition
    #expect(colours.isSuperset(of: [a.dangerColor, a.dangerBackground, a.tipColor, a.tipBackground]))
    #expect(!colours.contains(a.noteBackground))
    let (url, _, _) = try PDFTest.write(doc, name: "admonitions")
    if let text = PDFTest.run("pdftotext", ["-layout", url.path, "-"])?.output {
      #expect(text.contains("Do not") && text.contains("Deleting the folder") && text.contains("Tip") && text.contains("A hint."), "\(text)")
    }
  }

  @Test func aLongBoxGoesOnAcrossPages() {
    let paragraphs = (1...80).map { Block.paragraph(Paragraph([.text(Text("Paragraph \($0) of a very long warning that cannot fit on one page at all."))])) }
    let doc = Document(sourcePath: "p.md", relativeName: "p", metadata: Metadata(title: "Long", language: "en"), blocks: [box("warning", paragraphs)])
    let (layout, _) = PDFTest.layout(doc)
    #expect(layout.pages.count >= 2)
    for page in fills(layout) { #expect(page.contains(Style().admonition.warningBackground)) }
  }
}
