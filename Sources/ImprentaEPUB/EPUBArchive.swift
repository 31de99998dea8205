import Foundation
import ImprentaModel

/// The ZIP container: `mimetype` first and stored, then the other files in the order given, all
/// with the same timestamp and permissions, so the same input gives the same bytes.
///
/// Written here in one pass (local headers, then the central directory once): ZIPFoundation's
/// `Archive.addEntry` rewrites the whole central directory at every entry, quadratic in the
/// number of files (a book of 40,000 content documents took seconds per thousand). Deflate and
/// CRC-32 are zlib's own, called once per file (`Deflate`).
enum EPUBArchive {
  /// The container's bytes. `files` are paths and contents, in order, after `mimetype`.
  static func zip(_ files: [(path: String, bytes: [UInt8])], date: PageDate) throws -> [UInt8] {
    let all = [(path: "mimetype", bytes: Array("application/epub+zip".utf8))] + files
    guard all.count < 0xFFFF else {
      throw ImprentaError(.zipFailed, "the EPUB would hold \(all.count) files; a container holds at most 65,534", file: "")
    }
    let (time, day) = msDOS(date)
    var out: [UInt8] = []
    var central: [UInt8] = []
    for (i, file) in all.enumerated() {
      let name = Array(file.path.utf8)
      let crc = Deflate.crc32(file.bytes)
      var method: UInt16 = 0
      var payload = file.bytes
      // `mimetype` stays stored (EPUB's rule), images too (deflating them again gains nothing).
      if i > 0, Deflate.isWorthDeflating(file.path) {
        guard let compressed = Deflate.compress(file.bytes) else {
          throw ImprentaError(.zipFailed, "zlib could not deflate \(file.path)", file: "")
        }
        method = 8
        payload = compressed
      }
      guard out.count + payload.count + name.count + 30 < Int(UInt32.max), file.bytes.count < Int(UInt32.max) else {
        throw ImprentaError(.zipFailed, "the EPUB would be larger than 4 GB", file: "")
      }
      let offset = UInt32(out.count)
      // The fields a local header and its central record share, from "version needed" to "extra".
      func shared(_ b: inout [UInt8]) {
        put16(&b, 20)
        put16(&b, 0)  // flags
        put16(&b, method)
        put16(&b, time)
        put16(&b, day)
        put32(&b, crc)
        put32(&b, UInt32(payload.count))
        put32(&b, UInt32(file.bytes.count))
        put16(&b, UInt16(name.count))
        put16(&b, 0)  // no extra field (`mimetype` must have none)
      }
      // Local file header.
      put32(&out, 0x0403_4B50)
      shared(&out)
      out += name
      out += payload
      // Its central directory record.
      put32(&central, 0x0201_4B50)
      put16(&central, 0x0314)  // made by: Unix, ZIP 2.0
      shared(&central)
      put16(&central, 0)  // comment
      put16(&central, 0)  // disk
      put16(&central, 0)  // internal attributes
      put32(&central, UInt32(0o100644) << 16)  // a regular file, rw-r--r--
      put32(&central, offset)
      central += name
    }
    guard out.count + central.count < Int(UInt32.max) else { throw ImprentaError(.zipFailed, "the EPUB would be larger than 4 GB", file: "") }
    let centralStart = UInt32(out.count)
    out += central
    // End of central directory.
    put32(&out, 0x0605_4B50)
    put16(&out, 0)
    put16(&out, 0)
    put16(&out, UInt16(all.count))
    put16(&out, UInt16(all.count))
    put32(&out, UInt32(central.count))
    put32(&out, centralStart)
    put16(&out, 0)
    return out
  }

  static func put16(_ out: inout [UInt8], _ v: UInt16) {
    out.append(UInt8(v & 0xFF))
    out.append(UInt8(v >> 8))
  }

  static func put32(_ out: inout [UInt8], _ v: UInt32) {
    put16(&out, UInt16(v & 0xFFFF))
    put16(&out, UInt16(v >> 16))
  }

  /// MS-DOS time and date of `date` in UTC (ZIP dates start in 1980 and end in 2107).
  static func msDOS(_ date: PageDate) -> (time: UInt16, day: UInt16) {
    let seconds = min(max(date.secondsSince1970, 315_532_800), 4_354_819_199)
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    let time = UInt16((c.hour ?? 0) << 11 | (c.minute ?? 0) << 5 | (c.second ?? 0) / 2)
    let day = UInt16(((c.year ?? 1980) - 1980) << 9 | (c.month ?? 1) << 5 | (c.day ?? 1))
    return (time, day)
  }
}
