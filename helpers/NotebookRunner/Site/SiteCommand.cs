using System.CommandLine;

namespace NotebookRunner.Site;

/// <summary>The <c>site</c> command: builds the static lesson site from the notebooks' stored outputs.</summary>
internal static class SiteCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("paths") { Description = "Notebook files or folders (searched recursively for *.ipynb).", Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<string>("--out") { Description = "The site folder (replaced on each build).", DefaultValueFactory = _ => Path.Combine("artifacts", "site") };
        var readme = new Option<string?>("--readme") { Description = "README with the site title and lesson table (default: the nearest README.md above the notebooks)." };
        var repository = new Option<string?>("--repo-url") { Description = "The repository's web address, linked from each lesson's \"run it yourself\" steps." };
        var command = new Command("site", "Build a static website of the lessons from their stored outputs (no execution), with search.")
        {
            paths, outDir, readme, repository,
        };
        command.SetAction((parse, ct) => new SiteBuilder(output, error).BuildAsync(
            new SiteOptions(parse.GetValue(paths)!, parse.GetValue(outDir)!, parse.GetValue(readme), parse.GetValue(repository)), ct));
        return command;
    }
}
