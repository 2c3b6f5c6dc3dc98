using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NotebookRunner.Documents;
using NotebookRunner.Testing;

namespace NotebookRunner.Export;

/// <summary>
/// Turns a C# notebook into one .NET 10 file-based app (<c>dotnet run lesson.cs</c>): markdown as comments, packages as
/// <c>#:package</c>, a referenced project's assembly as <c>#:project</c>, cells in order as top-level statements with
/// their <c>using</c>s first and their types last, and displays printed as text (HTML written to files).
/// </summary>
internal static partial class FileAppExporter
{
    private static readonly Lazy<string> Support = new(() =>
    {
        using var stream = typeof(FileAppExporter).Assembly.GetManifestResourceStream("NotebookRunner.Export.FileAppSupport.cs")!;
        return new StreamReader(stream).ReadToEnd();
    });

    /// <summary>The app's source, or the constructs that have no file-based equivalent (each naming its cell and line).</summary>
    /// <param name="plan">The notebook and its directives.</param>
    /// <param name="appPath">Where the app will be written: relative paths (project, notebook folder) start from its folder.</param>
    /// <param name="skipUnsupported">Export cells with such constructs as comments instead of refusing.</param>
    public static FileAppExport Export(NotebookPlan plan, string appPath, bool skipUnsupported)
    {
        var document = plan.Document;
        var appFolder = Path.GetDirectoryName(Path.GetFullPath(appPath))!;
        var notebookFolder = Path.GetDirectoryName(Path.GetFullPath(document.Path))!;
        var app = new AppParts();
        var problems = new List<string>();
        foreach (var cell in document.Cells)
        {
            if (cell.Kind != CellKind.Code)
            {
                app.Body.Append(Comment(cell.Source)).Append('\n');
                continue;
            }

            var cellProblems = new List<string>();
            var code = Directives(cell, document, notebookFolder, appFolder, app, cellProblems);
            var label = $"// ── cell {cell.Index + 1} ──";
            var directives = plan.DirectivesOf(cell.Index);
            if (cellProblems.Count > 0)
            {
                problems.AddRange(cellProblems);
                app.Body.Append(label).Append(" not exported: ").Append(cellProblems[0]).Append('\n').Append(Comment(cell.Source)).Append('\n');
            }
            else if (directives.SkipReason is { } reason)
            {
                app.Body.Append(label).Append(" skipped in the notebook: ").Append(reason).Append('\n').Append(Comment(cell.Source)).Append('\n');
            }
            else
            {
                app.Body.Append(label).Append('\n');
                app.Cells.Add((cell.Index + 1, Statements(code, app), directives.ExpectedException, app.Body.Length));
            }
        }

        if (problems.Count > 0 && !skipUnsupported)
        {
            return new FileAppExport(null, problems);
        }

        // Inserted from the end, so that each recorded position still holds.
        var flattened = CellScopes.Flatten([.. app.Cells.Select(c => (c.Number, c.Statements))]);
        for (var i = app.Cells.Count - 1; i >= 0; i--)
        {
            app.Body.Insert(app.Cells[i].Position, "await Notebook.NextCell();\n" + Guarded(flattened[i].Trim('\n'), app.Cells[i].ExpectedException) + "\n");
        }

        return new FileAppExport(app.Render(document.Path, appPath, Relative(appFolder, notebookFolder), Support.Value), problems);
    }

    // Magic lines become file-level directives or problems; the C# that remains keeps its line numbers.
    private static string Directives(NotebookCell cell, NotebookDocument document, string notebookFolder, string appFolder, AppParts app, List<string> problems)
    {
        var lines = cell.Source.ReplaceLineEndings("\n").Split('\n');
        var kernel = cell.KernelName ?? document.DefaultKernelName;
        if (kernel != KernelNames.CSharp)
        {
            problems.Add($"{document.Path}(cell {cell.Index + 1}, line 1): a cell for the {kernel} kernel; a file-based app runs C# only");
            return "";
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            string? problem = null;
            if (PackageLine().Match(line) is { Success: true } package)
            {
                var version = package.Groups["version"].Success ? package.Groups["version"].Value.Trim() : "*";
                app.Files.Add($"#:package {package.Groups["name"].Value.Trim()}@{version}");
            }
            else if (SourceLine().Match(line) is { Success: true } source)
            {
                app.Sources.Add(source.Groups["source"].Value.Trim());
            }
            else if (AssemblyLine().Match(line) is { Success: true } assembly)
            {
                var project = ProjectOf(Path.GetFullPath(Path.Combine(notebookFolder, assembly.Groups["path"].Value)));
                if (project is null)
                {
                    problem = $"#r of an assembly with no project beside it ({assembly.Groups["path"].Value}); a file-based app references projects and packages";
                }
                else
                {
                    app.Files.Add($"#:project {Relative(appFolder, project)}");
                }
            }
            else if (line.StartsWith("#!", StringComparison.Ordinal) && KernelNames.FromSelectorLine(line) == KernelNames.CSharp)
            {
                // The C# kernel selector: this app is all C#.
            }
            else if (line.StartsWith("#!", StringComparison.Ordinal) || line.StartsWith("#r ", StringComparison.Ordinal)
                     || line.StartsWith("#i ", StringComparison.Ordinal) || line.StartsWith("#load ", StringComparison.Ordinal))
            {
                problem = $"{line.Split(' ')[0]} has no equivalent in a file-based app";
            }
            else
            {
                continue;
            }

            if (problem is not null)
            {
                problems.Add($"{document.Path}(cell {cell.Index + 1}, line {i + 1}): {problem}");
            }

            lines[i] = "";
        }

        return string.Join('\n', lines);
    }

    // Script members as top-level statements: usings go to the top, types to the end, a trailing expression is shown.
    private static string Statements(string code, AppParts app)
    {
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script)).GetRoot();
        app.Usings.AddRange(root.Usings.Select(u => u.ToString()).Where(u => !app.Usings.Contains(u)));
        var body = new StringBuilder();
        var members = root.Members;
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            if (member is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax or BaseNamespaceDeclarationSyntax)
            {
                app.Types.Append(member.ToFullString().Trim('\n')).Append("\n\n");
            }
            else if (i == members.Count - 1 && member is GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } trailing })
            {
                body.Append(trailing.GetLeadingTrivia().ToFullString()).Append("Notebook.Show(").Append(trailing.Expression.ToString()).Append(");\n");
            }
            else
            {
                body.Append(member.ToFullString());
            }
        }

        return body.ToString();
    }

    // A cell that the notebook expects to throw: the app shows the exception and goes on, as the notebook does.
    private static string Guarded(string statements, string? expectedException) => expectedException is null ? statements : $$"""
            try
            {
            {{statements}}
            }
            catch (Exception e) when (e.GetType().FullName == "{{expectedException}}" || e.GetType().Name == "{{expectedException}}")
            {
                Console.WriteLine($"{e.GetType().Name} (expected): {e.Message}");
            }
            """;

    private static string? ProjectOf(string assemblyPath)
    {
        var name = Path.GetFileNameWithoutExtension(assemblyPath);
        for (var folder = Path.GetDirectoryName(assemblyPath); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            var project = Path.Combine(folder, name + ".csproj");
            if (File.Exists(project))
            {
                return project;
            }

            if (Directory.Exists(Path.Combine(folder, ".git")) || File.Exists(Path.Combine(folder, ".git")))
            {
                break;
            }
        }

        return null;
    }

    private static string Relative(string from, string to) => Path.GetRelativePath(from, to).Replace('\\', '/');

    private static string Comment(string text) =>
        string.Join('\n', text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').Select(l => l.Length == 0 ? "//" : "// " + l));

    [GeneratedRegex("""^#r\s+"nuget:\s*(?<name>[^,"]+?)\s*(,\s*(?<version>[^"]+?))?\s*"$""")]
    private static partial Regex PackageLine();

    [GeneratedRegex("""^#i\s+"nuget:\s*(?<source>[^"]+)"$""")]
    private static partial Regex SourceLine();

    [GeneratedRegex("""^#r\s+"(?<path>[^"]+\.dll)"$""")]
    private static partial Regex AssemblyLine();

    // The parts of the app collected while the cells are read, then written in the order C# requires.
    private sealed class AppParts
    {
        public SortedSet<string> Files { get; } = new(StringComparer.Ordinal);

        public List<string> Sources { get; } = [];

        public List<string> Usings { get; } = [];

        public StringBuilder Body { get; } = new();

        /// <summary>Each code cell's number, statements, expected exception, and the position in <see cref="Body"/> they go to.</summary>
        public List<(int Number, string Statements, string? ExpectedException, int Position)> Cells { get; } = [];

        public StringBuilder Types { get; } = new();

        public string Render(string notebookPath, string appPath, string notebookFolder, string support)
        {
            var text = new StringBuilder();
            text.Append("// ").Append(Path.GetFileName(notebookPath)).Append(" as a .NET 10 file-based app, exported by NotebookRunner export.\n")
                .Append("// Run it with: dotnet run ").Append(Path.GetFileName(appPath)).Append(" (inside the repository, so that it finds AsyncLab).\n")
                .Append("// Charts and tables are written as HTML files next to it; their paths are printed.\n")
                .Append("#:property ManagePackageVersionsCentrally=false\n")
                .Append("#:property TreatWarningsAsErrors=false\n")
                .Append("#:property WarningLevel=0\n")
                // The kernel compiles cells unoptimized: async state machines are classes there, as lessons that inspect them expect.
                .Append("#:property Optimize=false\n")
                // File-based apps are trimmed and AOT-ready by default, which turns off reflection-based JSON; typed
                // Python results (Python.RunAsync<T>) deserialize by reflection, as they do in the kernel.
                .Append("#:property PublishAot=false\n")
                .Append("#:property JsonSerializerIsReflectionEnabledByDefault=true\n")
                .Append("#:property AnalysisLevel=none\n")
                .Append("#:property EnforceCodeStyleInBuild=false\n");
            if (Sources.Count > 0)
            {
                text.Append("#:property RestoreAdditionalProjectSources=").Append(string.Join("%3B", Sources)).Append('\n');
            }

            foreach (var file in Files)
            {
                text.Append(file).Append('\n');
            }

            text.Append('\n');
            foreach (var directive in Usings)
            {
                text.Append(directive).Append('\n');
            }

            text.Append("\nNotebook.Start(\"").Append(notebookFolder).Append("\");\n")
                .Append("static NotebookDisplay display(object value, params string[] mimeTypes) => Notebook.Show(value);\n")
                .Append("static NotebookHtml HTML(string markup) => new(markup);\n\n")
                .Append(Body).Append('\n')
                .Append(Types)
                .Append(support);
            return text.ToString();
        }
    }
}

/// <summary>What <see cref="FileAppExporter.Export"/> produced.</summary>
/// <param name="Source">The app's source; null when it was refused.</param>
/// <param name="Problems">The constructs with no file-based equivalent, as <c>path(cell N, line L): ...</c>.</param>
internal sealed record FileAppExport(string? Source, IReadOnlyList<string> Problems);
