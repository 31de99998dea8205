// ImprentaModel: the document model every reader produces and every backend consumes.
//
// Input → output: nothing → `Document` values. Pure Swift, `Sendable` value types, no C and no
// I/O. Readers (ImprentaReader) build documents; backends (ImprentaText, ImprentaHTML, ImprentaPDF…)
// walk them with exhaustive switches, so a new node kind makes the compiler list every backend
// that must handle it.
//
// Steps the model offers to every pass: `Walk` (collect and rewrite helpers), `Slug` (Hugo's
// heading ids), `Diagnostics` (warnings and errors with `file:line:col`), `Localization`
// (the few words and date formats a backend writes itself).
