import Foundation
import Imprenta
import ImprentaModel
import ImprentaTestSupport
import Testing

/// A page of a Hugo site built on its own finds the site's files (`/uploads/x.png` in
/// `static/`), as when the site is built; a site configuration above the project folder is
/// never looked at.
@Suite struct SinglePageResourcesTests {
  /// site/hugo.toml, site/static/uploads/a.png, site/content/blog/post.md; returns the site's folder.
  static func site() throws -> String {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("single-page-\(UUID().uuidString)").path
    let fm = FileManager.default
    for folder in ["static/uploads", "content/blog", "assets/img"] { try fm.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true) }
    try Data("title = \"Sitio\"\n".utf8).write(to: URL(fileURLWithPath: root + "/hugo.toml"))
    try Data([0x89, 0x50, 0x4E, 0x47]).write(to: URL(fileURLWithPath: root + "/static/uploads/a.png"))
    try Data([0x89, 0x50, 0x4E, 0x47]).write(to: URL(fileURLWithPath: root + "/assets/img/b.png"))
    try Data("# Entrada\n\n![a](/uploads/a.png)\n".utf8).write(to: URL(fileURLWithPath: root + "/content/blog/post.md"))
    return root
  }

  static func lookup(_ reference: String, _ resources: FileResources, page: String) -> Bool {
    var doc = Document()
    doc.sourcePath = page
    if case .found = resources.resource(reference, for: doc) { return true }
    return false
  }

  @Test func aPageBuiltAloneFindsItsSitesStaticFiles() throws {
    let root = try Self.site()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let page = root + "/content/blog/post.md"
    let resources = FileResources.forPages(root: root + "/content/blog", project: root)
    #expect(Self.lookup("/uploads/a.png", resources, page: page))
    #expect(Self.lookup("/img/b.png", resources, page: page))
    // Still nothing outside the site.
    #expect(!Self.lookup("/../../hugo.toml", resources, page: page))
    #expect(!Self.lookup("/etc/passwd", resources, page: page))
    // Project folder = the content folder (below the site): the site is not looked for.
    let below = FileResources.forPages(root: root + "/content/blog", project: root + "/content")
    #expect(!Self.lookup("/uploads/a.png", below, page: page))
  }

  @Test func theCommandFindsThemForOnePage() throws {
    let runner = try CommandRunner()
    defer { runner.cleanUp() }
    try runner.write("hugo.toml", "title = \"Sitio\"\n")
    try runner.write("static/uploads/a.png", bytes: [0x89, 0x50, 0x4E, 0x47])
    try runner.write("content/blog/post.md", "# Entrada\n\n![Un gráfico](/uploads/a.png)\n")
    let result = try runner.run(["build", "content/blog/post.md", "--format", "txt", "--force"])
    #expect(!(result.stdout + result.stderr).contains("not found"), "\(result.stderr)")
  }
}
