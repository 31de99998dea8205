/// A date as a page wrote it: calendar fields kept as written, never shifted by a time-zone conversion.
public struct PageDate: Sendable, Hashable, Comparable {
  /// The text as written (`2018-12-08T18:03:57-05:00`).
  public var text: String
  /// The year.
  public var year: Int
  /// 1 to 12.
  public var month: Int
  /// 1 to 31.
  public var day: Int
  /// The time of day, if written.
  public var hour: Int?
  /// Minutes, if a time was written.
  public var minute: Int?
  /// Seconds, if a time was written.
  public var second: Int?
  /// The zone offset from UTC in seconds, if written (`Z` is 0).
  public var utcOffset: Int?

  /// Creates a date.
  public init(text: String, year: Int, month: Int, day: Int, hour: Int? = nil, minute: Int? = nil, second: Int? = nil, utcOffset: Int? = nil) {
    self.text = text
    self.year = year
    self.month = month
    self.day = day
    self.hour = hour
    self.minute = minute
    self.second = second
    self.utcOffset = utcOffset
  }

  /// Parses the forms Hugo accepts: `2018-12-08`, `2018-12-08T18:03:57`, with `Z` or `±hh:mm`,
  /// with a space instead of `T`, with fractional seconds. Returns nil for anything else.
  public init?(parsing text: String) {
    let s = text.trimmingCharacters(in: " \t")
    let b = Array(s.utf8)
    func number(_ from: Int, _ count: Int) -> Int? {
      guard from + count <= b.count else { return nil }
      var v = 0
      for i in from..<(from + count) {
        guard b[i] >= 48, b[i] <= 57 else { return nil }
        v = v * 10 + Int(b[i] - 48)
      }
      return v
    }
    guard b.count >= 10, let y = number(0, 4), b[4] == 45, let mo = number(5, 2), b[7] == 45, let d = number(8, 2),
      (1...12).contains(mo), (1...PageDate.daysIn(month: mo, year: y)).contains(d)
    else { return nil }
    self.init(text: s, year: y, month: mo, day: d)
    if b.count == 10 { return }
    guard b[10] == 84 || b[10] == 116 || b[10] == 32, let h = number(11, 2), b.count > 13, b[13] == 58,
      let mi = number(14, 2), h < 24, mi < 60
    else { return nil }
    hour = h
    minute = mi
    var i = 16
    if i < b.count, b[i] == 58 {
      guard let sec = number(17, 2), sec < 61 else { return nil }
      second = sec
      i = 19
      if i < b.count, b[i] == 46 {
        i += 1
        while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }
      }
    } else {
      second = 0
    }
    while i < b.count, b[i] == 32 { i += 1 }
    if i == b.count { return }
    if b[i] == 90 || b[i] == 122 {
      utcOffset = 0
      i += 1
    } else if b[i] == 43 || b[i] == 45 {
      let sign = b[i] == 45 ? -1 : 1
      guard let oh = number(i + 1, 2) else { return nil }
      var om = 0
      if i + 3 < b.count, b[i + 3] == 58, let m = number(i + 4, 2) {
        om = m
        i += 6
      } else if let m = number(i + 3, 2) {
        om = m
        i += 5
      } else {
        i += 3
      }
      utcOffset = sign * (oh * 3600 + om * 60)
    } else {
      return nil
    }
    guard i == b.count else { return nil }
  }

  /// The number of days in a month.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Seconds since 1970-01-01T00:00:00Z (local time when no zone was written).
  public var secondsSince1970: Int {
    // Days from civil (Howard Hinnant's algorithm).
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    let days = era * 146097 + doe - 719468
    return days * 86400 + (hour ?? 0) * 3600 + (minute ?? 0) * 60 + (second ?? 0) - (utcOffset ?? 0)
  }

  /// The date at UTC for a count of seconds since 1970 (as `SOURCE_DATE_EPOCH` gives it).
  public init(secondsSince1970 t: Int) {
    let days = t >= 0 ? t / 86400 : (t - 86399) / 86400
    let secs = t - days * 86400
    let z = days + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
    let h = secs / 3600, mi = (secs % 3600) / 60, s = secs % 60
    func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
    let text = "\(y)-\(two(m))-\(two(d))T\(two(h)):\(two(mi)):\(two(s))Z"
    self.init(text: text, year: y, month: m, day: d, hour: h, minute: mi, second: s, utcOffset: 0)
  }

  /// `YYYY-MM-DD`, as written.
  public var isoDay: String {
    func pad(_ v: Int, _ n: Int) -> String {
      let s = String(v)
      return String(repeating: "0", count: max(0, n - s.count)) + s
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  public static func < (a: PageDate, b: PageDate) -> Bool { a.secondsSince1970 < b.secondsSince1970 }
}
