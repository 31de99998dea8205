import CCmarkGFM
import Foundation

/// What cmark-gfm 0.29 keeps for the whole process rather than per parser, and how pages read on
/// several threads at once share it safely.
enum CmarkProcessState {
  /// cmark-gfm's extensions, registered once before the first parse. Its own once-check is a
  /// plain flag and its list of extensions has no lock: pages read in parallel registered them
  /// twice at once, and a page could then miss `autolink` (its bare URLs stayed text, one run in
  /// a few on the seed's site). A Swift static is initialized once, whatever the threads.
  static let extensionsRegistered: Void = cmark_gfm_core_extensions_ensure_registered()

  /// cmark-gfm 0.29 parses inlines (in `cmark_parser_finish`) against process-wide tables of
  /// special characters, which each parser fills with its extensions' characters before and
  /// clears after: a page finishing on one thread cleared `~` and the autolink triggers while
  /// another page was being parsed, so a strike-through or a bare URL came out as plain text,
  /// one run in a few (a golden file and a reproducibility test failed once each; hugoDocs'
  /// autolinks changed between runs). Inline parsing is one page at a time.
  static let inlineParsing = NSLock()
}
