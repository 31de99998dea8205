import Testing

@testable import ImprentaPDF

/// A link's words, painted in their own text object inside the paragraph's marked content, move
/// into the link element's MCID; the paragraph goes on under a new one.
@Suite struct LinkTextSplitTests {
  /// A page as Cairo 1.16 writes it: the paragraph (MCID 1) with the link's words in the middle,
  /// the link's empty sequence (MCID 2) after it.
  let page = """
    1 0 0 -1 0 800 cm
    /P << /MCID 1 >> BDC
    0.1 0.1 0.1 rg BT
    10 0 0 -10 70 100 Tm
    (Before )Tj
    ET
    0.1 0.3 0.6 rg BT
    10 0 0 -10 110 100 Tm
    (the link)Tj
    ET
    0.1 0.1 0.1 rg BT
    10 0 0 -10 160 100 Tm
    ( after.)Tj
    ET
    EMC
    /Link << /MCID 2 >> BDC
    EMC
    """

  @Test func theLinksWordsGoUnderItsMCID() throws {
    // The annotation's rectangle in default space: the text's baseline is at 800 - 100 = 700.
    let link = LinkTextSplit.Link(mcid: 2, rect: (110, 697, 155, 710))
    let (bytes, splits) = try #require(LinkTextSplit.split(Array(page.utf8), links: [link], nextMCID: 3))
    let out = String(decoding: bytes, as: UTF8.self)
    #expect(splits == [LinkTextSplit.Split(link: 0, mcid: 1, after: 3)])
    let before = try #require(out.range(of: "(Before )Tj"))
    let linkOpen = try #require(out.range(of: "EMC /Link <</MCID 2>> BDC"))
    let linkText = try #require(out.range(of: "(the link)Tj"))
    let rest = try #require(out.range(of: "EMC /P <</MCID 3>> BDC"))
    let after = try #require(out.range(of: "( after.)Tj"))
    #expect(before.upperBound < linkOpen.lowerBound && linkOpen.upperBound < linkText.lowerBound)
    #expect(linkText.upperBound < rest.lowerBound && rest.upperBound < after.lowerBound)
    // The empty sequence is gone, and marked content stays balanced.
    #expect(!out.contains("/Link << /MCID 2 >> BDC"))
    #expect(out.components(separatedBy: "BDC").count == out.components(separatedBy: "EMC").count)
  }

  @Test func aLinkAtTheEndNeedsNoNewMCID() throws {
    let link = LinkTextSplit.Link(mcid: 2, rect: (160, 697, 200, 710))
    let (bytes, splits) = try #require(LinkTextSplit.split(Array(page.utf8), links: [link], nextMCID: 3))
    #expect(splits == [LinkTextSplit.Split(link: 0, mcid: 1, after: nil)])
    let out = String(decoding: bytes, as: UTF8.self)
    #expect(!out.contains("MCID 3") && out.contains("EMC /Link <</MCID 2>> BDC"))
    #expect(out.components(separatedBy: "BDC").count == out.components(separatedBy: "EMC").count)
  }

  @Test func textOutsideEveryLinkStaysWhereItIs() {
    let link = LinkTextSplit.Link(mcid: 2, rect: (300, 600, 350, 610))
    #expect(LinkTextSplit.split(Array(page.utf8), links: [link], nextMCID: 3) == nil)
  }
}
