/// `SOURCE_DATE_EPOCH` (reproducible-builds.org): seconds since 1970 that every date written into
/// an output uses. A malformed value is an error, never silently ignored (the spec asks builds to
/// fail rather than stamp the wrong date).
public enum SourceDateEpoch {
  /// The latest date accepted: 9999-12-31T23:59:59Z (every format Imprenta writes has 4-digit years).
  public static let latest = 253_402_300_799

  /// The value of `environment`'s `SOURCE_DATE_EPOCH`: nil when unset or empty, an error message when malformed.
  public static func read(_ environment: [String: String]) -> Result<Int?, Failure> {
    guard let text = environment["SOURCE_DATE_EPOCH"], !text.isEmpty else { return .success(nil) }
    guard text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), text.utf8.count <= 12, let value = Int(text), value <= latest else {
      return .failure(Failure(message: "SOURCE_DATE_EPOCH must be a whole number of seconds from 0 to \(latest) (year 9999), not '\(text.escapedForLog)'"))
    }
    return .success(value)
  }

  /// A malformed value.
  public struct Failure: Error, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    public var description: String { message }
  }
}
