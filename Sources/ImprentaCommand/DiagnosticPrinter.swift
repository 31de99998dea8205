import Foundation
import Imprenta

/// Prints diagnostics to stderr as `file:line:col: severity: message`.
struct DiagnosticPrinter {
  /// Whether notes are printed too.
  var verbose: Bool

  func print(_ diagnostics: Diagnostics) {
    var text = ""
    for d in diagnostics.items where d.severity != .note || verbose {
      text += d.description + "\n"
    }
    if !text.isEmpty { FileHandle.standardError.write(Data(text.utf8)) }
  }
}
