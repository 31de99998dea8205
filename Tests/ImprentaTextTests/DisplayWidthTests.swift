@testable import ImprentaText
import Testing

@Suite struct DisplayWidthTests {
  @Test func asciiIsOneColumnEach() {
    #expect(DisplayWidth.of("hello") == 5)
    #expect(DisplayWidth.of("") == 0)
  }

  @Test func combiningMarksTakeNoColumn() {
    // "e" + COMBINING ACUTE ACCENT is one grapheme, one column, like the precomposed "é".
    #expect(DisplayWidth.of("e\u{0301}") == 1)
    #expect(DisplayWidth.of("caf\u{00E9}") == DisplayWidth.of("cafe\u{0301}"))
    #expect(DisplayWidth.of("a\u{0300}\u{0323}") == 1)
  }

  @Test func eastAsianWideTakesTwo() {
    #expect(DisplayWidth.of("日本語") == 6)
    #expect(DisplayWidth.of("한국어") == 6)
    #expect(DisplayWidth.of("ｶﾀｶﾅ") == 4)  // halfwidth katakana stays narrow
    #expect(DisplayWidth.of("ＡＢ") == 4)  // fullwidth Latin
    #expect(DisplayWidth.of("。") == 2)
  }

  @Test func emojiTakeTwo() {
    #expect(DisplayWidth.of("😀") == 2)
    #expect(DisplayWidth.of("👩‍👩‍👧") == 2)  // a ZWJ sequence is one cluster
    #expect(DisplayWidth.of("🇨🇴") == 2)  // a flag
    #expect(DisplayWidth.of("❤️") == 2)  // text-style heart with VS16
  }

  @Test func controlAndFormatCharactersTakeNone() {
    #expect(DisplayWidth.of("a\u{200B}b") == 2)
    // A soft hyphen is counted as one column: some terminals draw it, and counting it keeps
    // lines within the width either way.
    #expect(DisplayWidth.of("\u{00AD}") == 1)
  }

  @Test func wideTableIsSortedAndDisjoint() {
    let ranges = DisplayWidth.wideRanges
    for (a, b) in zip(ranges, ranges.dropFirst()) { #expect(a.upperBound < b.lowerBound) }
  }
}

@Suite struct WrappingByWidthTests {
  @Test func wideCharactersWrapByColumnsNotCharacters() throws {
    // Ten wide words of two characters each: 4 columns + a space. At 14 columns, 2 per line.
    let words = Array(repeating: "漢字", count: 6).joined(separator: " ")
    let out = try body(words, columns: 14)
    #expect(out == "漢字 漢字 漢字\n漢字 漢字 漢字\n")
    for line in out.split(separator: "\n") { #expect(DisplayWidth.of(line) <= 14) }
  }

  @Test func combiningMarksDoNotCountTowardTheWidth() throws {
    let decomposed = "cafe\u{0301} cafe\u{0301} cafe\u{0301}"
    #expect(try body(decomposed, columns: 10) == "cafe\u{0301} cafe\u{0301}\ncafe\u{0301}\n")
  }

  @Test func graphemeClustersAreNeverSplitInCode() {
    let pieces = LineWrapper.cut("👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧", width: 4, marker: "↪")
    #expect(pieces == ["👩‍👩‍👧👩‍👩‍👧", "↪👩‍👩‍👧"])
  }

  @Test func aURLLongerThanTheWidthStaysWhole() throws {
    let url = "https://example.org/a/very/long/path/that/goes/on/and/on/for/ever/and/ever/index.html"
    let out = try body("See \(url) now.", columns: 40)
    #expect(out == "See\n\(url)\nnow.\n")
  }

  @Test func noBreakSpacesGlueTheirNeighbours() throws {
    let out = try body("aaaa bbbb 10\u{00A0}km cccc 5\u{202F}%", columns: 11)
    #expect(out == "aaaa bbbb\n10\u{00A0}km cccc\n5\u{202F}%\n")
  }

  @Test func emojiCountTwoColumns() throws {
    #expect(try body("😀😀😀 😀😀😀", columns: 11) == "😀😀😀\n😀😀😀\n")
    #expect(try body("😀😀😀 😀😀😀", columns: 13) == "😀😀😀 😀😀😀\n")
  }
}
