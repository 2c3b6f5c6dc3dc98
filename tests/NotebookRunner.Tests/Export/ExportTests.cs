using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NotebookRunner.Tests.Export;

/// <summary>
/// The <c>export</c> command: a notebook becomes one file-based app whose cells share one scope and compile as top-level
/// statements; a construct with no equivalent is refused by cell and line, or exported as a comment when asked.
/// </summary>
public class ExportTests
{
    private static (string Folder, string Notebook) Copy(string name)
    {
        var folder = RunnerFixtures.NewTempFolder();
        var notebook = Path.Combine(folder, name);
        File.Copy(RunnerFixtures.Path(Path.Combine("export", name)), notebook);
        return (folder, notebook);
    }

    private static Task<(int Exit, string Output, string Error)> Export(params string[] args) =>
        InProcessCli.RunAsync(new FakeExecutor(), liveProgress: false, ["export", .. args]);

    [Fact]
    public async Task Another_kernels_cell_and_an_unknown_magic_are_refused_by_cell_and_line_and_nothing_is_written()
    {
        var (folder, notebook) = Copy("unexportable.ipynb");
        var original = File.ReadAllBytes(notebook);

        var (exit, _, error) = await Export(notebook, "--output-dir", Path.Combine(folder, "apps"));

        Assert.Equal(2, exit);
        Assert.Contains($"{notebook}(cell 3, line 1): a cell for the fsharp kernel; a file-based app runs C# only\n", error, StringComparison.Ordinal);
        Assert.Contains($"{notebook}(cell 4, line 2): #!whos has no equivalent in a file-based app\n", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "apps")) && Directory.EnumerateFiles(Path.Combine(folder, "apps")).Any());
        Assert.Equal(original, File.ReadAllBytes(notebook));
    }

    [Fact]
    public async Task Skip_unsupported_exports_such_cells_as_comments()
    {
        var (folder, notebook) = Copy("unexportable.ipynb");

        var (exit, output, error) = await Export(notebook, "--output-dir", Path.Combine(folder, "apps"), "--skip-unsupported");

        Assert.Equal(0, exit);
        Assert.Contains("(exported as a comment)", error, StringComparison.Ordinal);
        var app = File.ReadAllText(Path.Combine(folder, "apps", "unexportable.cs"));
        Assert.Contains("// ── cell 3 ── not exported: ", app, StringComparison.Ordinal);
        Assert.Contains("// printfn \"F#\"", app, StringComparison.Ordinal);
        Assert.Contains("// # A notebook with two kernels\n//\n// Some prose.", app, StringComparison.Ordinal);
        Assert.Contains($"-> {Path.Combine(folder, "apps", "unexportable.cs")}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cells_become_top_level_statements_that_compile_in_one_scope()
    {
        var (folder, notebook) = Copy("scopes.ipynb");

        var (exit, _, error) = await Export(notebook, "--output-dir", Path.Combine(folder, "apps"));

        Assert.True(exit == 0, error);
        var app = File.ReadAllText(Path.Combine(folder, "apps", "scopes.cs"));
        Assert.Contains("#:package Newtonsoft.Json@13.0.3\n", app, StringComparison.Ordinal);
        Assert.Contains("#:property ManagePackageVersionsCentrally=false\n", app, StringComparison.Ordinal);
        Assert.Contains("var count_3 = 2;", app, StringComparison.Ordinal);
        Assert.Contains("var count_ = 10 + i;", app, StringComparison.Ordinal);
        Assert.Contains("Func<int, int> twice = count => count * 2;", app, StringComparison.Ordinal);
        Assert.Contains("Notebook.Show(new StringBuilder().Append(\"trailing \").Append(count_3).ToString());", app, StringComparison.Ordinal);
        Assert.True(app.IndexOf("record Point", StringComparison.Ordinal) > app.IndexOf("after the expected exception", StringComparison.Ordinal), "types follow the statements");
        Assert.Empty(Compile(app));
    }

    [Fact]
    public async Task Each_cell_starts_off_the_thread_pool_as_in_the_kernel()
    {
        // A cell that blocks before its first await (EventLoop.Run, .Wait()) must hold its own thread, not a pool thread
        // the lesson needs: after cell 1's await the app is on the pool, and cell 2 must start off it again.
        var (folder, notebook) = Copy("threads.ipynb");
        var apps = Path.Combine(folder, "apps");
        var (exported, _, error) = await Export(notebook, "--output-dir", apps);
        Assert.True(exported == 0, error);

        var assembly = Path.Combine(apps, "threads.dll");
        Assert.Empty(Compile(File.ReadAllText(Path.Combine(apps, "threads.cs")), Path.Combine(apps, "threads.cs"), assembly));
        var version = $"{Environment.Version.Major}.{Environment.Version.Minor}.0";
        File.WriteAllText(Path.ChangeExtension(assembly, ".runtimeconfig.json"),
            System.Text.Json.JsonSerializer.Serialize(new { runtimeOptions = new { framework = new { name = "Microsoft.NETCore.App", version } } }));
        var (exit, output, runError) = await RunnerProcess.DotnetAsync(apps, assembly);

        Assert.True(exit == 0, $"exit {exit}: the second cell did not start off the pool\n{output}{runError}");
    }

    // The app as the SDK builds it: the #: lines are the SDK's, the implicit usings are Directory.Build.props'.
    // With an assembly path, the program is also written there (and knows its source file, as a built app does).
    private static List<string> Compile(string app, string? path = null, string? assembly = null)
    {
        const string implicitUsings = "global using System; global using System.IO; global using System.Linq; global using System.Collections.Generic; " +
                                      "global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;";
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var source = string.Join('\n', app.Split('\n').Select(l => l.StartsWith("#:", StringComparison.Ordinal) ? "" : l));
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("app",
            [CSharpSyntaxTree.ParseText(implicitUsings, options), CSharpSyntaxTree.ParseText(source, options, path ?? "")],
            references, new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        List<string> errors = [.. compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString())];
        if (assembly is not null && errors.Count == 0)
        {
            using var file = File.Create(assembly);
            var emitted = compilation.Emit(file);
            errors.AddRange(emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
        }

        return errors;
    }
}
