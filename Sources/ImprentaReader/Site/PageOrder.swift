import ImprentaModel

/// Hugo's default page order: weight ascending with 0 (unset) last, then date newest first,
/// then link title, then file path; the path makes every tie deterministic.
public enum PageOrder {
  /// Whether `a` comes before `b`.
  public static func precedes(_ a: SitePage, _ b: SitePage) -> Bool {
    precedes(weight: (a.document.metadata.weight, b.document.metadata.weight), dates: (a.date, b.date),
      titles: (a.document.metadata.shortTitle, b.document.metadata.shortTitle), paths: (a.contentPath, b.contentPath))
  }

  /// The comparison on its parts (also for sections that have no `_index.md`).
  public static func precedes(weight: (Int, Int), dates: (PageDate?, PageDate?), titles: (String, String), paths: (String, String)) -> Bool {
    if weight.0 != weight.1 {
      if weight.0 == 0 { return false }
      if weight.1 == 0 { return true }
      return weight.0 < weight.1
    }
    let da = dates.0?.secondsSince1970 ?? Int.min, db = dates.1?.secondsSince1970 ?? Int.min
    if da != db { return da > db }
    let ta = titles.0.lowercased(), tb = titles.1.lowercased()
    if ta != tb { return ta < tb }
    if titles.0 != titles.1 { return titles.0 < titles.1 }
    return paths.0 < paths.1
  }
}
