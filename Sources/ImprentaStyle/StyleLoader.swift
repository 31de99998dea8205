import Foundation
import ImprentaFiles
import ImprentaModel
import Yams

/// Reads style files: YAML with line and column marks, `extends:` chains, typed values, warnings
/// at `file:line:col` for unknown keys and bad values (never silently ignored).
public struct StyleLoader: Sendable {
  /// Folders where a style named by name (`--style brochure`, `extends: default`) is looked for.
  public var searchPaths: [String]
  /// Where style files may be read from besides the search paths and the folder of the style the
  /// caller names (nil: the current folder). An `extends:` leading anywhere else is refused.
  public var files: ReadPolicy?

  /// Creates a loader that looks for named styles in `searchPaths`.
  public init(searchPaths: [String]) {
    self.searchPaths = searchPaths
  }

  /// Loads a style given as a file path or as a name from the search paths. `default` with no
  /// file on the search paths is the built-in default.
  public func load(_ nameOrPath: String, diagnostics: inout Diagnostics) throws -> Style {
    var chain: [String] = []
    var loader = self
    let base = files ?? ReadPolicy(roots: [FileSystem.currentFolder])
    var policy = base
    // A folder named relative to the current folder (the project's `styles`, the folder of a
    // style a project file names) belongs to the project: reached through a symbolic link that
    // leads out of the allowed folders, it is not a root, and styles read through it are refused.
    func allow(_ folder: String) {
      if !folder.hasPrefix("/"), let real = FileSystem.realPath(folder), real != FileSystem.absolute(folder), !base.allows(realPath: real) { return }
      policy.add([folder])
    }
    searchPaths.forEach(allow)
    if let top = resolve(nameOrPath, relativeTo: nil) {
      let folder = (top as NSString).deletingLastPathComponent
      allow(folder.isEmpty ? "." : folder)
    }
    loader.files = policy
    do {
      return try loader.load(nameOrPath, from: nil, chain: &chain, diagnostics: &diagnostics)
    } catch let refusal as ReadRefusal {
      throw refusal.error()
    }
  }

  /// Reads a style from YAML text, on top of the built-in default (or of what it extends).
  public func parse(_ yaml: String, file: String, diagnostics: inout Diagnostics) throws -> Style {
    var chain = [file]
    return try parse(yaml, file: file, chain: &chain, diagnostics: &diagnostics)
  }

  // MARK: - Files and extends

  func resolve(_ nameOrPath: String, relativeTo dir: String?) -> String? {
    let fm = FileManager.default
    if nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml") {
      let path = nameOrPath.hasPrefix("/") || dir == nil ? nameOrPath : dir! + "/" + nameOrPath
      return fm.fileExists(atPath: path) ? path : nil
    }
    for folder in (dir.map { [$0] } ?? []) + searchPaths {
      for ext in [".yaml", ".yml"] where fm.fileExists(atPath: folder + "/" + nameOrPath + ext) {
        return folder + "/" + nameOrPath + ext
      }
    }
    return ShippedStyles.all[nameOrPath] == nil ? nil : StyleLoader.shippedPrefix + nameOrPath + ".yaml"
  }

  /// How a shipped style (built into the binary) is named in diagnostics: `<shipped>/brochure.yaml`.
  public static let shippedPrefix = "<shipped>/"

  func load(_ nameOrPath: String, from dir: String?, chain: inout [String], diagnostics: inout Diagnostics) throws -> Style {
    guard let path = resolve(nameOrPath, relativeTo: dir) else {
      if nameOrPath == "default" { return Style() }
      throw ImprentaError(.styleNotFound,
        "style '\(nameOrPath)' not found (looked in \(searchPaths.joined(separator: ", ")) and the shipped styles: \(ShippedStyles.all.keys.sorted().joined(separator: ", ")))",
        file: chain.last ?? nameOrPath)
    }
    // The shipped default is the built-in default (a test holds them equal): no YAML to parse.
    if path == StyleLoader.shippedPrefix + "default.yaml" { return Style() }
    if chain.contains(path) {
      throw ImprentaError(.styleCycle, "style extends itself: \((chain + [path]).joined(separator: " → "))", file: path)
    }
    chain.append(path)
    defer { chain.removeLast() }
    let text: String
    if path.hasPrefix(StyleLoader.shippedPrefix), let shipped = ShippedStyles.all[String(path.dropFirst(StyleLoader.shippedPrefix.count).dropLast(5))] {
      text = shipped
    } else {
      let bytes = try (files ?? ReadPolicy(roots: [(path as NSString).deletingLastPathComponent])).read(path, budget: .configBytes)
      guard let t = String(validating: bytes, as: UTF8.self) else {
        throw ImprentaError(.invalidUTF8, "the style file is not valid UTF-8", file: path, line: 1, column: 1)
      }
      text = t
    }
    var style = try parse(text, file: path, chain: &chain, diagnostics: &diagnostics)
    style.name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    style.origin.text += "\n--- " + path + "\n" + text
    return style
  }

  func parse(_ yaml: String, file: String, chain: inout [String], diagnostics: inout Diagnostics) throws -> Style {
    let root: Node?
    do {
      root = try Yams.compose(yaml: yaml)
    } catch let error as YamlError {
      let (line, column, message) = StyleLoader.describe(error)
      throw ImprentaError(.invalidStyle, message, file: file, line: line, column: column)
    }
    guard let root else { return Style() }
    guard let mapping = root.mapping else {
      throw ImprentaError(.invalidStyle, "a style file is a mapping of sections", file: file, line: root.mark?.line ?? 1, column: root.mark?.column ?? 1)
    }
    var style = Style()
    if let parent = mapping["extends"] {
      guard let name = parent.scalar?.string else {
        throw ImprentaError(.invalidStyle, "'extends' takes a style name or path", file: file, line: parent.mark?.line ?? 0, column: parent.mark?.column ?? 0)
      }
      let dir = (file as NSString).deletingLastPathComponent
      do {
        style = try load(name, from: dir.isEmpty ? "." : dir, chain: &chain, diagnostics: &diagnostics)
      } catch let refusal as ReadRefusal {
        // Reported at the `extends:` that names it, never quoting what the file holds.
        throw refusal.error(file: file, line: parent.mark?.line ?? 0, column: parent.mark?.column ?? 0)
      }
    }
    var applier = StyleApplier(file: file)
    applier.apply(mapping, to: &style)
    diagnostics.append(contentsOf: applier.diagnostics)
    return style
  }

  /// Line, column and message of a Yams parse error (shared by every YAML file Imprenta reads).
  public static func describe(_ error: YamlError) -> (Int, Int, String) {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
      return (mark.line, mark.column, "invalid YAML: \(problem)" + (context.map { " \($0.text)" } ?? ""))
    case .duplicatedKeysInMapping(let duplicates, let context):
      return (context.mark.line, context.mark.column, "duplicate key: \(duplicates.joined(separator: ", "))")
    default:
      return (1, 1, "invalid YAML: \(error)")
    }
  }
}
