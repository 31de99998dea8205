import Foundation
import Yams

/// `imprenta.yaml`: the publications of a project, read with line and column marks.
///
/// ```yaml
/// style: default              # the style of publications that name none
/// formats: [pdf, epub, txt]   # the formats of publications that name none
/// output: output              # the output folder (the command line's --output wins)
/// publications:
///   - name: sitio
///     inputs: [content]        # files, folders, globs (content/**/*.md)
///     style: brochure
///     formats: [pdf, epub]
///     language: es
///     metadata: {title: "Gobierno abierto", authors: [Comité]}
///     book: true
/// ```
/// Unknown keys and bad values are errors at `imprenta.yaml:line:col`; every one is reported.
public struct ProjectFile: Sendable {
  /// The conventional file name at a project's root.
  public static let fileName = "imprenta.yaml"

  /// The file's path.
  public var path: String
  /// The publications, in file order.
  public var publications: [Publication]
  /// The output folder the file asks for, if any.
  public var output: String?
  /// Per-code diagnostic levels (`diagnostics: {missing-alt-text: note, unknown-shortcode: error}`).
  public var levels = DiagnosticLevels()

  static let topKeys = ["style", "formats", "output", "publications", "shortcodes", "diagnostics"]
  static let publicationKeys = ["name", "inputs", "style", "formats", "language", "metadata", "book"]
  static let metadataKeys = ["title", "subtitle", "authors", "author", "date", "description", "language", "cover", "tags"]

  /// Loads a project file; throws the first error after reporting all of them to `diagnostics`.
  public static func load(_ path: String, diagnostics: inout Diagnostics) throws -> ProjectFile {
    let folder = (path as NSString).deletingLastPathComponent
    let data: [UInt8]
    do {
      data = try ReadPolicy(roots: [folder.isEmpty ? "." : folder]).read(path, budget: .configBytes)
    } catch {
      throw error.error()
    }
    guard let text = String(validating: data, as: UTF8.self) else {
      throw ImprentaError(.invalidProject, "the project file is not valid UTF-8", file: path, line: 1, column: 1)
    }
    return try parse(text, path: path, diagnostics: &diagnostics)
  }

  /// Reads project YAML text; `path` names it in diagnostics.
  public static func parse(_ text: String, path: String, diagnostics: inout Diagnostics) throws -> ProjectFile {
    var reader = Reader(path: path)
    let result = reader.read(text)
    diagnostics.append(contentsOf: reader.diagnostics)
    if let first = reader.diagnostics.items.first(where: { $0.severity == .error }) {
      throw ImprentaError(first.code, first.message, file: first.file, line: first.line, column: first.column)
    }
    return result
  }

  /// Walks the YAML nodes, collecting every error with its position.
  struct Reader {
    let path: String
    var diagnostics = Diagnostics()

    mutating func error(_ message: String, _ node: Node?) {
      diagnostics.report(Diagnostic(.error, code: .invalidProject, file: path, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1, message: message))
    }

    mutating func read(_ text: String) -> ProjectFile {
      var project = ProjectFile(path: path, publications: [], output: nil)
      let root: Node?
      do {
        root = try Yams.compose(yaml: text)
      } catch let e as YamlError {
        let (line, column, message) = StyleLoader.describe(e)
        diagnostics.report(Diagnostic(.error, code: .invalidProject, file: path, line: line, column: column, message: message))
        return project
      } catch {
        self.error("invalid YAML: \(error)", nil)
        return project
      }
      guard let mapping = root?.mapping else {
        error("a project file is a mapping with a 'publications' list", root)
        return project
      }
      var defaultStyle: String?
      var defaultFormats: [OutputFormat] = []
      for (k, v) in mapping {
        switch k.string ?? "" {
        case "style": defaultStyle = insideProject(scalar(v, "style"), "style", v)
        case "formats": defaultFormats = formats(v)
        case "output": project.output = insideProject(scalar(v, "output"), "output", v)
        case "shortcodes": break  // Read by the shortcode mapping.
        case "diagnostics": project.levels = levels(v)
        case "publications": break
        default: error("unknown key '\(k.string ?? "")' (known: \(ProjectFile.topKeys.joined(separator: ", ")))", k)
        }
      }
      guard let list = mapping["publications"] else {
        error("the project file lists no 'publications'", root)
        return project
      }
      guard let items = list.sequence else {
        error("'publications' must be a list", list)
        return project
      }
      var names: Set<String> = []
      for item in items {
        guard var p = publication(item) else { continue }
        if p.style == nil { p.style = defaultStyle }
        if p.formats.isEmpty { p.formats = defaultFormats }
        if !names.insert(p.name).inserted { error("two publications are named '\(p.name)'", item) }
        project.publications.append(p)
      }
      return project
    }

    mutating func publication(_ node: Node) -> Publication? {
      guard let m = node.mapping else {
        error("a publication is a mapping (name, inputs, style, formats, language, metadata, book)", node)
        return nil
      }
      var p = Publication(name: "", inputs: [], line: node.mark?.line ?? 0)
      for (k, v) in m {
        switch k.string ?? "" {
        case "name": p.name = scalar(v, "name") ?? ""
        case "inputs": p.inputs = strings(v, "inputs")
        case "style": p.style = insideProject(scalar(v, "style"), "style", v)
        case "formats": p.formats = formats(v)
        case "language": p.language = languageTag(scalar(v, "language"), v)
        case "book":
          switch scalar(v, "book")?.lowercased() {
          case "true", "yes": p.book = true
          case "false", "no": p.book = false
          default: error("'book' must be true or false", v)
          }
        case "metadata": p.metadata = metadata(v)
        default: error("unknown publication key '\(k.string ?? "")' (known: \(ProjectFile.publicationKeys.joined(separator: ", ")))", k)
        }
      }
      if p.name.isEmpty {
        error("a publication needs a 'name'", node)
        return nil
      }
      if p.name.contains("/") || p.name.hasPrefix(".") || p.name.contains("\\") || p.name.contains("\0") {
        error("publication name '\(p.name)' must not contain '/' or start with '.': it names files in the output folder", m["name"])
        return nil
      }
      if p.inputs.isEmpty { error("publication '\(p.name)' needs at least one input", m["inputs"] ?? node) }
      for input in p.inputs { _ = insideProject(input, "input", m["inputs"]) }
      return p
    }

    /// `value` when it is a path that stays in the project folder (relative, no `..`, no control
    /// characters), else nil with an error at `node`: a project file comes from the repository.
    mutating func insideProject(_ value: String?, _ key: String, _ node: Node?) -> String? {
      guard let value else { return nil }
      let parts = value.split(separator: "/", omittingEmptySubsequences: false)
      if value.hasPrefix("/") || value.hasPrefix("~") || parts.contains("..") || value.unicodeScalars.contains(where: \.isControlCharacter) {
        error("\(key) '\(value.escapedForLog)' leaves the project folder", node)
        return nil
      }
      return value
    }

    /// `diagnostics:`: a mapping of registered codes to error, warning, note or off.
    mutating func levels(_ node: Node) -> DiagnosticLevels {
      guard let m = node.mapping else {
        error("'diagnostics' is a mapping of codes to levels (error, warning, note, off)", node)
        return DiagnosticLevels()
      }
      var out: [DiagnosticCode: DiagnosticLevels.Level] = [:]
      for (k, v) in m {
        guard let name = k.string, let code = DiagnosticCode(rawValue: name) else {
          error("unknown diagnostic code '\((k.string ?? "").escapedForLog)' (the README lists every code)", k)
          continue
        }
        guard let text = v.scalar?.string, let level = DiagnosticLevels.Level(rawValue: text.lowercased()) else {
          error("the level of '\(name)' must be error, warning, note or off", v)
          continue
        }
        out[code] = level
      }
      return DiagnosticLevels(out)
    }

    /// A publication's language: a well-formed BCP 47 tag, else an error at the value.
    mutating func languageTag(_ text: String?, _ node: Node) -> String? {
      guard let text else { return nil }
      guard let tag = LanguageTag.wellFormed(text) else {
        error("'language' is not a language tag (such as es, en-US, pt-BR): '\(text)'", node)
        return nil
      }
      return tag
    }

    mutating func scalar(_ node: Node, _ key: String) -> String? {
      if let s = node.scalar?.string, !s.isEmpty { return s }
      error("'\(key)' takes a single value", node)
      return nil
    }

    mutating func strings(_ node: Node, _ key: String) -> [String] {
      if let s = node.scalar?.string { return [s] }
      guard let seq = node.sequence else {
        error("'\(key)' takes a list", node)
        return []
      }
      return seq.compactMap { scalar($0, key) }
    }

    mutating func formats(_ node: Node) -> [OutputFormat] {
      let items: [Node] = node.sequence.map { Array($0) } ?? [node]
      var out: [OutputFormat] = []
      for item in items {
        guard let name = item.scalar?.string else {
          error("'formats' takes format names", item)
          continue
        }
        for part in name.split(separator: ",") {
          let n = part.trimmingCharacters(in: " ")
          if let f = OutputFormat(rawValue: n) { out.append(f) } else { error("unknown format '\(n)' (known: txt, pdf, epub, xhtml)", item) }
        }
      }
      return out
    }

    mutating func metadata(_ node: Node) -> [KeyValue<MetaValue>] {
      guard let m = node.mapping else {
        error("'metadata' is a mapping of front-matter keys", node)
        return []
      }
      var out: [KeyValue<MetaValue>] = []
      for (k, v) in m {
        let key = k.string ?? ""
        guard ProjectFile.metadataKeys.contains(key) else {
          error("unknown metadata key '\(key)' (known: \(ProjectFile.metadataKeys.joined(separator: ", ")))", k)
          continue
        }
        if let seq = v.sequence {
          out.append(KeyValue(key, .list(seq.compactMap { $0.scalar?.string }.map(MetaValue.string))))
        } else if let s = v.scalar?.string {
          if key == "language" {
            guard let tag = languageTag(s, v) else { continue }
            out.append(KeyValue(key, .string(tag)))
          } else if key == "date" {
            guard let d = PageDate(parsing: s) else {
              error("'date' is not a date: '\(s)'", v)
              continue
            }
            out.append(KeyValue(key, .date(d)))
          } else {
            out.append(KeyValue(key, .string(s)))
          }
        } else {
          error("'\(key)' takes a value or a list", v)
        }
      }
      return out
    }
  }
}
