/// An identifier, classes and ordered key/value pairs, for containers and spans without a kind of their own.
public struct Attributes: Sendable, Hashable {
  /// The element id, or empty.
  public var id: String
  /// Class names in source order.
  public var classes: [String]
  /// Further attributes, in source order (a dictionary would change order between runs).
  public var pairs: [KeyValue<String>]

  /// Creates attributes.
  public init(id: String = "", classes: [String] = [], pairs: [KeyValue<String>] = []) {
    self.id = id
    self.classes = classes
    self.pairs = pairs
  }

  /// The value of the first pair named `key`.
  public subscript(key: String) -> String? {
    pairs.first { $0.key == key }?.value
  }

  /// Whether there is nothing in the bag.
  public var isEmpty: Bool { id.isEmpty && classes.isEmpty && pairs.isEmpty }
}

/// One entry of an ordered map.
public struct KeyValue<Value: Sendable & Hashable>: Sendable, Hashable {
  /// The key.
  public var key: String
  /// The value.
  public var value: Value

  /// Creates an entry.
  public init(_ key: String, _ value: Value) {
    self.key = key
    self.value = value
  }
}
