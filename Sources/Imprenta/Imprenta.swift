// Imprenta: the facade the command (and any embedding program) uses.
//
// Input → output: source paths → documents (ImprentaReader) → bytes per format (one backend
// each). `OutputFormat` names the formats; `Exporter` runs one document through one backend;
// `PageFinder` lists the pages of an input; `FileResources` serves the files pages refer to,
// confined to the content root. Every read goes through `ReadPolicy` and every write through
// `OutputFolder` (ImprentaFiles).
@_exported import ImprentaModel
@_exported import ImprentaFiles
@_exported import ImprentaStyle
@_exported import ImprentaReader
