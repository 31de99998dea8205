// ImprentaEPUB: packages XHTML chapters, navigation, stylesheet and images into an EPUB 3.3 container.
