import Testing

/// Definition lists in plain text: the term on its line, its definitions indented below
/// by the style's indent (4 by default).
@Suite struct DefinitionListTests {
  @Test func termsThenIndentedDefinitions() throws {
    let out = try body("Apple\n: A fruit.\n: A company.\n\nOrange\nCitrus\n: The fruit of an evergreen tree that grows in warm places all around the world.\n", columns: 40)
    #expect(
      out == """
        Apple
            A fruit.
            A company.

        Orange
        Citrus
            The fruit of an evergreen tree that
            grows in warm places all around the
            world.

        """)
  }

  @Test func looseDefinitionsAreSeparatedByBlankLines() throws {
    let out = try body("Term\n\n: One.\n\n    Two.\n")
    #expect(out == "Term\n\n    One.\n\n    Two.\n")
  }
}
