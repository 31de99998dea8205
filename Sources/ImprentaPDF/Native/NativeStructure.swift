/// The structure tree of a natively written PDF, made as the painter opens and closes tags
/// (one element per `beginTag`, as Cairo makes them, so `StructureLog`'s indices are this tree's)
/// and mended at the end the way the layout meant it: parts of one element (a table over a page
/// break) merged into the first, links moved into the element whose text they are on. Artifact
/// marker tags make no element: their content is an `/Artifact` sequence.
struct NativeStructure {
  enum Kid {
    /// Marked content `mcid` on page `page`.
    case content(page: Int, mcid: Int)
    /// Another element (by index).
    case element(Int)
    /// An annotation (object number) on page `page`.
    case annotation(object: Int, page: Int)
  }

  struct Element {
    var name: String
    var parent: Int?
    var kids: [Kid] = []
    /// The artifact kind of a marker tag (no element is written for it).
    var artifact: ArtifactTag?
    var language: String?
    var alt: String?
    /// The element this one was merged into, once mended.
    var mergedInto: Int?
  }

  private(set) var elements: [Element] = []
  /// The open elements, innermost last.
  private(set) var open: [Int] = []
  /// Each page's marked content, by MCID: the element it belongs to (nil: none, an artifact).
  var pageContent: [[Int]] = []

  /// The innermost open element (an artifact marker included).
  var current: Int? { open.last }

  mutating func begin(_ name: String) -> Int {
    let index = elements.count
    let artifact = ArtifactTag(rawValue: name)
    let parent = open.last(where: { elements[$0].artifact == nil })
    elements.append(Element(name: name, parent: parent, artifact: artifact))
    if artifact == nil, let parent { elements[parent].kids.append(.element(index)) }
    open.append(index)
    return index
  }

  mutating func end() {
    if !open.isEmpty { open.removeLast() }
  }

  /// A new MCID on `page` for `element`'s content.
  mutating func mark(_ element: Int, page: Int) -> Int {
    while pageContent.count <= page { pageContent.append([]) }
    let mcid = pageContent[page].count
    pageContent[page].append(element)
    elements[element].kids.append(.content(page: page, mcid: mcid))
    return mcid
  }

  /// A link element under the innermost open element (its text and annotation come after).
  mutating func link() -> Int {
    let index = elements.count
    let parent = open.last(where: { elements[$0].artifact == nil })
    elements.append(Element(name: "Link", parent: parent))
    if let parent { elements[parent].kids.append(.element(index)) }
    return index
  }

  /// The annotation `object` on `page` as a kid of `element`.
  mutating func attach(annotation object: Int, page: Int, to element: Int) {
    elements[element].kids.append(.annotation(object: object, page: page))
  }

  mutating func describe(_ index: Int, alt: String?, language: String?) {
    guard index < elements.count else { return }
    if let alt { elements[index].alt = alt }
    if let language { elements[index].language = language }
  }

  /// The element `index` stands for after merging.
  func resolved(_ index: Int) -> Int {
    var i = index
    var steps = 0
    while let m = elements[i].mergedInto, steps < elements.count {
      i = m
      steps += 1
    }
    return i
  }

  /// Merges the painter's continued parts into their first part (in the order they were made, so
  /// each part's kids follow those of the parts before it) and moves links into the element whose
  /// text they are on.
  mutating func mend(_ log: StructureLog) {
    let firstOf = Dictionary(log.continuations.map { ($0.index, $0.first) }, uniquingKeysWith: { a, _ in a })
    for index in elements.indices {
      guard let first = firstOf[index], first < index, elements[index].artifact == nil else { continue }
      let target = resolved(first)
      guard target != index, elements[target].artifact == nil else { continue }
      for kid in elements[index].kids {
        if case .element(let e) = kid { elements[e].parent = target }
      }
      elements[target].kids += elements[index].kids
      elements[index].kids = []
      elements[index].mergedInto = target
    }
    for (link, parent) in log.linkParents where link < elements.count && parent < elements.count {
      let target = resolved(parent)
      guard elements[link].mergedInto == nil, target != link, elements[link].parent != target, elements[target].artifact == nil else { continue }
      elements[link].parent = target
      elements[target].kids.append(.element(link))
    }
  }

  /// Whether `kid` of `owner` is still there after mending (a merged element or a moved link is
  /// listed only under where it went).
  func keeps(_ kid: Kid, in owner: Int) -> Bool {
    guard case .element(let e) = kid else { return true }
    return elements[e].mergedInto == nil && elements[e].artifact == nil && elements[e].parent == owner
  }
}
