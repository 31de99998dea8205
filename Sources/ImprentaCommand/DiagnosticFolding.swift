import Imprenta

/// What the printer shows of a run's diagnostics, so that one problem repeated on 900 lines does
/// not bury the others: a diagnostic repeated at the same place is shown once; of the warnings and
/// notes that share a code and a message, the first `shownPerMessage` are shown and the rest are
/// folded into one summary line per code (`unknown-shortcode: 896 warnings in 120 files, 893 not
/// shown …`). Errors are never folded; `--verbose` shows everything; `--report` always lists every
/// diagnostic, folded or not.
struct DiagnosticFolding {
  /// How many diagnostics with one code and message are shown before the rest are folded.
  static let shownPerMessage = 3

  /// The diagnostics to print, in order.
  var shown: [Diagnostic] = []
  /// One line per code some of whose diagnostics were folded, in order of first appearance.
  var summary: [String] = []

  init(_ items: [Diagnostic], foldRepeats: Bool) {
    struct Key: Hashable {
      var code: DiagnosticCode
      var message: String
    }
    struct Count {
      var total = 0
      var folded = 0
      var files: Set<String> = []
      var severity = Diagnostic.Severity.note
    }
    var seen: Set<Diagnostic> = []
    var perMessage: [Key: Int] = [:]
    var perCode: [DiagnosticCode: Count] = [:]
    var codes: [DiagnosticCode] = []
    for d in items where seen.insert(d).inserted {
      if perCode[d.code] == nil { codes.append(d.code) }
      perCode[d.code, default: Count()].total += 1
      perCode[d.code]!.files.insert(d.file)
      perCode[d.code]!.severity = max(perCode[d.code]!.severity, d.severity)
      let key = Key(code: d.code, message: d.message)
      let n = perMessage[key, default: 0]
      perMessage[key] = n + 1
      if foldRepeats, d.severity != .error, n >= DiagnosticFolding.shownPerMessage {
        perCode[d.code]!.folded += 1
      } else {
        shown.append(d)
      }
    }
    for code in codes {
      guard let c = perCode[code], c.folded > 0 else { continue }
      func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
      summary.append(
        "\(code.rawValue): \(count(c.total, c.severity.rawValue)) in \(count(c.files.count, "file")), \(c.folded) not shown"
          + " (\(DiagnosticFolding.shownPerMessage) per message; --verbose or --report FILE.json lists them all)")
    }
  }
}
