// ImprentaStyle: one style file drives every format.
//
// Input → output: a YAML style file (`styles/*.yaml`) → `Style`, typed values in points and
// colours. Steps: `StyleLoader` reads the file with its line and column marks, follows `extends:`,
// applies each `section.key` through `StyleSchema` (the one table of every key, its type and
// where it goes) and warns at `file:line:col` about unknown keys and bad values. Backends read
// typed properties only; `em` lengths are resolved against the base font size.
