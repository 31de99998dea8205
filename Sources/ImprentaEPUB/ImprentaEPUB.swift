// ImprentaEPUB: documents → one EPUB 3 file (reflowable, accessible, reproducible).
//
// Input → output: one or more `Document`s, a `Style` and an `ExportEnvironment` → the bytes of a
// ZIP container. Steps (pandoc's EPUB = HTML + chunking + packaging):
// 1. `EPUBChapters`: each document split at its top headings when long; each part rendered by
//    ImprentaHTML's renderer into an XHTML content document.
// 2. `EPUBImages`: images asked of `environment.resources` only, typed from their bytes
//    (`MediaType`), packaged under stable names; missing ones leave their alt text and a warning.
// 3. `EPUBLinks`: links to headings, notes and other pages of the book rewritten to the right file.
// 4. `EPUBNavigation` (nav document with nested TOC and landmarks, `toc.ncx`) and
//    `EPUBPackageDocument` (`content.opf` with Dublin Core and accessibility metadata, identifier
//    hashed from the content with SHA-1 from libcrypto, `ContentIdentifier`).
// 5. `EPUBArchive`: `mimetype` first and stored, fixed timestamps and order: same input, same bytes.
