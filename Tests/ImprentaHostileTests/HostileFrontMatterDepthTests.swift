import Imprenta
import Testing

/// Front matter nesting is held to `Budget.frontMatterDepth` before any recursive parse: dotted
/// TOML keys and headers, inline tables, arrays, YAML and JSON nesting, at growing depths.
@Suite("Front matter depth budget")
struct HostileFrontMatterDepthTests {
  static let limit = Budget.frontMatterDepth.limit
  static let depths = [1, 10, limit - 2, limit + 1, limit + 10, 1_000, 20_000]

  static func read(_ page: String) -> (error: ImprentaError?, diagnostics: Diagnostics) {
    var d = Diagnostics()
    do {
      _ = try PageReader().read(markdown: page + "\n\nBody.\n", diagnostics: &d)
      return (nil, d)
    } catch let e as ImprentaError {
      return (e, d)
    } catch {
      Issue.record("unexpected \(error)")
      return (nil, d)
    }
  }

  /// Pages nesting `n` levels deep, each with the line the excess is reported at.
  static func pages(_ n: Int) -> [(name: String, page: String, line: Int)] {
    let dotted = Array(repeating: "a", count: n).joined(separator: ".")
    let quoted = Array(repeating: "\"a.b\"", count: n).joined(separator: " . ")
    return [
      ("toml dotted key", "+++\ntitle = \"T\"\n\(dotted) = 1\n+++", 3),
      ("toml quoted dotted key", "+++\ntitle = \"T\"\n\(quoted) = 1\n+++", 3),
      ("toml table header", "+++\ntitle = \"T\"\n[\(dotted)]\nx = 1\n+++", 3),
      ("toml array of tables", "+++\ntitle = \"T\"\n[[\(dotted)]]\nx = 1\n+++", 3),
      ("toml inline tables", "+++\ntitle = \"T\"\nx = " + String(repeating: "{ a = ", count: n) + "1" + String(repeating: " }", count: n) + "\n+++", 3),
      ("toml arrays", "+++\ntitle = \"T\"\nx = " + String(repeating: "[", count: n) + "1" + String(repeating: "]", count: n) + "\n+++", 3),
      ("yaml flow", "---\ntitle: T\nx: " + String(repeating: "[", count: n) + "1" + String(repeating: "]", count: n) + "\n---", 3),
      ("json", "{\"title\": \"T\",\n\"x\": " + String(repeating: "[", count: n) + "1" + String(repeating: "]", count: n) + "}", 2),
    ]
  }

  @Test(arguments: depths)
  func nestingPastTheBudgetIsAnErrorNamingIt(_ n: Int) {
    for (name, page, line) in Self.pages(n) {
      let (error, _) = Self.read(page)
      // The inline forms add a level for the key holding them.
      if n + 1 <= Self.limit {
        #expect(error == nil || name == "yaml flow" && n > 900, "\(name) at depth \(n): \(String(describing: error))")
        continue
      }
      if name == "yaml flow" && n > 900 {
        // libyaml stops first (1,000 levels): still an error at the front matter.
        #expect(error != nil, "\(name) at depth \(n) was accepted")
        continue
      }
      guard let error else {
        Issue.record("\(name) at depth \(n) was accepted")
        continue
      }
      #expect(error.diagnostic.code == .frontMatterTooDeep, "\(name) at depth \(n): \(error)")
      #expect(error.diagnostic.message.contains(Budget.frontMatterDepth.rawValue), "\(name): \(error.diagnostic.message)")
      #expect(error.diagnostic.line == line, "\(name) at depth \(n): line \(error.diagnostic.line)")
    }
  }

  @Test func dotsInValuesAndStringsAreNotNesting() {
    let page = "+++\ntitle = \"a.b.c.d\"\nversion = 1.5\nurl = 'https://a.b.c.d.e.f'\nlist = [1.5, 2.5, \"x.y\"]\n\"quoted.key\" = 1\n+++"
    #expect(Self.read(page).error == nil)
  }
}
