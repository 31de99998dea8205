// The path mode: one input is a small project tree, built with the batch builder in-process.
//
// Input format: records, each starting at a line that begins with "@@" (the input may start
// with one too). The record's first line is its header, the rest its body:
//
//   @@f PATH            a file holding the body            (PATH is relative to proj/)
//   @@d PATH            a folder
//   @@l PATH<TAB>TARGET a symbolic link to TARGET (anything: relative, absolute, a loop)
//   @@p PATH            a FIFO
//   @@o FLAGS           options: t build twice, c run the checker too, x xhtml too,
//                       d drafts, f force, n no --prune
//
// In bodies and link targets, $O, $P and $R stand for the absolute paths of outside/, proj/ and
// the scratch root. PATH components "", "." and ".." are dropped (names holding ".." are kept),
// so the tree is always made inside proj/, never through a link (openat with O_NOFOLLOW).
//
// Each input gets a fresh scratch root:
//
//   ROOT/proj/          the project and the current folder while it builds (chdir)
//   ROOT/outside/       canary.md, canary.yaml, content/canary.md (the canary's text),
//                       victim.txt and output/victim.txt
//
// The canary is a random number made once per process and also put into the environment
// (re-exec at start-up), so a link to /proc/self/environ leaks it too. After the build the
// harness aborts (a crash for libFuzzer) when the canary is in any file or name under proj/ or
// in any diagnostic, when anything in outside/ changed, or when anything outside the project's
// output folder (where it really is, if that is inside proj/) was created, removed or changed
// (a listing of the whole root, links not followed, before and after).
#if canImport(Glibc)
  import Glibc
#endif
import Imprenta

enum PathMode {
  static let maxRecords = 48
  static let maxBody = 2048

  nonisolated(unsafe) static var canary: [UInt8] = []
  nonisolated(unsafe) static var base = ""
  nonisolated(unsafe) static var home = ""
  nonisolated(unsafe) static var counter = 0
  /// IMPRENTA_FUZZ_VERBOSE=1: print each build's diagnostics and what it wrote (for seeds).
  nonisolated(unsafe) static var verbose = false

  // MARK: - Set-up

  static func setUp(_ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) {
    // The canary must be in the environment the process started with (/proc/self/environ).
    if getenv("IMPRENTA_FUZZ_CANARY") == nil {
      var digits = "9"
      for _ in 0..<23 { digits += String(Int.random(in: 0...9)) }
      setenv("IMPRENTA_FUZZ_CANARY", digits, 1)
      execv("/proc/self/exe", argv!)
      fatal("cannot re-execute with the canary in the environment: \(String(cString: strerror(errno)))")
    }
    canary = Array(String(cString: getenv("IMPRENTA_FUZZ_CANARY")).utf8)
    guard canary.count >= 16 else { fatal("IMPRENTA_FUZZ_CANARY is too short") }
    // Not /dev/shm: the read policy never reads below /dev.
    let tmp = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    var template = Array((tmp + "/imprenta-fuzz-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else { fatal("mkdtemp: \(String(cString: strerror(errno)))") }
    base = realPath(String(cString: made))
    home = FileSystem.currentFolder
    verbose = getenv("IMPRENTA_FUZZ_VERBOSE") != nil
    atexit { _ = PathMode.removeTree(PathMode.base) }
  }

  static func fatal(_ message: String) -> Never {
    printError("path mode: \(message)")
    exit(70)
  }

  static func violation(_ message: String) -> Never {
    printError("==IMPRENTA-FUZZ== confinement violated: \(message)")
    abort()
  }

  static func realPath(_ path: String) -> String {
    guard let r = FileSystem.realPath(path) else { fatal("no real path for \(path)") }
    return r
  }

  // MARK: - Decoding

  struct Record {
    var kind: UInt8
    var path: [[UInt8]]
    var target: [UInt8]
    var body: [UInt8]
  }

  struct Options {
    var twice = false, check = false, xhtml = false, drafts = false, force = false, prune = true
  }

  static func decode(_ input: [UInt8]) -> (records: [Record], options: Options) {
    // Split at "\n@@" (and a leading "@@").
    var starts: [Int] = []
    if input.starts(with: [64, 64]) { starts.append(2) }
    var i = 0
    while i + 2 < input.count, starts.count <= maxRecords {
      if input[i] == 10 && input[i + 1] == 64 && input[i + 2] == 64 { starts.append(i + 3) }
      i += 1
    }
    var records: [Record] = []
    var options = Options()
    for (n, start) in starts.enumerated() {
      let end = n + 1 < starts.count ? starts[n + 1] - 3 : input.count
      guard start < end else { continue }
      let chunk = Array(input[start..<end])
      let headerEnd = chunk.firstIndex(of: 10) ?? chunk.count
      let header = Array(chunk[..<headerEnd])
      let body = headerEnd < chunk.count ? Array(chunk[(headerEnd + 1)...].prefix(maxBody)) : []
      guard let kind = header.first else { continue }
      var rest = Array(header.dropFirst())
      if rest.first == 32 { rest.removeFirst() }
      if kind == UInt8(ascii: "o") {
        for c in rest {
          switch c {
          case UInt8(ascii: "t"): options.twice = true
          case UInt8(ascii: "c"): options.check = true
          case UInt8(ascii: "x"): options.xhtml = true
          case UInt8(ascii: "d"): options.drafts = true
          case UInt8(ascii: "f"): options.force = true
          case UInt8(ascii: "n"): options.prune = false
          default: break
          }
        }
        continue
      }
      var target: [UInt8] = []
      if let tab = rest.firstIndex(of: 9) {
        target = Array(rest[(tab + 1)...])
        rest = Array(rest[..<tab])
      }
      let parts = rest.split(separator: 47).map(Array.init).filter { $0 != [46] && $0 != [46, 46] && !$0.contains(0) }
      guard !parts.isEmpty, parts.count <= 8, parts.allSatisfy({ $0.count <= 255 }) else { continue }
      records.append(Record(kind: kind, path: parts, target: target, body: body))
    }
    return (records, options)
  }

  /// `$O`, `$P`, `$R` replaced by the absolute paths of outside/, proj/ and the root.
  static func expand(_ bytes: [UInt8], root: String) -> [UInt8] {
    guard bytes.contains(36) else { return bytes }
    var out: [UInt8] = []
    var i = 0
    while i < bytes.count {
      if bytes[i] == 36, i + 1 < bytes.count {
        switch bytes[i + 1] {
        case UInt8(ascii: "O"): out += Array((root + "/outside").utf8); i += 2; continue
        case UInt8(ascii: "P"): out += Array((root + "/proj").utf8); i += 2; continue
        case UInt8(ascii: "R"): out += Array(root.utf8); i += 2; continue
        default: break
        }
      }
      out.append(bytes[i])
      i += 1
    }
    return out.filter { $0 != 0 }
  }

  // MARK: - Making the tree

  static func cString<R>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> R) -> R {
    (bytes + [0]).withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) } }
  }

  static func writeFile(_ dir: Int32, _ name: [UInt8], _ bytes: [UInt8], exclusive: Bool = true) {
    let fd = cString(name) { openat(dir, $0, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC | (exclusive ? O_EXCL : O_TRUNC), 0o644) }
    guard fd >= 0 else { return }
    bytes.withUnsafeBytes { buf in
      var off = 0
      while off < buf.count {
        let n = write(fd, buf.baseAddress! + off, buf.count - off)
        if n <= 0 { break }
        off += n
      }
    }
    close(fd)
  }

  static func make(_ record: Record, in proj: Int32, root: String) {
    var fd = dup(proj)
    for part in record.path.dropLast() {
      _ = cString(part) { mkdirat(fd, $0, 0o755) }
      let next = cString(part) { openat(fd, $0, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
      close(fd)
      guard next >= 0 else { return }
      fd = next
    }
    defer { close(fd) }
    let name = record.path.last!
    switch record.kind {
    case UInt8(ascii: "f"): writeFile(fd, name, expand(record.body, root: root))
    case UInt8(ascii: "d"): _ = cString(name) { mkdirat(fd, $0, 0o755) }
    case UInt8(ascii: "p"): _ = cString(name) { mkfifoat(fd, $0, 0o644) }
    case UInt8(ascii: "l"):
      let target = expand(record.target, root: root)
      guard !target.isEmpty else { return }
      _ = cString(target) { t in cString(name) { symlinkat(t, fd, $0) } }
    default: break
    }
  }

  static func makeOutside(_ root: String) {
    let canaryText = canary
    let outside = root + "/outside"
    mkdir(outside, 0o755)
    mkdir(outside + "/content", 0o755)
    mkdir(outside + "/output", 0o755)
    let dir = open(outside, O_RDONLY | O_DIRECTORY)
    writeFile(dir, Array("canary.md".utf8), Array("---\ntitle: \"".utf8) + canaryText + Array("\"\n---\n\n".utf8) + canaryText + [10])
    writeFile(dir, Array("canary.yaml".utf8), canaryText + Array(": ".utf8) + canaryText + [10])
    writeFile(dir, Array("content/canary.md".utf8), canaryText + [10])
    writeFile(dir, Array("victim.txt".utf8), Array("victim\n".utf8))
    writeFile(dir, Array("output/victim.txt".utf8), Array("victim\n".utf8))
    close(dir)
  }

  // MARK: - Listing

  struct Entry: Equatable {
    var type: UInt32
    var size: Int
    var mtime: Int
    var inode: UInt64
    var target: [UInt8]
  }

  /// Every entry under `path` (links not followed), by path relative to it.
  static func listing(_ path: String) -> [[UInt8]: Entry] {
    var out: [[UInt8]: Entry] = [:]
    let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    guard fd >= 0 else { return out }
    list(fd, prefix: [], into: &out)
    return out
  }

  /// Lists the folder `fd` (and closes it).
  static func list(_ fd: Int32, prefix: [UInt8], into out: inout [[UInt8]: Entry]) {
    guard let dir = fdopendir(fd) else {
      close(fd)
      return
    }
    defer { closedir(dir) }
    while let e = readdir(dir) {
      let name: [UInt8] = withUnsafePointer(to: &e.pointee.d_name) { p in
        p.withMemoryRebound(to: UInt8.self, capacity: 256) { Array(UnsafeBufferPointer(start: $0, count: strlen(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)))) }
      }
      if name == [46] || name == [46, 46] { continue }
      var st = stat()
      guard cString(name, { fstatat(fd, $0, &st, AT_SYMLINK_NOFOLLOW) }) == 0 else { continue }
      let type = st.st_mode & S_IFMT
      var target: [UInt8] = []
      if type == S_IFLNK {
        var buf = [UInt8](repeating: 0, count: 4096)
        let n = cString(name) { readlinkat(fd, $0, &buf, 4096) }
        if n > 0 { target = Array(buf[..<n]) }
      }
      let rel = prefix.isEmpty ? name : prefix + [47] + name
      // A folder's size and time change when entries are added; only its existence matters.
      let isDir = type == S_IFDIR
      out[rel] = Entry(
        type: type, size: isDir ? 0 : Int(st.st_size), mtime: isDir ? 0 : st.st_mtim.tv_sec * 1_000_000_000 + st.st_mtim.tv_nsec, inode: UInt64(st.st_ino),
        target: target)
      if isDir {
        let child = cString(name) { openat(fd, $0, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
        if child >= 0 { list(child, prefix: rel, into: &out) }
      }
    }
  }

  static func contents(_ path: [UInt8]) -> [UInt8] {
    let fd = cString(path) { open($0, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC) }
    guard fd >= 0 else { return [] }
    defer { close(fd) }
    var out: [UInt8] = []
    var buf = [UInt8](repeating: 0, count: 65536)
    while out.count < 16 << 20 {
      let n = read(fd, &buf, buf.count)
      if n <= 0 { break }
      out += buf[..<n]
    }
    return out
  }

  static func holdsCanary(_ bytes: [UInt8]) -> Bool {
    let n = canary.count
    guard bytes.count >= n else { return false }
    let first = canary[0]
    var i = 0
    while i <= bytes.count - n {
      if bytes[i] == first && bytes[i..<(i + n)].elementsEqual(canary) { return true }
      i += 1
    }
    return false
  }

  static func holdsCanary(_ text: String) -> Bool { holdsCanary(Array(text.utf8)) }

  static func show(_ path: [UInt8]) -> String { String(decoding: path, as: UTF8.self).escapedForLog }

  // MARK: - Removing

  @discardableResult
  static func removeTree(_ path: String) -> Bool {
    let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    if fd < 0 { return unlink(path) == 0 }
    emptyFolder(fd)
    return rmdir(path) == 0
  }

  /// Removes everything in the folder `fd` (and closes it), never following a link.
  static func emptyFolder(_ fd: Int32) {
    guard let dir = fdopendir(fd) else {
      close(fd)
      return
    }
    var names: [[UInt8]] = []
    while let e = readdir(dir) {
      let name: [UInt8] = withUnsafePointer(to: &e.pointee.d_name) { p in
        p.withMemoryRebound(to: UInt8.self, capacity: 256) { Array(UnsafeBufferPointer(start: $0, count: strlen(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)))) }
      }
      if name != [46] && name != [46, 46] { names.append(name) }
    }
    for name in names {
      if cString(name, { unlinkat(fd, $0, 0) }) == 0 { continue }
      let child = cString(name) { openat(fd, $0, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
      if child >= 0 { emptyFolder(child) }
      _ = cString(name) { unlinkat(fd, $0, AT_REMOVEDIR) }
    }
    closedir(dir)
  }

  // MARK: - One input

  static func run(_ input: UnsafeBufferPointer<UInt8>) {
    let bytes = Array(input)
    // An input that holds the canary (the fuzzer can learn it from a comparison) proves nothing.
    if holdsCanary(bytes) { return }
    let (records, options) = decode(bytes)
    counter += 1
    let root = base + "/r\(counter)"
    guard mkdir(root, 0o755) == 0, mkdir(root + "/proj", 0o755) == 0 else { fatal("cannot make \(root)") }
    defer {
      _ = chdir(home)
      if !removeTree(root) { fatal("cannot remove \(root)") }
    }
    makeOutside(root)
    let proj = open(root + "/proj", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    for record in records { make(record, in: proj, root: root) }
    close(proj)

    let before = listing(root)
    guard chdir(root + "/proj") == 0 else { fatal("cannot enter \(root)/proj") }
    var diagnostics = Diagnostics()
    var output = "output"
    var reports: [BatchReport] = []
    if let publications = publications(&diagnostics, output: &output) {
      var batch = BatchOptions(outputFolder: output, jobs: 1, defaultFormats: [.txt], version: "fuzz")
      batch.projectFolder = FileSystem.absolute(".")
      batch.outputIsConfined = true
      batch.force = options.force
      batch.prune = options.prune
      batch.includeDrafts = options.drafts
      batch.styleSearchPaths = ["styles"]
      batch.sourceDateEpoch = 1_700_000_000
      var chosen = publications
      for i in chosen.indices { chosen[i].formats = options.xhtml ? [.txt, .xhtml] : [.txt] }
      for _ in 0..<(options.twice ? 2 : 1) {
        reports.append(BatchBuilder(options: batch).run(chosen))
      }
      if options.check {
        var checker = Checker(styleSearchPaths: ["styles"])
        checker.projectFolder = batch.projectFolder
        diagnostics.append(contentsOf: checker.check(chosen).diagnostics)
      }
    }
    _ = chdir(home)
    for r in reports {
      diagnostics.append(contentsOf: r.diagnostics)
      for p in r.outputs.map(\.path) + r.pruned + r.stale where holdsCanary(p) { violation("the canary is in a reported output path: \(p.escapedForLog)") }
    }
    for d in diagnostics.items where holdsCanary(d.message) || holdsCanary(d.file) {
      violation("the canary is in a diagnostic: \(d.description.escapedForLog)")
    }
    let after = listing(root)
    if verbose {
      for d in diagnostics.items { printError("  " + d.description.escapedForLog) }
      for (path, entry) in after.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) where before[path] != entry {
        printError("  wrote \(show(path))")
      }
    }
    check(before: before, after: after, root: root, output: output)
  }

  /// The project's publications (nil when its project file is refused), like `imprenta build`
  /// with no INPUT: ./imprenta.yaml when there is one, else the pages of content/.
  static func publications(_ diagnostics: inout Diagnostics, output: inout String) -> [Publication]? {
    guard FileSystem.linkStatus(ProjectFile.fileName).kind != .missing else {
      return [Publication(name: "pages", inputs: ["content"], formats: [.txt], prefixOutputs: false)]
    }
    do {
      let file = try ProjectFile.load(ProjectFile.fileName, diagnostics: &diagnostics)
      if let o = file.output { output = o }
      return file.publications
    } catch let error as ImprentaError {
      if !diagnostics.items.contains(error.diagnostic) { diagnostics.report(error.diagnostic) }
      return nil
    } catch {
      diagnostics.error("fuzz", "\(error)", file: ProjectFile.fileName)
      return nil
    }
  }

  static func check(before: [[UInt8]: Entry], after: [[UInt8]: Entry], root: String, output: String) {
    // The output folder where it really is (a link inside the project may lead there); only
    // inside proj/ is it allowed at all.
    var outputPath: [UInt8] = Array("proj".utf8) + output.split(separator: "/").filter { $0 != "." }.flatMap { [47] + Array($0.utf8) }
    if let real = FileSystem.realPath(root + "/proj/" + output), real.hasPrefix(root + "/proj/") {
      outputPath = Array(real.utf8.dropFirst(root.utf8.count + 1))
    }
    func inOutput(_ path: [UInt8]) -> Bool {
      path.starts(with: outputPath) && (path.count == outputPath.count || path[outputPath.count] == 47)
    }
    func isAncestorOfOutput(_ path: [UInt8]) -> Bool {
      outputPath.starts(with: path) && outputPath.count > path.count && outputPath[path.count] == 47
    }
    for (path, old) in before {
      guard !inOutput(path) else { continue }
      guard let new = after[path] else { violation("removed: \(show(path))") }
      if new != old { violation("changed: \(show(path)) (\(old) → \(new))") }
    }
    for (path, new) in after where before[path] == nil {
      if new.type == S_IFLNK { violation("a symbolic link was created: \(show(path))") }
      if inOutput(path) || (new.type == S_IFDIR && isAncestorOfOutput(path)) { continue }
      violation("created outside the output folder: \(show(path))")
    }
    // The canary: in no name and no file under proj/.
    let proj = Array("proj/".utf8)
    for (path, entry) in after where path.starts(with: proj) {
      if holdsCanary(path) { violation("the canary is in a name: \(show(path))") }
      if entry.type == S_IFREG, holdsCanary(contents(Array((root + "/").utf8) + path)) {
        violation("the canary's text was written into \(show(path))")
      }
    }
  }
}
