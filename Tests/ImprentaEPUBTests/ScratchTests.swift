import Foundation
import ImprentaEPUB
import ImprentaModel
import ImprentaTestSupport
import Testing

@Test func scratch() throws {
  let md = try String(contentsOf: Repository.content.appendingPathComponent("misionyobjetivos.md"), encoding: .utf8)
  let every = try Repository.fixture("html/everything.md")
  let res = ["images/pixel.png": try fixtureBytes("images/pixel.png"), "pixel.gif": try fixtureBytes("images/pixel.gif")]
  let (bytes, d) = try epub([("misionyobjetivos", md)], resources: res)
  try Data(bytes).write(to: URL(fileURLWithPath: "/tmp/seed.epub"))
  let (b2, d2) = try epub([("everything", every)], resources: res)
  try Data(b2).write(to: URL(fileURLWithPath: "/tmp/every.epub"))
  let (b3, _) = try epub([("everything", every), ("misionyobjetivos", md.replacingOccurrences(of: "hideTitle: true", with: "cover: /images/pixel.png"))], resources: res, options: .init(title: "Book", splitCharacters: 500))
  try Data(b3).write(to: URL(fileURLWithPath: "/tmp/book.epub"))
  print((d.items + d2.items).map(\.description).joined(separator: "\n"))
}
