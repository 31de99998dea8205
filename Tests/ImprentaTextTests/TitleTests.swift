import ImprentaModel
import ImprentaText
import Testing

@Suite struct TitleTests {
  @Test func titleIsUnderlinedAndFollowedByItsDetails() throws {
    let md = """
      ---
      title: "Misión y objetivos"
      subtitle: "Un resumen"
      authors: ["Ana Pérez", "Luis Gómez"]
      date: "2018-12-08T18:03:57-05:00"
      lang: es
      ---
      Texto.
      """
    let out = try text(md)
    #expect(out == "Misión y objetivos\n==================\n\nUn resumen\nAna Pérez y Luis Gómez\n8 de diciembre de 2018\n\nTexto.\n")
  }

  @Test func englishDates() throws {
    #expect(try text("---\ntitle: T\ndate: 2020-02-29\nlang: en\n---\nx") == "T\n=\n\nFebruary 29, 2020\n\nx\n")
  }

  @Test func wideTitlesGetARuleAsWideAsTheirColumns() throws {
    #expect(try text("---\ntitle: 日本語\n---\nx") == "日本語\n======\n\nx\n")
  }

  @Test func hideTitleLeavesTheBlockOut() throws {
    #expect(try text("---\ntitle: Hidden\nhideTitle: true\n---\nBody.") == "Body.\n")
  }

  @Test func aTitleTakenFromTheFirstH1IsNotPrintedTwice() throws {
    #expect(try text("# The Heading\n\nBody.") == "The Heading\n===========\n\nBody.\n")
  }

  @Test func aTitleWithoutDetailsStandsAlone() {
    let document = Document(metadata: Metadata(title: "Only"), blocks: [])
    #expect(TextWriter.write(document) == "Only\n====\n")
  }
}
