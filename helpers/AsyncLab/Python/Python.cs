using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace AsyncLab;

/// <summary>
/// Python side by side: finds an interpreter (<c>PYTHON</c>, else <c>/usr/bin/python3</c>), tells which modules it has,
/// and runs companion scripts that print one JSON line of results. Without Python a comparison is skipped with a
/// message, except under <c>CI=true</c>, where that is an error.
/// </summary>
public static class Python
{
    /// <summary>The interpreter used when <c>PYTHON</c> is not set.</summary>
    public const string DefaultPath = "/usr/bin/python3";

    /// <summary>How long a script may run by default before it is killed.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private static readonly ConcurrentDictionary<(string, string), bool> s_modules = new();

    /// <summary>The interpreter's path, or null when none is found.</summary>
    /// <exception cref="FileNotFoundException"><c>PYTHON</c> is set but names no existing file or command.</exception>
    public static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("PYTHON");
        if (string.IsNullOrWhiteSpace(configured))
            return File.Exists(DefaultPath) ? DefaultPath : null;
        return Resolve(configured.Trim())
            ?? throw new FileNotFoundException($"PYTHON='{configured}' names no existing file or command on PATH.", configured);
    }

    /// <summary>Whether the interpreter can import <paramref name="module"/> (false without Python). Cached per interpreter.</summary>
    public static bool Has(string module)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(module);
        if (Find() is not { } python)
            return false;
        return s_modules.GetOrAdd((python, module), key =>
        {
            var probe = RunProcessAsync(key.Item1, ["-c", "import importlib.util, sys; sys.exit(0 if importlib.util.find_spec(sys.argv[1]) else 3)", key.Item2],
                TimeSpan.FromSeconds(30), CancellationToken.None).GetAwaiter().GetResult();
            return probe.ExitCode == 0;
        });
    }

    /// <summary>Runs <paramref name="scriptPath"/> with <paramref name="args"/> and reads back its result line (see the other overload).</summary>
    public static Task<PythonResult> RunJsonAsync(string scriptPath, params string[] args) =>
        RunJsonAsync(scriptPath, args, DefaultTimeout);

    /// <summary>
    /// Runs <paramref name="scriptPath"/> and returns the last line of its output that parses as a JSON object.
    /// A non-zero exit, no JSON line or a timeout throws with the exit code and stderr in the message.
    /// Without Python: prints "skipped: no Python found (set PYTHON=...)" and returns a skipped result, or throws under <c>CI=true</c>.
    /// </summary>
    public static async Task<PythonResult> RunJsonAsync(string scriptPath, IEnumerable<string> args, TimeSpan timeout, CancellationToken ct = default)
    {
        var run = await RunScriptAsync(scriptPath, args, timeout, ct).ConfigureAwait(false);
        return run is { } json ? PythonResult.From(json) : PythonResult.Skip(NoPython);
    }

    /// <summary>Runs <paramref name="scriptPath"/> with <paramref name="args"/> and reads its result line into <typeparamref name="T"/> (see the other overload).</summary>
    public static Task<T?> RunAsync<T>(string scriptPath, params string[] args) where T : class =>
        RunAsync<T>(scriptPath, args, DefaultTimeout);

    /// <summary>
    /// Runs <paramref name="scriptPath"/> and deserializes the last line of its output that is a JSON object into the record
    /// <typeparamref name="T"/>: snake_case names map to PascalCase properties (<c>cpu_gap_s</c> → <c>CpuGapS</c>), extra JSON
    /// properties are ignored, and a property of <typeparamref name="T"/> that the JSON lacks is an error unless it is nullable.
    /// Without Python: prints "skipped: no Python found (set PYTHON=...)" and returns null, or throws under <c>CI=true</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The script failed, printed no JSON object, or the object does not fit <typeparamref name="T"/>.</exception>
    /// <exception cref="TimeoutException">The script ran longer than <paramref name="timeout"/> and was killed.</exception>
    public static async Task<T?> RunAsync<T>(string scriptPath, IEnumerable<string> args, TimeSpan timeout, CancellationToken ct = default) where T : class
    {
        var run = await RunScriptAsync(scriptPath, args, timeout, ct).ConfigureAwait(false);
        return run is { } json ? PythonJson.Read<T>(json, scriptPath) : null;
    }

    private const string NoPython = "no Python found (set PYTHON=/path/to/python3)";

    /// <summary>The script's result object, or null when there is no Python outside CI (after printing the skip line).</summary>
    private static async Task<JsonElement?> RunScriptAsync(string scriptPath, IEnumerable<string> args, TimeSpan timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scriptPath);
        ArgumentNullException.ThrowIfNull(args);
        if (Find() is not { } python)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException($"CI=true but {NoPython}; CI must install Python to run {scriptPath}.");
            Console.WriteLine("skipped: " + NoPython);
            return null;
        }
        if (!File.Exists(scriptPath))
            throw new FileNotFoundException($"Python script '{Path.GetFullPath(scriptPath)}' not found.", scriptPath);
        var run = await RunProcessAsync(python, [scriptPath, .. args], timeout, ct).ConfigureAwait(false);
        var where = $"{python} {scriptPath}";
        if (run.ExitCode != 0)
            throw new InvalidOperationException($"{where} exited with code {run.ExitCode}. stderr:\n{run.Stderr}");
        return LastJsonObject(run.Stdout)
            ?? throw new InvalidOperationException($"{where} printed no JSON object line. stdout:\n{run.Stdout}\nstderr:\n{run.Stderr}");
    }

    internal static JsonElement? LastJsonObject(string output)
    {
        foreach (var line in Enumerable.Reverse(output.Split('\n')))
        {
            var text = line.Trim();
            if (!text.StartsWith('{'))
                continue;
            try
            {
                using var document = JsonDocument.Parse(text);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                    return document.RootElement.Clone();
            }
            catch (JsonException)
            {
                // Not the result line; keep looking further up.
            }
        }
        return null;
    }

    private static string? Resolve(string command)
    {
        if (command.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
            return File.Exists(command) ? Path.GetFullPath(command) : null;
        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, command))
            .FirstOrDefault(File.Exists);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunProcessAsync(string python, IEnumerable<string> args, TimeSpan timeout, CancellationToken ct)
    {
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {python}.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{python} {string.Join(' ', start.ArgumentList)} did not finish within {timeout.TotalSeconds:0.#} s. stderr so far:\n{await stderr.ConfigureAwait(false)}");
        }
        return (process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }
}
