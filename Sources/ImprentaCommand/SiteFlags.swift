import ArgumentParser
import Foundation
import Imprenta

/// The flags of `build` and `check` for Hugo sites.
struct SiteFlags: ParsableArguments {
  @Flag(help: "Hugo site: make one book of the whole site (one per language) instead of one output per page.")
  var book = false

  @Option(name: .customLong("section"), help: "Hugo site with --book: only this top-level section (repeatable).")
  var sections: [String] = []

  @Flag(help: "Hugo site: include pages whose publish date is in the future.")
  var future = false

  @Flag(help: "Hugo site: include pages whose expiry date has passed.")
  var expired = false

  @Option(name: [.customShort("e"), .long], help: "Hugo site: the environment whose config/<ENVIRONMENT>/ is merged (default: $HUGO_ENVIRONMENT, else production, as hugo builds).")
  var environment: String?

  func validate() throws {
    if let environment, environment.isEmpty || environment.contains("/") || environment.hasPrefix(".") || environment.unicodeScalars.contains(where: \.isControlCharacter) {
      throw ValidationError("--environment takes a folder name under config/ (production, staging, …)")
    }
  }

  /// The environment chosen: the flag, else `HUGO_ENVIRONMENT`, else `production`.
  var chosenEnvironment: String {
    if let environment { return environment }
    let env = ProcessInfo.processInfo.environment["HUGO_ENVIRONMENT"] ?? ""
    let valid = !env.isEmpty && !env.contains("/") && !env.hasPrefix(".") && !env.unicodeScalars.contains(where: \.isControlCharacter)
    return valid ? env : "production"
  }

  /// The site at `root` as a publication: its pages, or with `--book` one book per language.
  func publication(root: String, formats: [OutputFormat], style: String?) -> Publication {
    var p = Publication(name: "site", inputs: [root], style: style, formats: formats, book: book, prefixOutputs: false)
    p.site = SiteSource(root: root, environment: chosenEnvironment, includeFuture: future, includeExpired: expired, sections: sections)
    return p
  }
}
