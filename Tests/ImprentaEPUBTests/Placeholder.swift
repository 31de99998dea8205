// EPUB tests come next.
