using System.Text.Json.Nodes;
using NotebookRunner.Documents;
using Xunit.Abstractions;

namespace Lessons.Tests;

/// <summary>
/// The Jupyter route: the runner's <c>jupyter-kernel</c> command registers the pinned .NET Interactive tool as the kernel
/// <c>.net-csharp</c>, and Jupyter's own client (Debian's <c>jupyter-nbconvert --execute</c>, through nbclient) runs a
/// whole lesson on it: no error, and in every cell the kinds of output the runner stored.
/// </summary>
public class JupyterKernelTests(ITestOutputHelper log)
{
    private const string NbConvert = "/usr/bin/jupyter-nbconvert";

    [Fact]
    public async Task A_lesson_runs_unchanged_in_Jupyter_on_the_registered_kernel()
    {
        Assert.True(File.Exists(NbConvert), $"{NbConvert} is missing (apt-get install jupyter-nbconvert python3-nbclient)");
        // The README's command, with Jupyter's data folder (where it looks for kernels) moved to a temporary one.
        var jupyter = Directory.CreateTempSubdirectory("jupyter-").FullName;
        var install = await Commands.RunnerAsync(new Dictionary<string, string> { ["JUPYTER_DATA_DIR"] = jupyter }, "jupyter-kernel");
        Assert.True(install.Exit == 0, install.Output);
        Assert.True(File.Exists(Path.Combine(jupyter, "kernels", ".net-csharp", "kernel.json")), install.Output);

        // The lesson the README's examples use; every lesson must run on the real kernel, one keeps CI quick.
        var lesson = Path.Combine(LessonNotebooks.Folder, "05-await-gather-create-task.ipynb");
        var executed = Path.Combine(jupyter, "executed.ipynb");
        var environment = new Dictionary<string, string> { ["JUPYTER_DATA_DIR"] = jupyter, ["ASYNCLAB_TIME_SCALE"] = "0.2", ["PYTHON"] = "/usr/bin/python3" };
        var (exit, output) = await Commands.RunAsync(NbConvert, LessonNotebooks.Folder, environment,
            ["--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=600", "--ExecutePreprocessor.startup_timeout=300", "--output", executed, lesson],
            TimeSpan.FromMinutes(15));
        log.WriteLine($"{Path.GetFileName(lesson)}:\n{output}");
        Assert.True(exit == 0, $"jupyter-nbconvert --execute {lesson} exited with {exit}:\n{output}");

        var stored = NotebookReader.Read(lesson).CodeCells.ToList();
        var cells = JsonNode.Parse(File.ReadAllText(executed))!["cells"]!.AsArray().Where(c => (string?)c!["cell_type"] == "code").ToList();
        Assert.Equal(stored.Count, cells.Count);
        for (var i = 0; i < cells.Count; i++)
        {
            var kinds = Kinds(cells[i]!["outputs"]!.AsArray());
            Assert.DoesNotContain("error", kinds);
            Assert.True(StoredKinds(stored[i]).SetEquals(kinds),
                $"{Path.GetFileName(lesson)} cell {stored[i].Index + 1}: Jupyter gave [{string.Join(", ", kinds)}], the runner stored [{string.Join(", ", StoredKinds(stored[i]))}]");
        }
    }

    // Output kinds as both hosts share them: a stream by name, a display (display_data or execute_result; the kernel
    // sends HTML only where the runner adds text/plain), an error. Not the lesson's: the kernel's bootstrap script, and
    // the compiler warnings it writes to stderr (CS1701: AsyncLab, built for net8.0, binds to net10.0's System.Text.Json;
    // nullable warnings, written as "(line,col): warning CSxxxx: ...").
    private static HashSet<string> Kinds(JsonArray outputs) =>
    [
        .. outputs.Where(o => !(o!["data"]?["text/html"]?.ToJsonString() ?? "").Contains("dotnet-interactive-this-cell", StringComparison.Ordinal)
                              && !IsCompilerWarning(o))
            .Select(o => (string?)o!["output_type"] switch
            {
                "stream" => (string)o["name"]!,
                "display_data" or "execute_result" => "display",
                var other => other ?? "unknown",
            }),
    ];

    private static bool IsCompilerWarning(JsonNode output) =>
        (string?)output["name"] == "stderr"
        && Text(output["text"]).Split('\n').All(l => l.Trim().Length == 0 || l.Contains("warning CS", StringComparison.Ordinal));

    // nbformat stores text as a string or as an array of lines.
    private static string Text(JsonNode? text) => text is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)text ?? "";

    private static HashSet<string> StoredKinds(NotebookCell cell) =>
    [
        .. cell.Outputs.Select(o => o switch
        {
            StreamOutput s => s.Name,
            DisplayOutput => "display",
            _ => "error",
        }),
    ];
}
