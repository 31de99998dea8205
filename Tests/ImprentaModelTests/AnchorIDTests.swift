import ImprentaModel
import Testing

/// The id a `#fragment` names, as every backend matches it against heading ids.
struct AnchorIDTests {
  @Test(arguments: [
    ("%E8%AF%81%E4%B9%A6", "证书"),  // percent-encoded UTF-8, as Hugo pages write links to Han ids
    ("%ec%9d%b8%ec%a6%9d%ec%84%9c", "인증서"),  // lower-case hex too
    ("证书", "证书"),  // already decoded
    ("choice-%E5%92%8C-any", "choice-和-any"),
    ("100%", "100%"),  // a lone % is not an escape: the id as written
    ("a%zzb", "a%zzb"),
    ("%FF%FE", "%FF%FE"),  // not UTF-8
    ("a%00b", "a%00b"),  // a control character is never an id
    ("", ""),
  ])
  func decodesFragments(_ written: String, _ id: String) {
    #expect(URLPolicy.anchorID(fragment: written) == id)
  }

  @Test func linksExposeDecodedAnchors() {
    #expect(Link(destination: "#%E5%90%8A%E9%94%80", content: []).fragmentOnly == "吊销")
    let target = Link(destination: Link.internalDestination(page: "zh-cn/docs/a", anchor: "%E8%AF%81%E4%B9%A6"), content: []).internalTarget
    #expect(target?.page == "zh-cn/docs/a" && target?.anchor == "证书")
  }
}
