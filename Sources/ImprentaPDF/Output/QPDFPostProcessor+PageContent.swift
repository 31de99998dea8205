import CQPDF
import CZlib
import Dispatch
import Foundation
import Synchronization

/// Every page's content stream is rewritten once: artifacts marked (`rewrittenContent`), then each
/// link's words cut into the link's own marked content (`LinkTextSplit`), then compressed. qpdf is
/// not thread-safe, so its calls stay on this thread: the raw streams are read first, the bytes
/// are inflated, rewritten and deflated on every core, and the results written back with their
/// `/FlateDecode` filter (qpdf copies them as they are instead of compressing them when it writes).
/// Before, each page was decoded and re-encoded by qpdf twice, one page after another.
extension QPDFPostProcessor {
  /// What a page's link cuts change in the structure tree, applied once the tree is mended
  /// (`applyLinkCuts`). Elements are kept by object number: qpdf's handles are released between
  /// the passes.
  struct LinkCuts {
    var page: Int
    /// The page's `/StructParents` key in the parent tree.
    var key: Int
    /// The link elements (object id, generation), in the order of `LinkTextSplit.Link`s.
    var links: [(id: Int32, generation: Int32)]
    var splits: [LinkTextSplit.Split]
  }

  /// One page's work: its content (compressed when `inflate`), the links on it and the page's
  /// count of marked-content items (the first MCID free).
  private struct PageJob {
    var page: Int
    var content: [UInt8]
    var inflate: Bool
    var links: [LinkTextSplit.Link] = []
    var linkElements: [(id: Int32, generation: Int32)] = []
    var key = 0
    var nextMCID = 0
    /// The result: the new content (compressed) and the link cuts made, nil when unchanged.
    var output: [UInt8]? = nil
    var splits: [LinkTextSplit.Split] = []
  }

  /// Rewrites every page's content stream and sets `/Tabs /S` on pages with annotations; returns
  /// the link cuts for `applyLinkCuts` (none when `links` is false: an untagged file).
  static func rewritePageContents(_ q: qpdf_data?, root: qpdf_oh, links: Bool) -> [LinkCuts] {
    let parents = links ? parentTreeLists(q, root: root) : [:]
    var jobs: [PageJob] = []
    for i in 0..<max(0, Int(qpdf_get_num_pages(q))) {
      let page = qpdf_get_page_n(q, i)
      let annots = qpdf_oh_get_key(q, page, "/Annots")
      if qpdf_oh_is_array(q, annots) != 0, qpdf_oh_get_array_n_items(q, annots) > 0 { qpdf_oh_replace_key(q, page, "/Tabs", qpdf_oh_new_name(q, "/S")) }
      guard var job = readContent(q, page: page, index: i) else { continue }
      if links { findLinks(q, page: page, parents: parents, into: &job) }
      jobs.append(job)
    }
    // Inflate, rewrite, deflate: pure work on bytes, spread over the cores.
    let pending = jobs
    let done = Mutex([PageJob?](repeating: nil, count: pending.count))
    let next = Mutex(0)
    DispatchQueue.concurrentPerform(iterations: max(1, min(ProcessInfo.processInfo.activeProcessorCount, pending.count))) { _ in
      while true {
        let n: Int = next.withLock { n in
          defer { n += 1 }
          return n
        }
        guard n < pending.count else { return }
        var job = pending[n]
        rewrite(&job)
        done.withLock { $0[n] = job }
      }
    }
    jobs = done.withLock { $0.compactMap { $0 } }
    var cuts: [LinkCuts] = []
    for var job in jobs {
      // Every cut must land in the tree (a paragraph element at its MCID), or the page keeps its
      // links' text where it was.
      if !job.splits.isEmpty, let list = parents[job.key], !job.splits.allSatisfy({ cutFits($0, list: list, q) }) {
        (job.links, job.splits, job.output) = ([], [], nil)
        rewrite(&job)
      }
      guard let output = job.output else { continue }
      let page = qpdf_get_page_n(q, job.page)
      let stream = qpdf_oh_get_key(q, page, "/Contents")
      output.withUnsafeBufferPointer {
        qpdf_oh_replace_stream_data(q, stream, $0.baseAddress, $0.count, qpdf_oh_new_name(q, "/FlateDecode"), qpdf_oh_new_null(q))
      }
      if !job.splits.isEmpty { cuts.append(LinkCuts(page: job.page, key: job.key, links: job.linkElements, splits: job.splits)) }
    }
    return cuts
  }

  private static func cutFits(_ split: LinkTextSplit.Split, list: qpdf_oh, _ q: qpdf_data?) -> Bool {
    split.mcid < Int(qpdf_oh_get_array_n_items(q, list)) && qpdf_oh_is_dictionary(q, qpdf_oh_get_array_item(q, list, Int32(split.mcid))) != 0
  }

  /// The page's one content stream, raw when it is plainly Flate-compressed (inflated later, on
  /// another core), else decoded by qpdf. Nil for a page whose content is an array of streams
  /// (never Cairo's) or cannot be read.
  private static func readContent(_ q: qpdf_data?, page: qpdf_oh, index: Int) -> PageJob? {
    let stream = qpdf_oh_get_key(q, page, "/Contents")
    guard qpdf_oh_is_stream(q, stream) != 0 else { return nil }
    let dict = qpdf_oh_get_dict(q, stream)
    let plainFlate = name(q, qpdf_oh_get_key(q, dict, "/Filter")) == "/FlateDecode" && qpdf_oh_has_key(q, dict, "/DecodeParms") == 0
    var buffer: UnsafeMutablePointer<UInt8>? = nil
    var length = 0
    let code = plainFlate
      ? qpdf_oh_get_stream_data(q, stream, qpdf_dl_none, nil, &buffer, &length) : qpdf_oh_get_page_content_data(q, page, &buffer, &length)
    guard code & QPDF_ERRORS == 0, let buffer else { return nil }
    defer { free(buffer) }
    return PageJob(page: index, content: Array(UnsafeBufferPointer(start: buffer, count: length)), inflate: plainFlate)
  }

  /// The parent tree's entries: key → the page's array of marked-content elements, or an
  /// annotation's element.
  static func parentTreeLists(_ q: qpdf_data?, root: qpdf_oh) -> [Int: qpdf_oh] {
    let treeRoot = qpdf_oh_get_key(q, root, "/StructTreeRoot")
    let nums = qpdf_oh_get_key(q, qpdf_oh_get_key(q, treeRoot, "/ParentTree"), "/Nums")
    guard qpdf_oh_is_array(q, nums) != 0 else { return [:] }
    var byKey: [Int: qpdf_oh] = [:]
    var k: Int32 = 0
    let n = qpdf_oh_get_array_n_items(q, nums)
    while k + 1 < n {
      byKey[Int(qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_array_item(q, nums, k)))] = qpdf_oh_get_array_item(q, nums, k + 1)
      k += 2
    }
    return byKey
  }

  /// The page's link annotations whose `/Link` element has marked content on the page.
  private static func findLinks(_ q: qpdf_data?, page: qpdf_oh, parents: [Int: qpdf_oh], into job: inout PageJob) {
    guard let key = integer(q, qpdf_oh_get_key(q, page, "/StructParents")), let list = parents[key], qpdf_oh_is_array(q, list) != 0 else { return }
    job.key = key
    job.nextMCID = Int(qpdf_oh_get_array_n_items(q, list))
    for annot in items(q, qpdf_oh_get_key(q, page, "/Annots")) where name(q, qpdf_oh_get_key(q, annot, "/Subtype")) == "/Link" {
      let rect = items(q, qpdf_oh_get_key(q, annot, "/Rect")).map { qpdf_oh_get_numeric_value(q, $0) }
      guard rect.count == 4, let k = integer(q, qpdf_oh_get_key(q, annot, "/StructParent")), let element = parents[k],
        name(q, qpdf_oh_get_key(q, element, "/S")) == "/Link",
        let own = items(q, qpdf_oh_get_key(q, element, "/K")).lazy.compactMap({ markedContent(q, $0, of: element, page: page) }).first
      else { continue }
      job.links.append(.init(mcid: own, rect: (min(rect[0], rect[2]), min(rect[1], rect[3]), max(rect[0], rect[2]), max(rect[1], rect[3]))))
      job.linkElements.append((qpdf_oh_get_object_id(q, element), qpdf_oh_get_generation(q, element)))
    }
  }

  /// The job's content with artifacts marked and link text cut, compressed; `output` stays nil
  /// when nothing changed (or zlib failed: the page is left as Cairo wrote it).
  private static func rewrite(_ job: inout PageJob) {
    guard let content = job.inflate ? Zlib.inflate(job.content) : job.content else { return }
    var bytes = rewrittenContent(content)
    if let (split, splits) = LinkTextSplit.split(bytes, links: job.links, nextMCID: job.nextMCID) {
      bytes = split
      job.splits = splits
    }
    guard bytes != content else { return }
    job.output = Zlib.deflate(bytes)
    if job.output == nil { job.splits = [] }
  }

  /// An integer object's value, or nil.
  static func integer(_ q: qpdf_data?, _ oh: qpdf_oh) -> Int? {
    qpdf_oh_is_integer(q, oh) != 0 ? Int(qpdf_oh_get_int_value_as_int(q, oh)) : nil
  }

  /// The MCID a kid of `element` stands for on `page` (an integer, or a marked-content reference).
  static func markedContent(_ q: qpdf_data?, _ kid: qpdf_oh, of element: qpdf_oh, page: qpdf_oh) -> Int? {
    if let n = integer(q, kid) {
      let pg = qpdf_oh_get_key(q, element, "/Pg")
      return qpdf_oh_is_dictionary(q, pg) == 0 || qpdf_oh_get_object_id(q, pg) == qpdf_oh_get_object_id(q, page) ? n : nil
    }
    guard qpdf_oh_is_dictionary(q, kid) != 0, name(q, qpdf_oh_get_key(q, kid, "/Type")) == "/MCR",
      qpdf_oh_get_object_id(q, qpdf_oh_get_key(q, kid, "/Pg")) == qpdf_oh_get_object_id(q, page)
    else { return nil }
    return integer(q, qpdf_oh_get_key(q, kid, "/MCID"))
  }
}

/// zlib's inflate and deflate for content streams (the zlib format `/FlateDecode` reads).
enum Zlib {
  /// `bytes` compressed at zlib's default level, or nil when zlib fails.
  static func deflate(_ bytes: [UInt8]) -> [UInt8]? {
    var size = compressBound(uLong(bytes.count))
    var out = [UInt8](repeating: 0, count: Int(size))
    let status = out.withUnsafeMutableBufferPointer { o in
      bytes.withUnsafeBufferPointer { i in compress2(o.baseAddress, &size, i.baseAddress, uLong(i.count), Z_DEFAULT_COMPRESSION) }
    }
    guard status == Z_OK else { return nil }
    out.removeSubrange(Int(size)...)
    return out
  }

  /// What a PDF stream of `bytes` holds: them deflated when that makes them smaller (and they are
  /// over 64 bytes), else them as they are.
  static func deflatedIfSmaller(_ bytes: [UInt8]) -> (payload: [UInt8], compressed: Bool) {
    guard bytes.count > 64, let d = deflate(bytes), d.count < bytes.count else { return (bytes, false) }
    return (d, true)
  }

  /// `bytes` inflated, or nil when they are not a whole zlib stream.
  static func inflate(_ bytes: [UInt8]) -> [UInt8]? {
    var stream = z_stream()
    guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
    defer { inflateEnd(&stream) }
    var out: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: max(64 * 1024, bytes.count * 4))
    var status = Z_OK
    bytes.withUnsafeBufferPointer { input in
      stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
      stream.avail_in = uInt(input.count)
      repeat {
        chunk.withUnsafeMutableBufferPointer { c in
          stream.next_out = c.baseAddress
          stream.avail_out = uInt(c.count)
          status = CZlib.inflate(&stream, Z_NO_FLUSH)
          out.append(contentsOf: c[0..<(c.count - Int(stream.avail_out))])
        }
      } while status == Z_OK
    }
    return status == Z_STREAM_END ? out : nil
  }
}
