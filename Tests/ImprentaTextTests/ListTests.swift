import ImprentaText
import ImprentaStyle
import ImprentaModel
import ImprentaReader
import Testing

@Suite struct ListTests {
  @Test func bulletsChangeByDepthAndNestedListsAreIndented() throws {
    let out = try body("- a\n  - b\n    - c\n      - d\n- e")
    #expect(out == "* a\n  - b\n    + c\n      * d\n* e\n")
  }

  @Test func itemsHangAfterTheirMarker() throws {
    let out = try body("- one two three four five", columns: 12)
    #expect(out == "* one two\n  three four\n  five\n")
  }

  @Test func orderedListsCountFromTheirStartWithTheirDelimiter() throws {
    #expect(try body("3. c\n4. d") == "3. c\n4. d\n")
    #expect(try body("1) a\n1) b") == "1) a\n2) b\n")
  }

  @Test func numbersAreRightAlignedToTheWidest() throws {
    let items = (1...10).map { "\($0). item \($0)" }.joined(separator: "\n")
    let out = try body(items)
    #expect(out.hasPrefix(" 1. item 1\n 2. item 2\n"))
    #expect(out.hasSuffix(" 9. item 9\n10. item 10\n"))
  }

  @Test func orderedItemsHangAfterTheNumber() throws {
    #expect(try body("9. aaa bbb\n10. ccc ddd eee", columns: 12) == " 9. aaa bbb\n10. ccc ddd\n    eee\n")
  }

  @Test func taskItemsShowTheirBox() throws {
    let out = try body("- [ ] open task\n- [x] done task", columns: 14)
    #expect(out == "* [ ] open\n      task\n* [x] done\n      task\n")
  }

  @Test func looseListsHaveBlankLinesBetweenItems() throws {
    let out = try body("- a\n\n- b\n\n  second para\n- c")
    #expect(out == "* a\n\n* b\n\n  second para\n\n* c\n")
  }

  @Test func tightListsHaveNone() throws {
    #expect(try body("- a\n- b\n  1. x\n  2. y\n- c") == "* a\n* b\n  1. x\n  2. y\n* c\n")
  }

  @Test func listsInsideQuotes() throws {
    #expect(try body("> - a\n> - b") == "> * a\n> * b\n")
  }

  @Test func codeInsideAListItemStaysWithinTheWidth() throws {
    let out = try body("- item\n\n  ```\n  0123456789abcdefghij\n  ```", columns: 16)
    #expect(out == "* item\n\n      0123456789\n      ↪abcdefghi\n      ↪j\n")
  }

  @Test func bulletsComeFromTheStyle() throws {
    var style = Style()
    style.text.bullets = ["•"]
    var diagnostics = Diagnostics()
    let document = try PageReader().read(markdown: "---\nhideTitle: true\n---\n- a\n  - b", diagnostics: &diagnostics)
    #expect(TextWriter(style: style).write(document, diagnostics: &diagnostics) == "• a\n  • b\n")
  }
}
