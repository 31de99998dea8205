#include "CSanitizerHooks.h"

// LeakSanitizer suppressions built into the binary, so `swift test --sanitize=address` judges
// Imprenta's own code. TOMLKit 0.6.0 returns malloc'd key arrays and strdup'd strings from its
// C++ shim (tableGetKeys, tableConvertTo*) that its Swift side never frees: a few bytes per
// TOML table, reported upstream-style in the closing note, not ours to free.
const char *__lsan_default_suppressions(void) {
  return "leak:tableGetKeys\n"
         "leak:tableConvertToJSON\n"
         "leak:tableConvertToTOML\n"
         "leak:tableConvertToYAML\n"
         "leak:arrayConvertTo\n";
}
