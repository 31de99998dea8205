import ImprentaText
import Testing

@Suite struct TableTests {
  @Test func columnsAreAlignedWithARuleUnderTheHeader() throws {
    let md = """
      | Name | Qty | Note |
      |:-----|----:|:----:|
      | apple | 3 | red |
      | kiwi | 12 | g |
      """
    #expect(try body(md) == "Name   Qty  Note\n-----  ---  ----\napple    3  red\nkiwi    12   g\n")
  }

  @Test func cellsWrapInsideTheirColumnWithBlankLinesBetweenRows() throws {
    let md = """
      | Term | Meaning |
      |------|---------|
      | one | the first number of all numbers |
      | two | second |
      """
    let out = try body(md, columns: 24)
    #expect(out == "Term  Meaning\n----  ------------------\none   the first number\n      of all numbers\n\ntwo   second\n")
    for line in out.split(separator: "\n") { #expect(line.count <= 24) }
  }

  @Test func columnsShrinkInProportionButNeverBelowTheirLongestWord() throws {
    let md = """
      | A | B |
      |---|---|
      | aaaa bbbb cccc dddd | extraordinary words everywhere |
      """
    let out = try body(md, columns: 30)
    // Room 28 = 4 + 13 least; the 11 left are shared 15:17 by what each column wants.
    #expect(out == "A           B\n----------  ------------------\naaaa bbbb   extraordinary\ncccc dddd   words everywhere\n")
  }

  @Test func wideCharactersAreMeasuredInColumns() throws {
    let md = "| 名前 | x |\n|---|---|\n| 日本 | y |"
    #expect(try body(md) == "名前  x\n----  -\n日本  y\n")
  }

  @Test func aTableTooWideForItsWordsBecomesRecords() throws {
    let md = """
      | Alpha | Beta |
      |-------|------|
      | somelongword | anotherlongword |
      | a | b |
      """
    #expect(try body(md, columns: 20) == "Alpha: somelongword\nBeta: anotherlongword\n\nAlpha: a\nBeta: b\n")
  }

  @Test func anEmptyHeaderRowIsLeftOut() throws {
    let md = "|  |  |\n|--|--|\n| a | b |"
    #expect(try body(md) == "a  b\n")
  }

  @Test func linksInCellsAreNumbered() throws {
    let md = "| Site |\n|---|\n| [Go](https://go.dev) |"
    #expect(try body(md) == "Site\n------\nGo [1]\n\nLinks\n-----\n\n[1] https://go.dev\n")
  }
}
