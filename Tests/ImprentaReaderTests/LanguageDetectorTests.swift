import Foundation
import ImprentaModel
import ImprentaTestSupport
import Testing

@testable import ImprentaReader

@Suite("Language detection")
struct LanguageDetectorTests {
  static let latin = LanguageSamples.paragraphs.filter { ["es", "en", "pt", "fr", "de", "it", "ca", "nl"].contains($0.tag) }
  static let scripted = LanguageSamples.paragraphs.filter { !latin.map(\.text).contains($0.text) }

  @Test(arguments: LanguageSamples.paragraphs.map(\.tag).indices)
  func paragraph(index: Int) throws {
    let sample = LanguageSamples.paragraphs[index]
    let guess = try #require(LanguageDetector.detect(sample.text), "no guess for \(sample.tag)")
    #expect(guess.tag == sample.tag)
    #expect(guess.runnerUp != guess.tag)
    #expect(guess.confidence > 0 && guess.confidence <= 1)
    #expect(guess.words >= LanguageDetector.minimumWords)
    #expect(guess.basis == (Self.latin.contains { $0.text == sample.text } ? .ngrams : .script))
  }

  @Test func theFirstTwentyFiveWordsAreRightOrNothing() {
    var told = 0
    for sample in Self.latin {
      let start = sample.text.split(separator: " ").prefix(25).joined(separator: " ")
      guard let guess = LanguageDetector.detect(start) else { continue }
      #expect(guess.tag == sample.tag, "\(start)")
      told += 1
    }
    #expect(told >= Self.latin.count * 3 / 4)
  }

  @Test func neighboursAreToldApart() throws {
    // Spanish, Catalan and Portuguese share most short words; the n-grams still tell them apart
    // when all three paragraphs of a language are read together, with a clear lead.
    for tag in ["es", "ca", "pt", "it", "fr"] {
      let text = LanguageSamples.paragraphs.filter { $0.tag == tag }.map(\.text).joined(separator: "\n")
      let guess = try #require(LanguageDetector.detect(text))
      #expect(guess.tag == tag)
      #expect(guess.confidence >= 0.5, "\(tag): \(guess)")
    }
  }

  @Test(arguments: ["", "Hola", "El gato duerme.", "Instalación rápida del programa en cinco pasos sencillos para todos",
                    "Die Stadt hat gestern die neue Bibliothek im Viertel eröffnet, mit einem Raum für Kinder."])
  func tooFewWords(text: String) {
    #expect(LanguageDetector.detect(text) == nil)
  }

  @Test func oneWordRepeatedIsNoLanguage() {
    #expect(LanguageDetector.detect(Array(repeating: "casa", count: 50).joined(separator: " ")) == nil)
    #expect(LanguageDetector.detect(Array(repeating: "la casa del pueblo", count: 20).joined(separator: ", ")) == nil)
    #expect(LanguageDetector.detect(String(repeating: "中文", count: 100)) == nil)
  }

  @Test func unknownLanguagesAndFillerAreNil() {
    #expect(LanguageDetector.detect(LanguageSamples.swahili) == nil)
    #expect(LanguageDetector.detect(LanguageSamples.filler) == nil)
    // Cyrillic without Russian's or Ukrainian's own letters (Bulgarian) is not forced into either.
    #expect(LanguageDetector.detect(LanguageSamples.bulgarian) == nil)
  }

  @Test func closeKinIsNotForcedApart() {
    // Croatian is Croatian or nothing: never Slovenian or Czech, its nearest profiles.
    let guess = LanguageDetector.detect(LanguageSamples.croatian)
    #expect(guess == nil || guess?.tag == "hr", "\(String(describing: guess))")
  }

  @Test func halfAndHalfIsNil() throws {
    // Two scripts in equal measure: no clear winner.
    let he = try #require(Self.scripted.first { $0.tag == "he" }).text
    let ru = try #require(Self.scripted.first { $0.tag == "ru" }).text
    #expect(LanguageDetector.detect(he + "\n" + ru) == nil)
  }

  @Test func deterministic() {
    let text = LanguageSamples.paragraphs.map(\.text).joined(separator: "\n")
    let first = LanguageDetector.detect(text)
    for _ in 0..<3 { #expect(LanguageDetector.detect(text) == first) }
  }

  @Test func shippedProfiles() {
    #expect(LanguageProfile.all.count == LanguageProfiles.latin.count)
    for profile in LanguageProfile.all {
      #expect(profile.ordered.count >= 390, "\(profile.tag)")
      #expect(Set(profile.ordered).count == profile.ordered.count, "\(profile.tag) repeats an n-gram")
      #expect(profile.ordered.prefix(3).contains("_"), "\(profile.tag): the word edge is among every language's commonest n-grams")
      for (rank, gram) in profile.ordered.enumerated() {
        #expect(Int(profile.rankByID[LanguageProfile.vocabulary[gram]!]) == rank)
      }
    }
    #expect(Set(LanguageProfile.all.map(\.tag)).isSuperset(of: ["es", "en", "pt", "fr", "de", "it", "ca", "nl"]))
  }

  @Test func proseWordsSkipAddressesAndIdentifiers() {
    func prose(_ s: String) -> Bool { ScriptSample.looksLikeProse(Array(s.unicodeScalars)) }
    for word in ["palabra", "niño,", "l'ajuntament", "(véase", "final.", "¿Qué?"] { #expect(prose(word), "\(word)") }
    for chunk in ["https://example.org", "www.example.org", "user@example.org", "src/main.swift", "snake_case",
                  "camelCase", "os.path", "v2", "<div>", "--flag=value", "{{<", "$HOME"] {
      #expect(!prose(chunk), "\(chunk)")
    }
  }
}

@Suite("Language detection: documents")
struct LanguageDocumentTests {
  /// A page that is mostly Spanish prose with what a technical page carries in English: code
  /// blocks, inline code, URLs, link destinations, raw HTML and front matter.
  static let mixedPage = """
    ---
    title: Install the toolkit
    description: How to install and configure the command line toolkit for developers
    tags: [install, configuration, command line, developers, getting started]
    ---

    # Cómo instalar la herramienta

    Para instalar la herramienta necesitas una computadora con conexión a internet y unos diez minutos. \
    Primero descarga el archivo desde <https://downloads.example.org/releases/latest/toolkit-linux-amd64.tar.gz> \
    y guárdalo en la carpeta que prefieras.

    ```bash
    curl -fsSL https://downloads.example.org/install.sh | sudo bash -s -- --prefix /usr/local --with-plugins
    export PATH="$PATH:/usr/local/bin" && toolkit init --config ~/.config/toolkit/settings.yaml
    toolkit check --verbose --all --format json > report.json
    ```

    Luego abre una terminal, entra en la carpeta y ejecuta `toolkit init --config settings.yaml --force`. \
    Si todo sale bien, verás un mensaje que confirma que la instalación terminó sin errores.

    <div class="note"><p>Warning: this feature is experimental and may change without notice in future releases of the software.</p></div>

    Los datos de ejemplo están en [the official documentation website](https://docs.example.org/getting-started/install/linux) \
    y en el repositorio del proyecto, donde también encontrarás respuestas a las preguntas más frecuentes.

    | Opción | Qué hace |
    |---|---|
    | `--force` | Sobrescribe la configuración que ya existe en la carpeta |
    | `--quiet` | No muestra mensajes mientras trabaja, salvo los errores |

    ```python
    import toolkit
    client = toolkit.Client(api_key="secret", endpoint="https://api.example.org/v2")
    for item in client.list_items(limit=100, include_archived=True): print(item.name, item.created_at)
    ```
    """

  @Test func mixedSpanishPageIsSpanish() throws {
    var d = Diagnostics()
    let doc = try PageReader().read(markdown: Self.mixedPage, diagnostics: &d)
    let guess = try #require(LanguageDetector.detect(doc))
    #expect(guess.tag == "es")
    #expect(guess.basis == .ngrams)
  }

  @Test func proseLeavesOutCodeAddressesMarkupAndFrontMatter() throws {
    var d = Diagnostics()
    let prose = try PageReader().read(markdown: Self.mixedPage, diagnostics: &d).prose
    #expect(prose.contains("Cómo instalar la herramienta"))
    #expect(prose.contains("Sobrescribe la configuración"))
    #expect(prose.contains("the official documentation website"))  // a link's text is prose
    for absent in ["curl", "import toolkit", "https://", "docs.example.org", "--force", "Warning", "Install the toolkit", "developers"] {
      #expect(!prose.contains(absent), "\(absent)")
    }
  }

  @Test func englishPageIsEnglish() throws {
    let text = LanguageSamples.paragraphs.filter { $0.tag == "en" }.map(\.text).joined(separator: "\n\n")
    var d = Diagnostics()
    let doc = try PageReader().read(markdown: "# Notes\n\n" + text + "\n\n```\nfor i in 1..10 { print(i) }\n```\n", diagnostics: &d)
    #expect(LanguageDetector.detect(doc)?.tag == "en")
  }

  @Test func labelsDoNotOutvoteSentences() throws {
    // A Spanish page whose table repeats short labels many times: the sentences decide.
    let sentences = LanguageSamples.paragraphs.filter { $0.tag == "es" }.map(\.text).joined(separator: "\n\n")
    let rows = (1...60).map { "| Hombres | Mujeres | Total \($0) |" }.joined(separator: "\n")
    var d = Diagnostics()
    let doc = try PageReader().read(markdown: sentences + "\n\n| a | b | c |\n|---|---|---|\n" + rows + "\n", diagnostics: &d)
    #expect(LanguageDetector.detect(doc)?.tag == "es")
  }

  @Test func shippedSpanishContentIsSpanish() throws {
    for page in ["misionyobjetivos.md", "participacion.md", "plan-de-accion.md"] {
      let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("content").appendingPathComponent(page).path
      var d = Diagnostics()
      let doc = try PageReader().read(contentsOf: path, relativeName: page, diagnostics: &d)
      #expect(LanguageDetector.detect(doc)?.tag == "es", "\(page)")
    }
  }
}

@Suite("Language detection: hostile input")
struct LanguageHostileTests {
  func timed(_ body: () -> LanguageGuess?) -> (LanguageGuess?, Duration) {
    var result: LanguageGuess?
    let d = ContinuousClock().measure { result = body() }
    return (result, d)
  }

  @Test func megabyteOfOneWord() {
    let spaced = String(repeating: "palabra ", count: 131_072)
    let joined = String(repeating: "a", count: 1 << 20)
    for text in [spaced, joined] {
      let (guess, time) = timed { LanguageDetector.detect(text) }
      #expect(guess == nil)
      #expect(time < .seconds(1), "\(time)")
    }
  }

  @Test func randomBytesAsText() {
    var rng = SeededGenerator(seed: 12)
    let bytes = (0..<(1 << 20)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
    let text = String(decoding: bytes, as: UTF8.self)
    let (guess, time) = timed { LanguageDetector.detect(text) }
    #expect(guess == nil)
    #expect(time < .seconds(1), "\(time)")
  }

  @Test func emojiOnly() {
    let text = String(repeating: "🎉🙂 👍🏽 🇨🇴 ", count: 20_000)
    let (guess, time) = timed { LanguageDetector.detect(text) }
    #expect(guess == nil)
    #expect(time < .seconds(1), "\(time)")
  }

  @Test func longPageReadsABoundedSample() {
    // 50 KB and 5 MB of prose take about as long: the detector reads at most 16 KB, spread over the text.
    let paragraph = LanguageSamples.paragraphs.filter { $0.tag == "es" }.map(\.text).joined(separator: "\n")
    let page = String(repeating: paragraph + "\n", count: 50_000 / paragraph.utf8.count + 1)
    let huge = String(repeating: page, count: 100)
    let (guess, time) = timed { LanguageDetector.detect(page) }
    let (hugeGuess, hugeTime) = timed { LanguageDetector.detect(huge) }
    #expect(guess?.tag == "es")
    #expect(hugeGuess == guess)
    #expect(time < .milliseconds(500), "\(time)")
    #expect(hugeTime < .milliseconds(500), "\(hugeTime)")
  }

  @Test func windowsEndOnSpaces() {
    let text = String(repeating: "árbol ñandú ", count: 10_000)
    let windows = LanguageDetector.sampledWindows(of: text)
    #expect(windows.count == LanguageDetector.windows)
    for w in windows {
      #expect(w.utf8.count <= LanguageDetector.windowBytes)
      #expect(!w.contains("\u{FFFD}"))
    }
  }
}
