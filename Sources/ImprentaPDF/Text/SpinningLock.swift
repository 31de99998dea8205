import Foundation

/// A lock for critical sections of a few hundred nanoseconds that two threads take thousands of
/// times a second (the hyphenation memo, the blocks shaped ahead): glibc's adaptive mutex spins
/// a little before it sleeps. `NSLock` sleeps at once: on the seed site the layout and the
/// prefetch thread put each other to sleep about a hundred times a run on the memo's lock, each
/// a futex round trip through the kernel for a dictionary lookup.
final class SpinningLock: @unchecked Sendable {
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

  init() {
    var attributes = pthread_mutexattr_t()
    pthread_mutexattr_init(&attributes)
    pthread_mutexattr_settype(&attributes, Int32(PTHREAD_MUTEX_ADAPTIVE_NP))
    pthread_mutex_init(mutex, &attributes)
    pthread_mutexattr_destroy(&attributes)
  }

  deinit {
    pthread_mutex_destroy(mutex)
    mutex.deallocate()
  }

  @inline(__always)
  func withLock<T>(_ body: () throws -> T) rethrows -> T {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    return try body()
  }
}
