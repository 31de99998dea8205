import Foundation

/// Hyphenation points already found, for every `Hyphenator` of one dictionary in the process:
/// the layout and the prefetch thread hyphenate the same paragraphs (the layout again, to know
/// the block shaped ahead is its own), and the words of a book repeat. Each table is cleared
/// past 200,000 entries.
final class HyphenationMemo: @unchecked Sendable {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var memos: [String: HyphenationMemo] = [:]

  static func shared(for path: String) -> HyphenationMemo {
    lock.withLock {
      if let memo = memos[path] { return memo }
      let memo = HyphenationMemo()
      memos[path] = memo
      return memo
    }
  }

  private let lock = SpinningLock()
  private var tokenTable: [Token: [Int]] = [:]
  private var wordTable: [Token: [Int]] = [:]

  /// Space-separated tokens (a word with its punctuation): byte offsets inside the token.
  var tokens: Table { Table(memo: self, words: false) }
  /// Words: byte offsets inside the word.
  var words: Table { Table(memo: self, words: true) }

  struct Table {
    let memo: HyphenationMemo
    let words: Bool
    subscript(key: Token) -> [Int]? {
      get { memo.lock.withLock { words ? memo.wordTable[key] : memo.tokenTable[key] } }
      nonmutating set {
        memo.lock.withLock {
          if words {
            if memo.wordTable.count > 200_000 { memo.wordTable.removeAll(keepingCapacity: true) }
            memo.wordTable[key] = newValue
          } else {
            if memo.tokenTable.count > 200_000 { memo.tokenTable.removeAll(keepingCapacity: true) }
            memo.tokenTable[key] = newValue
          }
        }
      }
    }
  }

  /// A token or word as a key: hashed and compared as UTF-8 bytes (as a `Substring` it was
  /// hashed through Unicode normalisation, most of the cost of a hit). Keys stored are copies
  /// of their own, not slices that keep a whole paragraph alive.
  struct Token: Hashable, @unchecked Sendable {
    let text: Substring

    func hash(into hasher: inout Hasher) {
      let hashed: Void? = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
      if hashed == nil { for b in text.utf8 { hasher.combine(b) } }
    }

    static func == (a: Token, b: Token) -> Bool {
      guard a.text.utf8.count == b.text.utf8.count else { return false }
      let same: Bool?? = a.text.utf8.withContiguousStorageIfAvailable { x in
        b.text.utf8.withContiguousStorageIfAvailable { y in x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
      }
      return (same ?? nil) ?? a.text.utf8.elementsEqual(b.text.utf8)
    }
  }
}
