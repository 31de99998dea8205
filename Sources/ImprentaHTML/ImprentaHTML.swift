// ImprentaHTML: documents → standalone XHTML5 pages and the stylesheet every HTML-based format shares.
//
// Input → output: a `Document` and a `Style` → the bytes of one polyglot XHTML5 file.
// Steps:
// 1. `CSSWriter`: the style → CSS (fonts, sizes in `em` relative to the base size, colours, spacing).
// 2. `XHTMLRenderer`: the model → a libxml2 tree (`XMLTree`), one exhaustive `switch` over blocks and
//    inlines split by node family (`+Lists`, `+Tables`, `+Inlines`, `+RawHTML`,
//    `+Footnotes`, `+Title`). Text is cleaned of characters XML forbids before it enters the tree.
// 3. `XMLTree.serialize`: libxml2 writes the markup (never string concatenation); empty non-void
//    elements come out as `<p></p>`, block containers get a newline between children.
// `XHTMLWriter` ties them together for one standalone page. The EPUB packager reuses the renderer
// through the `package` API (`XHTMLPageBuilder`, `XHTMLPage`, `XMLElementValue`), never C types.
