@testable import ImprentaText
import Testing

@Suite struct IdeographWrapTests {
  static let chinese = String(repeating: "这是一个很长的中文段落，用来检查汉字之间的换行是否正确。", count: 5)

  @Test func chineseWrapsBetweenIdeographsWithinTheWidth() {
    let lines = LineWrapper.wrap(Self.chinese, width: 40)
    #expect(lines.count > 3)
    #expect(lines.allSatisfy { DisplayWidth.of($0) <= 40 }, "\(lines)")
    // Nothing added or lost, and no space put between ideographs.
    #expect(lines.joined() == Self.chinese)
    // Every line but the last is (nearly) full.
    #expect(lines.dropLast().allSatisfy { DisplayWidth.of($0) >= 38 })
  }

  @Test func closingPunctuationNeverStartsALine() {
    // Width 8 would put "，" (two columns) first on the second line: it stays with the ideograph before it.
    let lines = LineWrapper.wrap("一二三四，五六七八。", width: 8)
    #expect(lines.allSatisfy { !($0.first.map { IdeographBreaks.closing.contains($0.unicodeScalars.first!) } ?? false) }, "\(lines)")
    #expect(lines.joined() == "一二三四，五六七八。")
    let quoted = LineWrapper.wrap("他说「你好」然后走了", width: 6)
    #expect(quoted.allSatisfy { !$0.hasSuffix("「") }, "\(quoted)")
  }

  @Test func mixedLatinAndChineseKeepTheirSpaces() {
    let text = "Hugo 是一个静态网站生成器 and more words here"
    let lines = LineWrapper.wrap(text, width: 14)
    #expect(lines.allSatisfy { DisplayWidth.of($0) <= 14 }, "\(lines)")
    #expect(lines.joined(separator: " ").replacingOccurrences(of: " ", with: "") == text.replacingOccurrences(of: " ", with: ""))
    #expect(lines.first == "Hugo 是一个静")  // 13 columns: 态 would make 15
    // Latin text wraps as before: at spaces only.
    #expect(LineWrapper.wrap("alpha beta gamma", width: 10) == ["alpha beta", "gamma"])
    #expect(LineWrapper.widestWord("中文段落") == 2)
    #expect(LineWrapper.widestWord("alpha 中文") == 5)
  }
}
