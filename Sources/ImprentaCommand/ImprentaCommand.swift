import ArgumentParser

/// `imprenta`: Markdown and Hugo content to PDF, EPUB 3, XHTML and plain text.
struct ImprentaCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "imprenta",
    abstract: "Turns Markdown pages into PDF, EPUB 3, XHTML and plain text from one style.",
    version: ImprentaVersion.string,
    subcommands: [BuildCommand.self, CheckCommand.self, StylesCommand.self],
    defaultSubcommand: BuildCommand.self)
}

/// The version written into outputs and `--version`.
enum ImprentaVersion {
  static let string = "0.1.0"
}
