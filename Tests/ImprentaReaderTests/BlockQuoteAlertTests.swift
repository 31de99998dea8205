import ImprentaModel
import ImprentaReader
import Testing

/// `> [!NOTE]` quotes (GitHub, Obsidian, Hugo alerts; used by themes such as Docsy) are read as
/// admonitions, so no backend prints the marker.
@Suite("Blockquote alerts")
struct BlockQuoteAlertTests {
  func first(_ markdown: String) throws -> Block? {
    try GoldmarkSyntaxTests.blocks(markdown).first
  }

  @Test func markerAloneGivesABoxLabelledByItsKind() throws {
    guard case .container(let c)? = try first("> [!TIP]\n>\n> This is a **successful** alert.\n"), let a = c.admonition else {
      Issue.record("not an admonition")
      return
    }
    #expect(a.kind == "tip" && a.family == .tip && a.title.isEmpty)
    #expect(a.label.plainText == "Tip")
    guard c.blocks.count == 1, case .paragraph(let p)? = c.blocks.first else {
      Issue.record("\(c.blocks)")
      return
    }
    #expect(p.content.plainText == "This is a successful alert.")
  }

  @Test func titleAndBodyOnFollowingLines() throws {
    guard case .container(let c)? = try first("> [!WARNING]- Mind *the* gap\n> Keep clear of the doors.\n"), let a = c.admonition else {
      Issue.record("not an admonition")
      return
    }
    #expect(a.family == .warning)
    #expect(a.title.plainText == "Mind the gap")
    guard case .paragraph(let p)? = c.blocks.first else {
      Issue.record("\(c.blocks)")
      return
    }
    #expect(p.content.plainText == "Keep clear of the doors.")
  }

  @Test func unknownKindsAreNotesAndNonMarkersStayQuotes() throws {
    guard case .container(let c)? = try first("> [!NB] This is an alert.\n") else {
      Issue.record("not an admonition")
      return
    }
    #expect(c.admonition?.kind == "nb" && c.admonition?.family == .note && c.blocks.isEmpty)
    for quote in ["> [!NOTE]x text\n", "> [ !NOTE] text\n", "> [!] text\n", "> Text [!NOTE]\n", "> [!NO TE] x\n"] {
      guard case .blockQuote? = try first(quote) else {
        Issue.record("\(quote) is not a quote")
        continue
      }
    }
  }
}
