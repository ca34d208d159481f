import Foundation
import PackagePlugin

/// Generates `CommandDeclarations.declared`, the list of every command of the language, from the
/// declarations in `Sources/Lang/Commands`: a command is added by adding its file, nothing else.
@main
struct CommandListPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let declarations = target.sourceFiles(withSuffix: "swift")
            .map(\.url)
            .filter { $0.deletingLastPathComponent().lastPathComponent == "Commands" }
            .sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "CommandList.swift")
        return [.buildCommand(
            displayName: "Listing the commands declared in \(target.name)/Commands",
            executable: try context.tool(named: "CommandListGenerator").url,
            arguments: [output.path] + declarations.map(\.path),
            inputFiles: declarations,
            outputFiles: [output])]
    }
}
