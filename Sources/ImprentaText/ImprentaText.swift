// ImprentaText: the plain-text backend.
//
// Input → output: `Document` + `Style` → UTF-8 text.
//
// Steps:
// 1. `TextRenderer` (+Title, +Inlines, +Lists, +Tables, +HTML, +EndMatter) walks the document
//    with exhaustive switches and builds one `TextLayout` tree: text, line breaks, stacks with
//    or without blank lines, indents, hanging markers, prefixes, verbatim lines, tables.
// 2. `TextLayout.render(width:)` lays the tree out once, at the end: `LineWrapper` fills lines
//    by `DisplayWidth` (combining marks 0, East Asian wide 2, grapheme clusters whole, URLs and
//    no-break spaces never broken) and `TextTable` sizes columns.
// 3. `TextWriter` trims the lines and ends the text with one newline.
//
// Conventions of the output: the title and headings are underlined (`style.text.underlines`);
// a link is `text [1]` with `[1] URL` listed under "Links"/"Enlaces"; a footnote call is `{1}`
// glued to the word before it, with `{1} text` listed under "Notes"/"Notas" before the links;
// an image is `[Image: alt]` in the document's language; a thematic break is a centred `* * *`.
