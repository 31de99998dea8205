/// Which URLs may be written into `href` and `src`.
enum URLSafety {
  /// Whether a URL is safe: no `javascript:`, `vbscript:`, nor `data:` other than raster images.
  static func isSafe(_ url: String) -> Bool {
    let compact = String(String.UnicodeScalarView(url.unicodeScalars.filter { $0.value > 32 })).lowercased()
    if compact.hasPrefix("javascript:") || compact.hasPrefix("vbscript:") { return false }
    if compact.hasPrefix("data:") { return compact.hasPrefix("data:image/") && !compact.hasPrefix("data:image/svg") }
    return true
  }
}
