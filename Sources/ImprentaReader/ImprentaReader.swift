// ImprentaReader: pages in, documents out. Knows no output format.
//
// Input → output: the bytes of a page → `Document`. Steps, in order:
// 1. `SourceText`: UTF-8 check (with the line and column of a bad byte), BOM and CRLF/CR removal.
// 2. `FrontMatterReader`: YAML (`---`), TOML (`+++`) or JSON (`{`) → `MetaValue` table, with
//    marks; `MetadataBuilder` types Hugo's keys.
// 3. `MarkdownConverter`: cmark-gfm (tables, strikethrough, autolinks, task lists, footnotes)
//    → model blocks and inlines with source ranges; the C tree is freed before it returns.
// 4. `RawHTMLParser`: block HTML repaired by libxml2's HTML parser and made safe → `HTMLNode`s.
//    HTML inside a paragraph is paired across cmark's sibling tags (`MarkdownConverter+InlineHTML`),
//    made safe by the same parser, and mapped to model inlines (`InlineHTMLMapping`).
// 5. `PageReader` ties them together: heading ids (Hugo's slugs), footnote numbers, the title.
