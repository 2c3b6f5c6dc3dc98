using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Scripting.Hosting;

namespace NotebookRunner.Execution.Engines.Roslyn;

/// <summary>
/// The C# state of one notebook: Roslyn submissions chained like the kernel chains them, so variables flow
/// forward and survive a throwing cell. References are built once and one set of options is reused, because
/// re-resolving references per cell costs about 4 MB per cell.
/// </summary>
internal sealed class ScriptSession : IDisposable
{
    /// <summary>The kernel's default usings, plus the static helpers class standing in for <c>using static Kernel</c>.</summary>
    internal static readonly string[] DefaultImports =
    [
        "System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq",
        typeof(KernelHelpers).FullName!,
    ];

    private static readonly MethodInfo HasReturnValueMethod =
        typeof(Script).GetMethod("HasReturnValue", BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new MissingMethodException(nameof(Script), "HasReturnValue");

    /// <summary>One loader for the whole chain, so package assemblies registered with it serve every later submission.</summary>
    private readonly InteractiveAssemblyLoader _assemblyLoader = new();
    private ScriptOptions _options;
    private string _workingDirectory;
    private ScriptState<object>? _state;

    public ScriptSession()
    {
        _workingDirectory = Directory.GetCurrentDirectory();
        _options = ScriptOptions.Default
            .WithReferences(FrameworkReferences())
            .WithImports(DefaultImports)
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithEmitDebugInformation(true)
            .WithFileEncoding(Encoding.UTF8);
        _options = WithResolvers(_options, _workingDirectory);
    }

    /// <summary>
    /// Compiles and runs a throwaway submission that uses what cells typically use (a class, a lambda, LINQ, await),
    /// so that cells do not pay for loading and jitting the compiler. Its variables are not kept.
    /// </summary>
    public async Task WarmUpAsync()
    {
        const string Representative = """
            class WarmUp { public int Value { get; init; } }
            var warm = new List<int> { 1, 2 }.Select(v => new WarmUp { Value = v }).ToList();
            await Task.Yield();
            $"{warm.Count}"
            """;
        var options = _options.WithFilePath("warmup.csx");
        var warm = await CSharpScript.RunAsync<object>(Representative, options).ConfigureAwait(false);
        _ = HasReturnValueMethod.Invoke(warm.Script, null);
        _ = ValueFormatter.Format(warm.ReturnValue, []);
    }

    /// <summary>
    /// Loads restored packages and references them for this and later submissions. The script loader is told about
    /// each loaded assembly, so a submission binds to that same copy instead of loading the file a second time.
    /// </summary>
    public void AddPackages(RestoredPackages packages)
    {
        var assemblies = PackageLoader.Load(packages);
        foreach (var assembly in assemblies)
        {
            _assemblyLoader.RegisterDependency(assembly);
        }

        _options = _options.AddReferences(assemblies.Select(a => MetadataReference.CreateFromFile(a.Location)));
    }

    /// <summary>
    /// Compiles <paramref name="code"/> as the next submission. Compile errors come back as the kernel's message
    /// (positions inside the cell, sorted); the previous state stays valid.
    /// </summary>
    public Submission Compile(string code, string filePath)
    {
        RefreshResolversIfWorkingDirectoryChanged();
        var options = _options.WithFilePath(filePath);
        var script = _state is null ? CSharpScript.Create<object>(code, options, assemblyLoader: _assemblyLoader) : _state.Script.ContinueWith<object>(code, options);
        var errors = script.Compile()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .OrderBy(d => d.Location.GetLineSpan().StartLinePosition)
            .Select(d => FormatDiagnostic(d, filePath))
            .ToList();
        return new Submission(script, errors.Count == 0 ? null : string.Join(Environment.NewLine, errors));
    }

    /// <summary>Releases the script loader.</summary>
    public void Dispose() => _assemblyLoader.Dispose();

    /// <summary>Runs a compiled submission; an exception is captured in the result and the state still advances.</summary>
    public async Task<SubmissionResult> RunAsync(Submission submission)
    {
        var state = _state is null
            ? await submission.Script.RunAsync(catchException: static _ => true).ConfigureAwait(false)
            : await submission.Script.RunFromAsync(_state, catchException: static _ => true).ConfigureAwait(false);
        _state = state;
        var hasValue = state.Exception is null && (bool)HasReturnValueMethod.Invoke(state.Script, null)!;
        return new SubmissionResult(state.Exception, hasValue, state.ReturnValue);
    }

    private static string FormatDiagnostic(Diagnostic diagnostic, string filePath)
    {
        var span = diagnostic.Location.GetLineSpan();
        var position = span.StartLinePosition;
        var where = span.Path == filePath || string.IsNullOrEmpty(span.Path) ? "" : span.Path;
        var severity = diagnostic.Severity.ToString().ToLowerInvariant();
        return string.Create(CultureInfo.InvariantCulture,
            $"{where}({position.Line + 1},{position.Character + 1}): {severity} {diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.CurrentCulture)}");
    }

    private void RefreshResolversIfWorkingDirectoryChanged()
    {
        var current = Directory.GetCurrentDirectory();
        if (current != _workingDirectory)
        {
            _workingDirectory = current;
            _options = WithResolvers(_options, current);
        }
    }

    private static ScriptOptions WithResolvers(ScriptOptions options, string directory) => options
        .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(directory))
        .WithSourceResolver(new SourceFileResolver(ImmutableArray<string>.Empty, directory));

    /// <summary>The shared framework's assemblies and the helpers cells call, as metadata built once per process.</summary>
    private static List<MetadataReference> FrameworkReferences()
    {
        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        var framework = Directory.EnumerateFiles(runtimeDirectory, "*.dll")
            .Where(path => Path.GetFileName(path) is var name
                && (name.StartsWith("System.", StringComparison.Ordinal) || name.StartsWith("Microsoft.Win32.", StringComparison.Ordinal)
                    || name is "netstandard.dll" or "mscorlib.dll" or "Microsoft.CSharp.dll" or "Microsoft.VisualBasic.Core.dll"));
        // Each reference reads its whole file, about 170 of them: read in parallel, they take 0.18 s of the worker's
        // start on two cores instead of 0.26 s.
        return framework.Append(typeof(KernelHelpers).Assembly.Location).AsParallel().AsOrdered()
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    }
}

/// <summary>A compiled submission, or the compile errors that stopped it.</summary>
internal sealed record Submission(Script<object> Script, string? CompileErrors);

/// <summary>How a submission ended: the exception it threw, or whether it has a value to show.</summary>
internal sealed record SubmissionResult(Exception? Exception, bool HasReturnValue, object? ReturnValue);
