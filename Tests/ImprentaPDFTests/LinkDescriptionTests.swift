import Testing

@testable import ImprentaPDF

/// A link annotation's `/Contents`: the link's text without the soft hyphens the layout adds and
/// with its line breaks and runs of spaces as one space.
@Suite struct LinkDescriptionTests {
  func describe(_ text: String, from: Int = 0, to: Int? = nil) -> String {
    let bytes = Array(text.utf8)
    return PDFLayouter.linkDescription(bytes, start: from, end: to ?? bytes.count)
  }

  @Test func softHyphensAndLineBreaksAreDropped() {
    #expect(describe("trans\u{AD}pa\u{AD}ren\u{AD}cia") == "transparencia")
    #expect(describe("Gobierno\nAbierto  de\tColombia") == "Gobierno Abierto de Colombia")
    #expect(describe("  \u{AD}  ") == "")
    // Other characters written with the same lead byte as the soft hyphen stay.
    #expect(describe("año ©2026 ¿qué?") == "año ©2026 ¿qué?")
    #expect(describe("עברית\u{AD}中文\u{2028}emoji 👩‍💻") == "עברית中文 emoji 👩‍💻")
  }

  @Test func onlyTheLinksBytesAreRead() {
    let text = "ver el plan\u{AD} de acción aquí"
    let start = Array("ver ".utf8).count
    let end = Array("ver el plan\u{AD} de acción".utf8).count
    #expect(describe(text, from: start, to: end) == "el plan de acción")
    #expect(describe(text, from: 5, to: 5) == "")
    #expect(describe(text, from: -1, to: 3) == "")
    #expect(describe(text, from: 0, to: 1_000) == "")
  }

  @Test func aSoftHyphenCutAtTheEndIsNotReadPastIt() {
    // The range ends between the soft hyphen's two bytes: its lead byte alone is invalid UTF-8
    // (a replacement character), never joined with the byte after the range.
    let bytes = Array("plan\u{AD}x".utf8)
    #expect(PDFLayouter.linkDescription(bytes, start: 0, end: 5) == "plan\u{FFFD}")
  }
}
