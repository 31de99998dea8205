import ArgumentParser
import Foundation
import Imprenta

/// `imprenta styles`: the styles a build can name, local ones first (they take precedence).
struct StylesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "styles",
    abstract: "List the styles --style can name: ./styles/*.yaml, then the shipped ones built into Imprenta.")

  func run() throws {
    var lines: [String] = []
    var seen: Set<String> = []
    for folder in CommonOptions.styleSearchPaths {
      var walker = FolderWalker(policy: ReadPolicy(roots: [folder]))
      let files = walker.files(under: folder) { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.filter { !$0.contains("/") }
      for file in files {
        let name = (file as NSString).deletingPathExtension
        guard seen.insert(name).inserted else { continue }
        let text = (try? ReadPolicy(roots: [folder]).read(folder + "/" + file, budget: .configBytes)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        lines.append(StylesCommand.line(name, source: folder + "/" + file, text: text))
      }
    }
    for (name, text) in ShippedStyles.all.sorted(by: { $0.key < $1.key }) {
      let overridden = !seen.insert(name).inserted
      lines.append(StylesCommand.line(name, source: overridden ? "shipped, overridden by the local file" : "shipped", text: text))
    }
    print(lines.joined(separator: "\n"))
  }

  /// `name  (source)  first comment line`.
  static func line(_ name: String, source: String, text: String) -> String {
    let about = text.split(separator: "\n").first { $0.hasPrefix("#") }.map { String($0.dropFirst().trimmingCharacters(in: .whitespaces)) } ?? ""
    return "\(name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(about.escapedForLog)  [\(source.escapedForLog)]"
  }
}
