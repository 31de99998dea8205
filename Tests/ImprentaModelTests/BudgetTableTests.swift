import Foundation
import ImprentaModel
import ImprentaTestSupport
import Testing

@Suite("Budgets")
struct BudgetTableTests {
  @Test("the README's budget table lists every budget with its value, as the registry has them")
  func readmeAgrees() throws {
    let readme = try String(contentsOf: Repository.root.appendingPathComponent("README.md"), encoding: .utf8)
    let rows = Set(readme.split(separator: "\n").filter { $0.hasPrefix("| `") }.map(String.init))
    for budget in Budget.allCases {
      let row = "| `\(budget.rawValue)` | \(budget.limitDescription) | \(budget.meaning) |"
      #expect(rows.contains(row), "README.md lacks: \(row)")
    }
  }

  @Test("every budget's clause names it and its value")
  func clauses() {
    for budget in Budget.allCases {
      #expect(budget.clause.contains(budget.rawValue) && budget.clause.contains(budget.limitDescription))
      #expect(budget.limit > 0)
    }
  }
}
