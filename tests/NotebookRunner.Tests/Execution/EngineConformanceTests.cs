using System.Text.RegularExpressions;
using NotebookRunner.Documents;
using NotebookRunner.Execution;
using NotebookRunner.Testing;

namespace NotebookRunner.Tests.Execution;

/// <summary>
/// Runs <c>behaviours.ipynb</c>, the fixture that exercises every kernel behaviour the runner reproduces, on both engines
/// and compares each cell's outputs after sanitizing. The cells listed in <see cref="KnownDifferences"/> must differ (the
/// table in the runner's README says why); every other cell must produce the same outputs on both engines.
/// </summary>
public sealed partial class EngineConformanceTests(EngineConformanceTests.BothEngines runs) : IClassFixture<EngineConformanceTests.BothEngines>
{
    /// <summary>Zero-based cell index → why the engines differ there. Mirrored by the conformance table in the README.</summary>
    private static readonly Dictionary<int, string> KnownDifferences = new()
    {
        [10] = "display(x).Update(y): the kernel publishes the display under one id and its updates under another, so VS Code keeps both",
        [12] = "an object: the kernel's HTML is a <details class=\"dni-treeview\"> tree, the runner's a table",
        [21] = "#!markdown: the kernel renders with Markdig (heading ids, one tag per line), the runner with its own renderer",
        [23] = "#!fsharp: the kernel runs F#, the runner's engine fails the cell (C# only)",
        [24] = "a cell whose metadata names F#: as above",
        [29] = "#!import of an .ipynb: kernel 1.0.712001 fails with ArgumentNullException (Parameter 'key') on this VS Code notebook",
        [37] = "a type implementing a look-alike Microsoft.AspNetCore.Html.IHtmlContent: the runner matches the interface by name, the kernel by type",
    };

    [Fact]
    public void Both_engines_run_every_cell_of_the_behaviours_fixture()
    {
        Assert.Equal(runs.Roslyn.Cells.Select(c => c.CellIndex), runs.DotnetInteractive.Cells.Select(c => c.CellIndex));
    }

    public static TheoryData<int> CodeCells() => new(FixtureNotebook.ReadCells(FixtureNotebook.SourcePath("behaviours.ipynb"))
        .Where(c => c.Kind == CellKind.Code).Select(c => c.Index));

    [Theory]
    [MemberData(nameof(CodeCells))]
    public void A_cell_has_the_same_outputs_on_both_engines_unless_listed_as_a_difference(int index)
    {
        var roslyn = Comparable(runs.Roslyn.Cells.Single(c => c.CellIndex == index));
        var kernel = Comparable(runs.DotnetInteractive.Cells.Single(c => c.CellIndex == index));

        if (KnownDifferences.TryGetValue(index, out var why))
        {
            Assert.True(roslyn != kernel, $"cell {index + 1} is listed as a difference ({why}) but both engines wrote:\n{roslyn}");
        }
        else
        {
            Assert.True(roslyn == kernel, $"cell {index + 1} differs between the engines:\n--- roslyn\n{roslyn}+++ dotnet-interactive\n{kernel}");
        }
    }

    /// <summary>The outputs as the comparison text of <c>check</c>, sanitized, without the kernel's <c>&lt;style&gt;</c> block (a listed difference).</summary>
    private static string Comparable(CellRunResult cell)
    {
        var outputs = cell.Outputs.Select(o => o is DisplayOutput d
            ? new DisplayOutput([.. d.Data.Select(p => new KeyValuePair<string, string>(p.Key, StyleBlock().Replace(p.Value, "")))])
            : o).ToList();
        var text = $"status {cell.Status}\n" + string.Concat(outputs.Select(o => o is DisplayOutput d
            ? $"[display {string.Join(' ', d.Data.Select(p => p.Key))}]\n{string.Join("\n", d.Data.Select(p => p.Value))}\n"
            : OutputText.Render([o])));
        return Sanitizer.Default.Apply(text, new HashSet<string>());
    }

    [GeneratedRegex("<style>.*?</style>", RegexOptions.Singleline)]
    private static partial Regex StyleBlock();

    /// <summary>One run of <c>behaviours.ipynb</c> per engine, in one copy of the fixtures with <c>lib/Greeter.dll</c> built.</summary>
    public sealed class BothEngines : IAsyncLifetime
    {
        private readonly string _folder = FixtureNotebook.CopyFixtures();

        public NotebookRunResult Roslyn { get; private set; } = null!;

        public NotebookRunResult DotnetInteractive { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            BehavioursFixture.BuildGreeter(Path.Combine(_folder, "lib", "Greeter.dll"));
            Roslyn = await FixtureNotebook.RunAsync(_folder, "behaviours.ipynb");
            DotnetInteractive = await FixtureNotebook.RunAsync(_folder, "behaviours.ipynb", new ExecutionOptions { Kernel = KernelEngine.DotnetInteractive });
        }

        public Task DisposeAsync()
        {
            Directory.Delete(_folder, recursive: true);
            return Task.CompletedTask;
        }
    }
}
