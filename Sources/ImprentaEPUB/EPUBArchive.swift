import Foundation
import ImprentaModel
import ZIPFoundation

/// The ZIP container: `mimetype` first and stored, then the other files in the order given, all
/// with the same timestamp and permissions, so the same input gives the same bytes.
enum EPUBArchive {
  /// The container's bytes. `files` are paths and contents, in order, after `mimetype`.
  static func zip(_ files: [(path: String, bytes: [UInt8])], date: PageDate) throws -> [UInt8] {
    let archive = try Archive(data: Data(), accessMode: .create)
    // ZIP (MS-DOS) dates start in 1980; ZIPFoundation converts with gmtime, so this is zone-free.
    let modified = Date(timeIntervalSince1970: TimeInterval(max(date.secondsSince1970, 315_532_800)))
    let all = [(path: "mimetype", bytes: Array("application/epub+zip".utf8))] + files
    for (i, file) in all.enumerated() {
      let bytes = file.bytes
      try archive.addEntry(
        with: file.path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: modified, permissions: 0o644,
        compressionMethod: i == 0 ? .none : .deflate
      ) { position, size in
        Data(bytes[Int(position)..<(Int(position) + size)])
      }
    }
    guard let data = archive.data else { throw ImprentaError("zip-failed", "the EPUB container could not be written", file: "") }
    return [UInt8](data)
  }
}
