/// `--shard K/N`: the K-th of N deterministic, size-balanced shares of a build's units.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
  /// 1-based share number.
  public var index: Int
  /// Number of shares.
  public var count: Int

  /// Creates a shard; nil unless 1 ≤ index ≤ count.
  public init?(index: Int, count: Int) {
    guard count >= 1, count <= Budget.shardCount.limit, index >= 1, index <= count else { return nil }
    self.index = index
    self.count = count
  }

  /// Parses `K/N`.
  public init?(parsing text: String) {
    let parts = text.split(separator: "/")
    guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else { return nil }
    self.init(index: k, count: n)
  }

  public var description: String { "\(index)/\(count)" }

  /// Which share each unit goes to (0-based), balancing the sum of sizes: largest first, each to
  /// the lightest share (ties: lowest share, then name), so every runner computes the same split.
  public static func assign(_ units: [(name: String, size: Int)], count: Int) -> [Int] {
    let order = units.indices.sorted { a, b in
      units[a].size != units[b].size ? units[a].size > units[b].size : units[a].name < units[b].name
    }
    var load = [Int](repeating: 0, count: count)
    var result = [Int](repeating: 0, count: units.count)
    for i in order {
      let lightest = load.indices.min { load[$0] != load[$1] ? load[$0] < load[$1] : $0 < $1 }!
      result[i] = lightest
      load[lightest] += max(units[i].size, 1)
    }
    return result
  }
}
