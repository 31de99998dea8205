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

  /// Folders of installed ICC profiles, where `print.output_profile: NAME` is looked for.
  public static let profileFolders = ["/usr/share/color/icc", "/usr/share/color/icc/ghostscript", "/usr/share/ghostscript/iccprofiles"]

  /// The profile a style names in `print.output_profile`, or why there is none to use:
  /// - empty: the installed default (`installed`);
  /// - a name (no `/`): an installed profile whose file name (`ps_cmyk`, `default_cmyk.icc`) or
  ///   description (`Artifex CMYK SWOP Profile`) it is, in `profileFolders`; a file name with
  ///   `.icc`/`.icm` that is not installed is a file, as below (`press.icc` beside the page);
  /// - a path: an absolute path into `profileFolders`, or else a file looked up as the page's
  ///   images are (relative to the page, `/…` in a site's static folder), under the read policy.
  /// A file that is not an ICC output profile for CMYK (an RGB, display or input profile) is refused.
  public static func named(_ setting: String, resources: any ResourceProvider, document: Document) -> Result<OutputProfile, ProfileProblem> {
    let value = setting.trimmingCharacters(in: .whitespaces)
    if value.isEmpty { return installed.map { .success($0) } ?? .failure(ProfileProblem("no CMYK output profile is installed")) }
    let bytes: [UInt8]
    let systemPath = profileFolders.contains { value.hasPrefix($0 + "/") } && !value.contains("/../")
    let lower = value.lowercased()
    let fileName = lower.hasSuffix(".icc") || lower.hasSuffix(".icm")
    if !value.contains("/"), let found = installedFile(named: value) {
      bytes = found
    } else if !value.contains("/") && !fileName {
      let known = installedProfiles().filter { OutputProfile(bytes: $0.1, name: "").isCMYKOutput }.map(\.0).joined(separator: ", ")
      return .failure(ProfileProblem("print.output_profile '\(value)' names no installed profile (installed CMYK output profiles: \(known.isEmpty ? "none" : known))"))
    } else if systemPath {
      guard let data = FileManager.default.contents(atPath: value) else { return .failure(ProfileProblem("print.output_profile: no file \(value)")) }
      bytes = Array(data)
    } else {
      switch resources.resource(value, for: document) {
      case .found(let r): bytes = r.bytes
      case .missing(let why), .refused(let why): return .failure(ProfileProblem("print.output_profile '\(value)' cannot be read (\(why))"))
      }
    }
    let profile = OutputProfile(bytes: bytes, name: description(of: bytes) ?? value)
    guard profile.isCMYKOutput else {
      return .failure(ProfileProblem("print.output_profile '\(value)' is not a CMYK output profile (it is \(profile.kind)); PDF/X-4 needs a printer profile (class prtr, colour space CMYK)"))
    }
    return .success(profile)
  }

  /// Why a style's profile cannot be used.
  public struct ProfileProblem: Error, Sendable, Hashable {
    public var message: String
    init(_ message: String) { self.message = message }
  }

  /// The `.icc`/`.icm` files of `profileFolders`, by file name, with their bytes.
  static func installedProfiles() -> [(String, [UInt8])] {
    var out: [(String, [UInt8])] = []
    for folder in profileFolders {
      let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
      for name in names where name.lowercased().hasSuffix(".icc") || name.lowercased().hasSuffix(".icm") {
        if let data = FileManager.default.contents(atPath: folder + "/" + name) { out.append((name, Array(data))) }
      }
    }
    return out
  }

  /// An installed profile whose file name, with or without extension, or description is `name`.
  static func installedFile(named name: String) -> [UInt8]? {
    let wanted = name.lowercased()
    let all = installedProfiles()
    if let hit = all.first(where: { $0.0.lowercased() == wanted || ($0.0.lowercased() as NSString).deletingPathExtension == wanted }) { return hit.1 }
    return all.first(where: { description(of: $0.1)?.lowercased() == wanted })?.1
  }

  /// The profile's class and colour space as words, for a refusal.
  var kind: String {
    guard bytes.count > 40, Array(bytes[36..<40]) == Array("acsp".utf8) else { return "not an ICC profile" }
    let cls = String(decoding: bytes[12..<16], as: UTF8.self).trimmingCharacters(in: .whitespaces)
    let space = String(decoding: bytes[16..<20], as: UTF8.self).trimmingCharacters(in: .whitespaces)
    let classes = ["prtr": "an output", "mntr": "a display", "scnr": "an input", "spac": "a colour space", "link": "a device link", "abst": "an abstract", "nmcl": "a named colour"]
    return "\(classes[cls] ?? "a '\(cls)'") profile in \(space)"
  }

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
