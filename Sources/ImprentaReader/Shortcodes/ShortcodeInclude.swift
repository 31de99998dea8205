import Foundation
import ImprentaFiles
import ImprentaModel

/// What a shortcode mapped as `include` may read: the page's read policy, its content folder, the
/// files being read now (outermost first: an include of one of them is a cycle) and the bytes
/// included so far by the page, at every depth.
struct ShortcodeFiles {
  /// The one read policy (the content roots of a site, else the page's folder).
  var policy: ReadPolicy
  /// Where a path is found when it starts with `/` (and after the page's own folder otherwise).
  var contentFolder: String?
  /// Real paths of the page and of each include being read, outermost first.
  var chain: [String]
  /// Bytes included so far by the page (shared by every level).
  let included: IncludedBytes

  /// The files of the page at `path`.
  init(policy: ReadPolicy, contentFolder: String?, page path: String) {
    self.policy = policy
    self.contentFolder = contentFolder
    chain = [FileSystem.realPath(path) ?? FileSystem.absolute(path)]
    included = IncludedBytes()
  }

  /// A counter shared by the pipelines of one page.
  final class IncludedBytes {
    var count = 0
  }
}

extension ShortcodePipeline {
  /// The blocks of the page `written` names (Hugo's `include`: relative to the page's folder, then
  /// to the content folder; a leading `/` means the content folder; `.md`, `/index.md` and
  /// `/_index.md` are tried when the name has no extension), read through the read policy, its front
  /// matter left out and its Markdown read as part of this page. Nil, with a warning at `range`,
  /// when it is missing, refused, too large, or already being read (a cycle).
  func include(_ written: String, at range: SourceRange) -> [Block]? {
    func fail(_ message: String) -> [Block]? {
      diagnostics.report(.includeFailed, message, file: file, at: range)
      return nil
    }
    let name = written.trimmingCharacters(in: " \t")
    guard !name.isEmpty else { return fail("the include has an empty path") }
    guard files.chain.count <= Budget.includeDepth.limit else {
      return fail("'\(name)' is not included: includes nest too deep \(Budget.includeDepth.clause)")
    }
    let path: String
    switch locate(name) {
    case .success(let p): path = p
    case .failure(let refusal):
      return fail("'\(name)' cannot be included: \(refusal.reason == .missing ? "no such page under the content folder" : refusal.message)")
    }
    let real = FileSystem.realPath(path) ?? path
    if let at = files.chain.firstIndex(of: real) {
      let loop = at == files.chain.count - 1 ? "it is the page that includes it" : "it is already being included (a cycle)"
      return fail("'\(name)' is not included again: \(loop)")
    }
    let bytes: [UInt8]
    do {
      bytes = try files.policy.read(path, budget: .pageBytes)
    } catch {
      return fail("'\(name)' cannot be included: \(error.message)")
    }
    guard files.included.count + bytes.count <= Budget.includedBytes.limit else {
      return fail("'\(name)' is not included: the page's includes are too large \(Budget.includedBytes.clause)")
    }
    files.included.count += bytes.count
    let source: SourceText, frontMatter: FrontMatter
    do {
      source = try SourceText(bytes: bytes, file: path)
      frontMatter = try FrontMatterReader.read(source.text, file: path)
    } catch {
      return fail("'\(name)' cannot be included: \(error)")
    }
    source.report(file: path, into: &diagnostics)
    var nestedFiles = files
    nestedFiles.chain.append(real)
    let nested = ShortcodePipeline(
      markdown: frontMatter.body, file: path, lineOffset: frontMatter.bodyLineOffset, expander: expander, page: page, site: site, files: nestedFiles)
    let blocks = nested.convert()
    diagnostics.append(contentsOf: nested.diagnostics)
    return blocks
  }

  /// The file `name` stands for, or why none can be read: the first candidate that exists wins;
  /// a candidate refused by the read policy is said rather than "missing".
  private func locate(_ name: String) -> Result<String, ReadRefusal> {
    let pageFolder = (file as NSString).deletingLastPathComponent
    let relative = name.hasPrefix("/") ? String(name.drop { $0 == "/" }) : name
    var bases: [String] = []
    if name.hasPrefix("/") {
      bases = [files.contentFolder ?? pageFolder]
    } else {
      bases = [pageFolder]
      if let c = files.contentFolder, c != pageFolder { bases.append(c) }
    }
    let hasExtension = !(relative as NSString).pathExtension.isEmpty
    var refusal: ReadRefusal?
    for base in bases {
      let stem = (base.isEmpty ? "." : base) + "/" + relative
      for candidate in hasExtension ? [stem] : [stem, stem + ".md", stem + "/index.md", stem + "/_index.md"] {
        switch files.policy.resolve(candidate) {
        case .success(let real):
          if FileSystem.status(real).kind == .regular { return .success(candidate) }
        case .failure(let r):
          if r.reason != .missing, refusal == nil { refusal = ReadRefusal(r.reason, path: name) }
        }
      }
    }
    return .failure(refusal ?? ReadRefusal(.missing, path: name))
  }
}
