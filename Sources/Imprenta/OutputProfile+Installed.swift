import Foundation
import ImprentaPDF

extension OutputProfile {
  /// Where the CMYK output profile of PDF/X-4 is looked for, first found wins: Ghostscript's
  /// "Artifex CMYK SWOP Profile" (Debian `libgs-common`, AGPL-3+; scripts/setup installs it).
  public static let searchPaths = [
    "/usr/share/color/icc/ghostscript/default_cmyk.icc",
    "/usr/share/ghostscript/iccprofiles/default_cmyk.icc",
  ]

  /// The first CMYK output profile of `searchPaths`, read once.
  public static let installed: OutputProfile? = {
    for path in searchPaths {
      guard let data = FileManager.default.contents(atPath: path) else { continue }
      let profile = OutputProfile(bytes: Array(data), name: description(of: Array(data)) ?? "CMYK output profile")
      if profile.isCMYKOutput { return profile }
    }
    return nil
  }()

  /// The profile's `desc` tag (ICC v2 `desc` or v4 `mluc`), for the output intent's name.
  static func description(of icc: [UInt8]) -> String? {
    func u32(_ o: Int) -> Int {
      guard o + 4 <= icc.count else { return 0 }
      return Int(icc[o]) << 24 | Int(icc[o + 1]) << 16 | Int(icc[o + 2]) << 8 | Int(icc[o + 3])
    }
    let count = u32(128)
    for i in 0..<min(count, 100) {
      let entry = 132 + i * 12
      guard entry + 12 <= icc.count, Array(icc[entry..<(entry + 4)]) == Array("desc".utf8) else { continue }
      let offset = u32(entry + 4), size = u32(entry + 8)
      guard offset + 12 <= icc.count, size > 12, offset + size <= icc.count else { return nil }
      let type = String(decoding: icc[offset..<(offset + 4)], as: UTF8.self)
      if type == "desc" {
        let n = u32(offset + 8)
        guard n > 1, offset + 12 + n <= icc.count else { return nil }
        return String(decoding: icc[(offset + 12)..<(offset + 12 + n - 1)], as: UTF8.self)
      }
      if type == "mluc" {
        let length = u32(offset + 20), start = u32(offset + 24)
        guard offset + start + length <= icc.count else { return nil }
        let units = stride(from: offset + start, to: offset + start + length - 1, by: 2).map { UInt16(icc[$0]) << 8 | UInt16(icc[$0 + 1]) }
        return String(decoding: units, as: UTF16.self)
      }
    }
    return nil
  }
}
