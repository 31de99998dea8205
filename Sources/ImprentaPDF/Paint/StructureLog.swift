/// What the painter knows of the structure elements Cairo 1.16 makes, for the post-processor to
/// mend what Cairo cannot express: Cairo makes a new element at every `cairo_tag_begin`, so an
/// element the painter has to close and open again (a table or paragraph going on over the next
/// page, a cell interrupted by a running head) comes out as several; and a link's element is made
/// where its annotation is written, after the page's text. Elements are counted in the order
/// Cairo makes them, which is the order of the tree it writes (depth first, parents first).
final class StructureLog {
  /// The name of each element made, in order.
  var names: [String] = []
  /// Elements that go on an earlier one (same layout element): (index, index of the first).
  var continuations: [(index: Int, first: Int)] = []
  /// For each link element, the element whose text it is on (nil: unknown).
  var linkParents: [(link: Int, parent: Int)] = []
  /// The first element made for each layout id.
  var firstElement: [Int: Int] = [:]
  /// The language of elements in another language than the document (a book's chapter), by index.
  var languages: [Int: String] = [:]
}
