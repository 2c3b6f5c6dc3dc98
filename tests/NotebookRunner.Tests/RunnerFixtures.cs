using System.Text.Json.Nodes;

namespace NotebookRunner.Tests;

/// <summary>Locates fixture files in the source tree and writes throwaway notebooks to a per-test temp folder.</summary>
internal static class RunnerFixtures
{
    /// <summary>The repository root (the folder holding AsyncNotebooks.slnx).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>A file under <c>tests/NotebookRunner.Tests/Fixtures</c>.</summary>
    public static string Path(string relative) =>
        System.IO.Path.Combine(RepoRoot, "tests", "NotebookRunner.Tests", "Fixtures", relative);

    /// <summary>A new empty folder under the temp directory.</summary>
    public static string NewTempFolder()
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "nbrunner-tests", Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Writes text to a file in a new temp folder and returns its path.</summary>
    public static string WriteTemp(string fileName, string content)
    {
        var path = System.IO.Path.Combine(NewTempFolder(), fileName);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>A minimal nbformat 4.2 C# notebook with the given code cells (source, optional notebook_runner cell metadata, stored stdout).</summary>
    public static string Notebook(JsonObject? notebookDirectives, params (string Source, JsonObject? Directives, string? StoredStdout)[] cells)
    {
        var metadata = new JsonObject
        {
            ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
            ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
        };
        if (notebookDirectives is not null)
        {
            metadata["notebook_runner"] = notebookDirectives;
        }

        var array = new JsonArray();
        foreach (var (source, directives, stdout) in cells)
        {
            var cellMetadata = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } };
            if (directives is not null)
            {
                cellMetadata["notebook_runner"] = directives;
            }

            var outputs = new JsonArray();
            if (stdout is not null)
            {
                outputs.Add(new JsonObject { ["name"] = "stdout", ["output_type"] = "stream", ["text"] = stdout });
            }

            array.Add(new JsonObject
            {
                ["cell_type"] = "code", ["execution_count"] = null, ["metadata"] = cellMetadata, ["outputs"] = outputs, ["source"] = source,
            });
        }

        return new JsonObject { ["cells"] = array, ["metadata"] = metadata, ["nbformat"] = 4, ["nbformat_minor"] = 2 }.ToJsonString();
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "AsyncNotebooks.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"AsyncNotebooks.slnx not found above {AppContext.BaseDirectory}");
    }
}
