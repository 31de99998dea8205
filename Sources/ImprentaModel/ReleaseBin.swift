import Synchronization

/// What a build lets go of, freed later on the thread that built it: when that thread starts its
/// next document, or never when the process exits first (the system takes the memory back at
/// once, without walking it object by object).
///
/// The last 8 ms of a one-document PDF build (some 4% of the seed site's book) were spent freeing
/// its model, its laid-out pages with their shaped paragraphs, and the PDF writer's fonts and
/// streams, one object at a time, just before the process ended. A builder gives each of its
/// threads a bin (`current`, bound for the document being built); the stages that drop large
/// structures hand them to it (`hold`). The builder empties a thread's bin before that thread's
/// next document, so a batch's peak memory is unchanged; after the last one, a command that exits
/// keeps the bins (`keepUntilExit`), anything else empties them.
public final class ReleaseBin: @unchecked Sendable {
  private var held: [Any] = []

  public init() {}

  /// Keeps `value` alive until `empty()`.
  public func hold(_ value: Any) {
    held.append(value)
  }

  /// Frees what is held, on the calling thread.
  public func empty() {
    held.removeAll()
  }

  /// The bin of the document being built on this thread, if its builder gave one.
  @TaskLocal public static var current: ReleaseBin?

  private static let kept = Mutex<[ReleaseBin]>([])

  /// Keeps `bin` (and what it holds) for the rest of the process.
  public static func keepUntilExit(_ bin: ReleaseBin) {
    kept.withLock { $0.append(bin) }
  }
}
