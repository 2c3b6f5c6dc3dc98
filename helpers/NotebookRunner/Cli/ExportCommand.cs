using System.CommandLine;
using NotebookRunner.Documents;
using NotebookRunner.Export;
using NotebookRunner.Testing;

namespace NotebookRunner.Cli;

/// <summary>The <c>export</c> command: each notebook becomes a .NET 10 file-based app in the output folder; the notebooks are never changed.</summary>
internal static class ExportCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("paths") { Description = "Notebook files or folders (searched recursively for *.ipynb and *.dib).", Arity = ArgumentArity.OneOrMore };
        var outputDir = new Option<string>("--output-dir")
        {
            Description = "Folder for the .cs apps; inside the repository, so that they find its projects and build settings.",
            Required = true,
        };
        var skip = new Option<bool>("--skip-unsupported") { Description = "Export cells with no file-based equivalent (another kernel, an unknown magic) as comments instead of refusing." };
        var command = new Command("export", "Export notebooks as .NET 10 file-based apps (dotnet run lesson.cs): markdown as comments, displays printed, charts written as HTML.")
        {
            paths, outputDir, skip,
        };
        command.SetAction(async (parse, _) =>
        {
            IReadOnlyList<string> files;
            try
            {
                files = NotebookDiscovery.Expand(parse.GetValue(paths)!);
            }
            catch (UsageException e)
            {
                await error.WriteLineAsync(e.Message).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var exit = ExitCodes.Success;
            foreach (var file in files)
            {
                var app = Path.Combine(parse.GetValue(outputDir)!, Path.GetFileNameWithoutExtension(file) + ".cs");
                try
                {
                    var export = FileAppExporter.Export(NotebookPlan.Load(file), app, parse.GetValue(skip));
                    foreach (var problem in export.Problems)
                    {
                        await error.WriteLineAsync(export.Source is null ? problem : problem + " (exported as a comment)").ConfigureAwait(false);
                    }

                    if (export.Source is null)
                    {
                        await error.WriteLineAsync($"{file}: not exported; --skip-unsupported exports such cells as comments").ConfigureAwait(false);
                        exit = ExitCodes.Usage;
                        continue;
                    }

                    AtomicFile.WriteAllText(app, export.Source);
                    await output.WriteLineAsync($"{file} -> {app}").ConfigureAwait(false);
                }
                catch (NotebookFormatException e)
                {
                    await error.WriteLineAsync(e.Message).ConfigureAwait(false);
                    exit = ExitCodes.Usage;
                }
            }

            return exit;
        });
        return command;
    }
}
