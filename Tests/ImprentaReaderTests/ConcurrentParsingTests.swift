import Foundation
import ImprentaModel
import ImprentaReader
import Synchronization
import Testing

/// Pages read at the same time read as they do alone: cmark-gfm 0.29 keeps the inline parser's
/// special characters in process-wide tables that each parse fills and clears.
@Suite struct ConcurrentParsingTests {
  static let page = (0..<40).map { k in
    "Párrafo \(k) con ~~tachado~~ y ~~otro más~~, una dirección https://www.ejemplo.gov.co/p\(k) y www.ejemplo.org/q\(k), *énfasis* y `código`.\n"
  }.joined(separator: "\n")

  static func read(linkify: Bool) throws -> Document {
    var d = Diagnostics()
    var reader = PageReader()
    reader.markup.linkify = linkify
    return try reader.read(bytes: Array(page.utf8), path: "p.md", relativeName: "p", diagnostics: &d)
  }

  @Test func pagesParsedAtOnceAreParsedAsAlone() throws {
    let alone = try Self.read(linkify: true)
    let plain = try Self.read(linkify: false)
    let differing = Mutex(0)
    // Half the parses with autolinks, half without: their extension sets differ.
    DispatchQueue.concurrentPerform(iterations: 400) { k in
      guard let doc = try? Self.read(linkify: k % 2 == 0) else { return }
      if doc.blocks != (k % 2 == 0 ? alone.blocks : plain.blocks) { differing.withLock { $0 += 1 } }
    }
    #expect(differing.withLock { $0 } == 0)
  }
}
