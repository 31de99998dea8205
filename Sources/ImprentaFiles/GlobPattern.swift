#if canImport(Glibc)
  import Glibc
#endif

/// A path pattern: `*`, `?` and `[…]` within a name, `**` for any number of folders. Matching is
/// linear in the path's length times the pattern's (no backtracking blow-up on `**/**/…`).
public struct GlobPattern: Sendable, Hashable {
  /// The folder before the first component with a wildcard (`content/blog` of `content/blog/**/*.md`).
  public let root: String
  /// The components from the first wildcard on.
  public let components: [String]

  /// Whether `text` has a wildcard.
  public static func isPattern(_ text: String) -> Bool {
    text.contains { "*?[".contains($0) }
  }

  /// Parses a pattern; nil when it has no wildcard.
  public init?(_ pattern: String) {
    let parts = pattern.split(separator: "/").map(String.init)
    guard let first = parts.firstIndex(where: GlobPattern.isPattern) else { return nil }
    let rootParts = parts[..<first]
    if rootParts.isEmpty {
      root = pattern.hasPrefix("/") ? "/" : "."
    } else {
      root = (pattern.hasPrefix("/") ? "/" : "") + rootParts.joined(separator: "/")
    }
    var comps: [String] = []
    for c in parts[first...] where !(c == "**" && comps.last == "**") { comps.append(c) }
    components = comps
  }

  /// Whether `path` matches `pattern` from its first folder on: the pattern's literal folders
  /// (its `root`), then its wildcard part; a pattern without wildcards matches only itself.
  /// Leading and trailing `/` are ignored on both.
  public static func matchesWhole(_ pattern: String, _ path: String) -> Bool {
    let names = path.split(separator: "/").map(String.init)
    guard let glob = GlobPattern(pattern) else { return pattern.split(separator: "/").map(String.init) == names }
    let literal = glob.root.split(separator: "/").map(String.init).filter { $0 != "." }
    guard names.count >= literal.count, zip(literal, names).allSatisfy({ $0 == $1 }) else { return false }
    return glob.matches(names.dropFirst(literal.count).joined(separator: "/"))
  }

  /// Whether the relative path (below `root`) matches the whole pattern.
  public func matches(_ relativePath: String) -> Bool {
    run(relativePath.split(separator: "/").map(String.init), prefix: false)
  }

  /// Whether some path below the folder `relativeFolder` could match (to skip folders early).
  public func mayMatchBelow(_ relativeFolder: String) -> Bool {
    run(relativeFolder.split(separator: "/").map(String.init), prefix: true)
  }

  func run(_ segments: [String], prefix: Bool) -> Bool {
    let m = components.count, n = segments.count
    // reach[i]: pattern position i can be at after consuming the segments so far.
    var reach = [Bool](repeating: false, count: m + 1)
    reach[0] = true
    func close(_ r: inout [Bool]) {
      for i in 0..<m where r[i] && components[i] == "**" { r[i + 1] = true }
    }
    close(&reach)
    for j in 0..<n {
      var next = [Bool](repeating: false, count: m + 1)
      for i in 0..<m where reach[i] {
        if components[i] == "**" {
          next[i] = true
        } else if fnmatch(components[i], segments[j], 0) == 0 {
          next[i + 1] = true
        }
      }
      close(&next)
      reach = next
      if !reach.contains(true) { return false }
    }
    return prefix ? reach[0..<m].contains(true) : reach[m]
  }
}
