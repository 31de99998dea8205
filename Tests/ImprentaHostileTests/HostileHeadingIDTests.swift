import Imprenta
import Testing

/// Heading ids stay unique and Hugo's (`a`, `a-1`, `a-2`…) however many headings repeat, and a
/// long heading's slug is its text's; the suffix counter and the slug are linear (no timing here:
/// the attack scripts bound time).
@Suite("Heading ids")
struct HostileHeadingIDTests {
  static func ids(_ markdown: String) throws -> [String] {
    var d = Diagnostics()
    let doc = try PageReader().read(markdown: markdown, diagnostics: &d)
    return doc.blocks.compactMap { if case .heading(let h) = $0 { return h.id } else { return nil } }
  }

  @Test(arguments: [2, 100, 5_000])
  func repeatedHeadingsNumberFromOne(_ n: Int) throws {
    let ids = try Self.ids(String(repeating: "## a\n\n", count: n))
    #expect(ids == ["a"] + (1..<n).map { "a-\($0)" })
  }

  @Test func explicitIdsAreSkippedAndInterleavedBasesCountApart() throws {
    let ids = try Self.ids("## a {#a-1}\n\n## a\n\n## b\n\n## a\n\n## b\n\n## a-1\n\n## a\n")
    #expect(ids == ["a-1", "a", "b", "a-2", "b-1", "a-1-1", "a-3"])
    #expect(Set(ids).count == ids.count)
  }

  @Test func longHeadingSlugIsItsText() throws {
    let ids = try Self.ids("# " + String(repeating: "Palabra Ñandú ", count: 20_000) + "\n")
    #expect(ids.first == Array(repeating: "palabra-ñandú", count: 20_000).joined(separator: "-"))
  }
}
