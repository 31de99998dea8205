/// What the line breaker (`LineBreaker`) chooses lines over: a box (an unbreakable width), glue
/// (stretchable space, a break opportunity after a box) or a penalty (a break opportunity with a
/// cost, and a width when taken: a hyphen).
struct BreakItem {
  enum Kind: UInt8 { case box, glue, penalty }
  var kind: Kind
  /// A break that adds a hyphen (or ends on one): two in a row cost `flaggedDemerits`.
  var flagged = false
  /// A hyphenation point (only taken in passes that hyphenate).
  var isHyphenation = false
  /// Glue that is not a break opportunity (a no-break space).
  var breakable = true
  // Stored as Float, and what only one kind has shares a slot (20 bytes an item: a 5.4 MB
  // paragraph makes millions); sums are Double. Box: letter stretch in `a`; glue: stretch and
  // shrink in `a` and `b`; penalty: cost and break stretch. `h` is the hang of every kind.
  private var w: Float, a: Float = 0, b: Float = 0, h: Float = 0

  init(kind: Kind, width: Double, stretch: Double = 0, shrink: Double = 0, cost: Double = 0, flagged: Bool = false) {
    self.kind = kind
    self.flagged = flagged
    w = Float(width)
    switch kind {
    case .box: break
    case .glue: (a, b) = (Float(stretch), Float(shrink))
    case .penalty: a = Float(cost)
    }
  }

  var width: Double {
    get { Double(w) }
    set { w = Float(newValue) }
  }
  /// A shared slot read as the field of kind `owner` (0 for an item of another kind).
  @inline(__always) private func field(_ slot: Float, of owner: Kind) -> Double { kind == owner ? Double(slot) : 0 }
  /// A shared slot written as the field of kind `owner`: only an item of that kind has it.
  @inline(__always) private static func set(_ slot: inout Float, _ value: Double, of owner: Kind, on kind: Kind) {
    precondition(kind == owner)
    slot = Float(value)
  }

  /// A glue's stretch and shrink.
  var stretch: Double {
    get { field(a, of: .glue) }
    set { BreakItem.set(&a, newValue, of: .glue, on: kind) }
  }
  var shrink: Double {
    get { field(b, of: .glue) }
    set { BreakItem.set(&b, newValue, of: .glue, on: kind) }
  }
  /// A penalty's cost (`LineBreaker.forced` or less: a break that must be taken).
  var cost: Double {
    get { field(a, of: .penalty) }
    set { BreakItem.set(&a, newValue, of: .penalty, on: kind) }
  }
  /// A penalty's: the stretch a line ending here has when its glue has none (a line of Chinese,
  /// the pieces of an unbreakable run): such a line is set ragged, never judged infinitely bad.
  var breakStretch: Double {
    get { field(b, of: .penalty) }
    set { BreakItem.set(&b, newValue, of: .penalty, on: kind) }
  }
  /// A box's stretch by letter-spacing, used only in a pass that allows it (the last resort).
  var letterStretch: Double {
    get { field(a, of: .box) }
    set { BreakItem.set(&a, newValue, of: .box, on: kind) }
  }
  /// What of the line's end hangs into the margin when the line ends here (optical margin).
  var hang: Double {
    get { Double(h) }
    set { h = Float(newValue) }
  }
  /// A box's: what of its first character hangs into the start margin when a line starts with
  /// it (optical margin). A box is never a break, so it keeps this where a break keeps `hang`.
  var startHang: Double {
    get { Double(h) }
    set { h = Float(newValue) }
  }

  static func box(_ width: Double) -> BreakItem { BreakItem(kind: .box, width: width) }
  static func glue(_ width: Double, stretch: Double, shrink: Double) -> BreakItem {
    BreakItem(kind: .glue, width: width, stretch: stretch, shrink: shrink)
  }
  static func penalty(_ width: Double, cost: Double, flagged: Bool = false) -> BreakItem {
    BreakItem(kind: .penalty, width: width, cost: cost, flagged: flagged)
  }
}
