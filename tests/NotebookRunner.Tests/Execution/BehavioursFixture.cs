using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NotebookRunner.Execution;

namespace NotebookRunner.Tests.Execution;

/// <summary>
/// Runs <c>behaviours.ipynb</c> once in one worker (starting a worker costs about a second) and keeps the results
/// for the tests that assert on its cells. Before the run it compiles <c>lib/Greeter.dll</c> next to the notebook,
/// the library the notebook references with a relative <c>#r</c> (a plain class, and an <c>IHtmlContent</c>).
/// </summary>
public sealed class BehavioursFixture : IAsyncLifetime
{
    // Also an IHtmlContent: the kernel writes such values as HTML, recognising the interface by its full name.
    private const string GreeterSource = """
        namespace Microsoft.AspNetCore.Html
        {
            public interface IHtmlContent
            {
                void WriteTo(System.IO.TextWriter writer, System.Text.Encodings.Web.HtmlEncoder encoder);
            }
        }

        namespace GreeterLib
        {
            public static class Greeter
            {
                public static string Greet(string how) => $"hello from Greeter.dll via {how}";
            }

            public sealed class Bold(string text) : Microsoft.AspNetCore.Html.IHtmlContent
            {
                public void WriteTo(System.IO.TextWriter writer, System.Text.Encodings.Web.HtmlEncoder encoder) =>
                    writer.Write($"<b>{encoder.Encode(text)}</b>");
            }
        }
        """;

    /// <summary>The folder the notebook ran in.</summary>
    public string Folder { get; } = FixtureNotebook.CopyFixtures();

    /// <summary>The run's result.</summary>
    public NotebookRunResult Result { get; private set; } = null!;

    /// <summary>The result of the cell at notebook index <paramref name="index"/>.</summary>
    public CellRunResult Cell(int index) => Result.Cells.Single(c => c.CellIndex == index);

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        BuildGreeter(Path.Combine(Folder, "lib", "Greeter.dll"));
        Result = await FixtureNotebook.RunAsync(Folder, "behaviours.ipynb");
    }

    /// <inheritdoc/>
    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Compiles <c>lib/Greeter.dll</c> to <paramref name="path"/>.</summary>
    internal static void BuildGreeter(string path)
    {
        var runtime = RuntimeEnvironment.GetRuntimeDirectory();
        var compilation = CSharpCompilation.Create(
            "Greeter",
            [CSharpSyntaxTree.ParseText(GreeterSource)],
            [
                MetadataReference.CreateFromFile(typeof(object).Assembly.Location),
                MetadataReference.CreateFromFile(Path.Combine(runtime, "System.Runtime.dll")),
                MetadataReference.CreateFromFile(Path.Combine(runtime, "System.Text.Encodings.Web.dll")),
            ],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var emitted = compilation.Emit(path);
        Assert.True(emitted.Success, string.Join('\n', emitted.Diagnostics));
    }
}
