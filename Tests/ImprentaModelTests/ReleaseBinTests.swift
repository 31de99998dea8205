import ImprentaModel
import Testing

@Suite struct ReleaseBinTests {
  final class Tracked {
    let onFree: () -> Void
    init(onFree: @escaping () -> Void) { self.onFree = onFree }
    deinit { onFree() }
  }

  @Test func heldValuesLiveUntilTheBinIsEmptied() {
    let bin = ReleaseBin()
    var freed = 0
    do {
      let a = Tracked { freed += 1 }
      let b = Tracked { freed += 1 }
      bin.hold(a)
      bin.hold((b, [1, 2, 3]))
    }
    // The builder let go of both: only the bin keeps them.
    #expect(freed == 0)
    bin.empty()
    #expect(freed == 2)
    // An emptied bin is used again for the next document.
    bin.hold(Tracked { freed += 1 })
    bin.empty()
    #expect(freed == 3)
  }

  @Test func currentIsTheBinBoundForTheDocumentBeingBuilt() {
    #expect(ReleaseBin.current == nil)
    let bin = ReleaseBin()
    var freed = false
    ReleaseBin.$current.withValue(bin) {
      // A stage several calls down hands its structures to whatever bin is current.
      ReleaseBin.current?.hold(Tracked { freed = true })
    }
    #expect(ReleaseBin.current == nil)
    #expect(!freed)
    bin.empty()
    #expect(freed)
  }

  @Test func keptBinsAreNeverEmptied() {
    let bin = ReleaseBin()
    var freed = false
    bin.hold(Tracked { freed = true })
    ReleaseBin.keepUntilExit(bin)
    #expect(!freed)
  }
}
