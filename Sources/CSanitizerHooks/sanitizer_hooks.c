#include "CSanitizerHooks.h"

// LeakSanitizer suppressions built into the binary, so `swift test --sanitize=address` judges
// Imprenta's own code. Each is a leak we cannot free from our side:
// - TOMLKit 0.6.0: its C++ shim returns malloc'd key arrays and strdup'd strings
//   (tableGetKeys, nodeAsString, tableConvertTo*) that its Swift side never frees, and parsed
//   tables are never destroyed: a few hundred bytes per TOML front matter.
// - libcmark-gfm: the core extensions are registered once per process and never unregistered.
// - StyleSchema: the one static table of style keys, built once, holds appended key paths the
//   runtime allocates and never releases.
// - Swift's once-only global initialisers (`static let`: the text layout's `empty`, the style
//   schema) and fontconfig's process-wide caches: allocated once, kept until exit by design.
// - XCTest and Foundation's Process: the test runner's own objects.
const char *__lsan_default_suppressions(void) {
  return "leak:TOMLKit\n"
         "leak:toml::\n"
         "leak:tableGetKeys\n"
         "leak:nodeAsString\n"
         "leak:TOMLFrontMatter\n"
         "leak:libcmark-gfm\n"
         "leak:StyleSchema\n"
         "leak:libXCTest\n"
         "leak:once_slow\n"
         "leak:libfontconfig\n"
         "leak:Foundation7Process\n";
}

// Keep stderr what the program prints: no table of the suppressions used at exit.
const char *__lsan_default_options(void) {
  return "print_suppressions=0";
}
