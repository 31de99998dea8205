import Foundation
import ImprentaModel
import ImprentaReader
import ImprentaStyle
import Testing

@testable import ImprentaPDF

/// Definition lists in PDF: the term bold at the text's edge (an anchor when it has an id), its
/// definitions indented below it; a link to the term lands on it.
@Suite struct DefinitionListPDFTests {
  static let markdown = """
    ---
    title: Glossary
    ---
    Apple
    : A pomaceous fruit that grows on trees.
    : A company.

    `weight`
    : The order of pages. See [apple](#apple).

    ## Styled {.fancy}

    The end.

    """

  static func document() throws -> Document {
    var reader = PageReader()
    reader.markup.autoDefinitionTermID = true
    var d = Diagnostics()
    return try reader.read(markdown: markdown, path: "glossary.md", relativeName: "glossary", diagnostics: &d)
  }

  @Test func termsAtTheEdgeDefinitionsIndented() throws {
    let (layout, diagnostics) = PDFTest.layout(try Self.document())
    #expect(diagnostics.items.isEmpty, "\(diagnostics.items)")
    var lines: [(String, Double)] = []
    var anchors: [String] = []
    for page in layout.pages {
      for item in page.items {
        if case .text(let t) = item.kind { lines.append((t.text, t.x)) }
        if case .anchor(let name, _, _) = item.kind { anchors.append(name) }
      }
    }
    let term = try #require(lines.first { $0.0 == "Apple" })
    let definition = try #require(lines.first { $0.0.hasPrefix("A pomaceous") })
    let company = try #require(lines.first { $0.0 == "A company." })
    #expect(definition.1 > term.1 + 10 && company.1 == definition.1)
    #expect(anchors.contains("apple") && anchors.contains("weight"))
    #expect(!lines.contains { $0.0.contains("{") })
  }

  @Test func pdfTextHasTermsDefinitionsAndBoldTerms() throws {
    let (url, _, _) = try PDFTest.write(try Self.document(), name: "definition-list")
    guard let text = PDFTest.run("pdftotext", ["-layout", url.path, "-"])?.output else { return }
    for needle in ["Apple", "A pomaceous fruit", "A company.", "weight", "The order of pages.", "Styled"] {
      #expect(text.contains(needle), "\(needle) missing:\n\(text)")
    }
    #expect(!text.contains(".fancy"))
    if let fonts = PDFTest.run("pdffonts", [url.path])?.output {
      #expect(fonts.contains("Bold"), "\(fonts)")
    }
  }
}
