using NotebookRunner.Documents;
using NotebookRunner.Execution;

namespace NotebookRunner.Tests.Execution;

/// <summary><c>#r "nuget:"</c>: hoisted, restored from the configured sources into a fresh cache, referenced by later code.</summary>
public sealed class PackageRestoreTests
{
    [Fact]
    public async Task A_package_is_restored_shown_as_installed_and_usable()
    {
        var (result, cache) = await RunWithAnEmptyCacheAsync("packages.ipynb");

        var install = result.Cells[0];
        Assert.True(install.Status == CellStatus.Passed, install.FailureMessage);
        var installed = Assert.IsType<DisplayOutput>(install.Outputs[0]);
        Assert.Equal(
            "<div><div></div><div></div><div><strong>Installed Packages</strong><ul><li><span>Newtonsoft.Json, 13.0.3</span></li></ul></div></div>",
            installed.Data.Single(d => d.Key == "text/html").Value);
        Assert.Equal(new StreamOutput("stdout", "before\n"), install.Outputs[1]);
        Assert.Equal("{\"a\":1}", install.Shown(1));
        Assert.Single(Directory.GetDirectories(cache));

        var conflict = result.Cells[1];
        Assert.Equal(CellStatus.Failed, conflict.Status);
        Assert.Equal("Newtonsoft.Json version 12.0.1 cannot be added because version 13.0.3 was added previously.", conflict.FailureMessage);

        Assert.Equal("2", result.Cells[2].Shown(1));
    }

    [Fact]
    public async Task A_package_with_dependencies_and_a_native_library_works_across_cells()
    {
        // Microsoft.Data.Sqlite loads SQLitePCLRaw.batteries_v2 by name at run time, and that one loads
        // libe_sqlite3 from the package's runtimes/<rid>/native folder: both must be found.
        var (result, _) = await RunWithAnEmptyCacheAsync("native-package.ipynb");

        var query = result.Cells[0];
        Assert.True(query.Status == CellStatus.Passed, query.FailureMessage);
        Assert.Equal("55", query.Shown(1));
        var sameCopy = result.Cells[1];
        Assert.True(sameCopy.Status == CellStatus.Passed, sameCopy.FailureMessage);
        Assert.Equal("True", sameCopy.Shown(0));
    }

    [Fact]
    public async Task Nito_AsyncEx_is_available_to_notebooks()
    {
        // The lessons may use AsyncContext, AsyncLock and friends; the test projects restore them, so CI needs no network.
        var (result, _) = await RunWithAnEmptyCacheAsync("asyncex.ipynb");

        Assert.All(result.Cells, c => Assert.True(c.Status == CellStatus.Passed, c.FailureMessage));
        Assert.Equal("True", result.Cells[0].Shown(1));
        Assert.Equal("1", result.Cells[1].Shown(0));
    }

    [Fact]
    public async Task A_restore_source_added_with_i_is_shown_and_used()
    {
        var (result, cache) = await RunWithAnEmptyCacheAsync("restore-source.ipynb");

        var cell = result.Cells[0];
        Assert.True(cell.Status == CellStatus.Passed, cell.FailureMessage);
        var sources = cell.Display("text/html", 0);
        Assert.StartsWith("<div><div><strong>Restore sources</strong><ul><li><span>/", sources);
        Assert.Contains($"{Path.DirectorySeparatorChar}local-feed</span></li></ul></div><div></div><div><strong>Installed Packages</strong><ul><li><span>Newtonsoft.Json, 13.0.3</span>", sources);
        var project = File.ReadAllText(Directory.GetFiles(cache, "packages.csproj", SearchOption.AllDirectories).Single());
        Assert.Contains("local-feed</RestoreAdditionalProjectSources>", project);
        Assert.Equal("[1]", cell.Shown(1));
    }

    /// <summary>Runs a fixture with a new, empty restore cache, so every run really restores.</summary>
    private static async Task<(NotebookRunResult Result, string Cache)> RunWithAnEmptyCacheAsync(string notebook)
    {
        var cache = Directory.CreateTempSubdirectory("nbrun-packages-").FullName;
        var options = new ExecutionOptions { Environment = new Dictionary<string, string> { ["NOTEBOOK_RUNNER_PACKAGE_CACHE"] = cache } };
        return (await FixtureNotebook.RunFreshAsync(notebook, options), cache);
    }
}
