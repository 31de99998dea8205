// ImprentaText: the plain-text backend.
