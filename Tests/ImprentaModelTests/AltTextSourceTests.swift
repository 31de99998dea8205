import ImprentaModel
import Testing

/// `accessibility.alt_from`: figures without alternative text take their caption or a text made
/// from the file name, only when asked; figures that have one keep it.
@Suite("Alternative text from captions and file names")
struct AltTextSourceTests {
  func figure(_ source: String, alt: String = "", caption: String = "") -> Block {
    .figure(Figure(image: Image(source: source, alt: alt), caption: caption.isEmpty ? [] : [.text(Text(caption))]))
  }

  func alts(_ doc: Document) -> [String] {
    var out: [String] = []
    doc.forEachBlock { if case .figure(let f) = $0 { out.append(f.image.alt) } }
    return out
  }

  func document(_ lang: String, _ blocks: [Block]) -> Document {
    var m = Metadata()
    m.language = lang
    return Document(metadata: m, blocks: blocks)
  }

  @Test func fileNamesBecomeWordsAfterTheLanguagesWordForFigure() {
    let doc = document(
      "es",
      [
        figure("/images/informe-anual-2023.png"), figure("fotos/Mapa_de%20riesgos.v2.jpg", alt: "imagen"),
        figure("1234.png"), figure("dato.svg", alt: "Un mapa del país"),
      ])
    let out = alts(doc.fillingAltText(from: .fileName, defaultLanguage: "en"))
    #expect(out == ["Figura: informe anual 2023", "Figura: Mapa de riesgos v2", "", "Un mapa del país"])
    // English when the page says nothing and the default is English.
    #expect(alts(document("", [figure("chart.png")]).fillingAltText(from: .fileName, defaultLanguage: "en")) == ["Figure: chart"])
  }

  @Test func captionsAreTakenOnlyWhenThereIsOne() {
    let doc = document("es", [figure("a.png", caption: "Participación  por\nregión"), figure("b.png"), figure("c.png", alt: "Tres barras", caption: "Otra")])
    #expect(alts(doc.fillingAltText(from: .caption, defaultLanguage: "es")) == ["Participación por región", "", "Tres barras"])
    #expect(alts(doc.fillingAltText(from: .none, defaultLanguage: "es")) == ["", "", "Tres barras"])
  }

  @Test func figuresInsideListsAndQuotesToo() {
    let quoted = Block.blockQuote(BlockQuote(blocks: [figure("x/grafico-barras.png", caption: "Barras")]))
    let doc = document("es", [quoted])
    #expect(alts(doc.fillingAltText(from: .caption, defaultLanguage: "es")) == ["Barras"])
  }
}
