import Foundation
import Imprenta

/// Prints diagnostics to stderr, as compilers do or as GitHub Actions annotations.
struct DiagnosticPrinter {
  var format: DiagnosticFormat
  /// Whether notes are printed too.
  var verbose: Bool

  /// Prints `diagnostics`, repeats folded into a summary line per code unless verbose (`DiagnosticFolding`).
  func print(_ diagnostics: Diagnostics) {
    let folding = DiagnosticFolding(diagnostics.items.filter { $0.severity != .note || verbose }, foldRepeats: !verbose)
    var text = ""
    for d in folding.shown {
      text += (format == .github ? DiagnosticPrinter.github(d) : d.description) + "\n"
    }
    for line in folding.summary { text += line + "\n" }
    if !text.isEmpty { FileHandle.standardError.write(Data(text.utf8)) }
  }

  /// `::warning file=F,line=L,col=C,title=CODE::MESSAGE`, escaped as the runner expects.
  static func github(_ d: Diagnostic) -> String {
    // GitHub's own escaping first, then every other control character made visible: nothing
    // from content can end the annotation or start a line of its own.
    func data(_ s: String) -> String {
      s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A").escapedForLog
    }
    func property(_ s: String) -> String {
      data(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
    let kind = d.severity == .note ? "notice" : d.severity.rawValue
    var props = ["file=\(property(d.file))"]
    if d.line > 0 { props.append("line=\(d.line)") }
    if d.column > 0 { props.append("col=\(d.column)") }
    props.append("title=\(property(d.code.rawValue))")
    return "::\(kind) \(props.joined(separator: ","))::\(data(d.message))"
  }
}
