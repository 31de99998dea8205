// ImprentaHTML: the XHTML backend (libxml2 tree → polyglot XHTML5) and the CSS generated from the style.
