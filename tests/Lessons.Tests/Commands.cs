using System.Diagnostics;
using NotebookRunner.Documents;

namespace Lessons.Tests;

/// <summary>Runs the commands the README gives a learner: the runner's own commands, <c>dotnet run app.cs</c>, Jupyter's tools.</summary>
internal static class Commands
{
    /// <summary>The repository root (the folder above <c>notebooks/</c>).</summary>
    public static string Repository { get; } = Path.GetDirectoryName(LessonNotebooks.Folder)!;

    /// <summary>Runs the runner (<c>dotnet NotebookRunner.dll args</c>, what <c>dotnet run --project helpers/NotebookRunner -- args</c> runs) in the repository.</summary>
    public static Task<(int Exit, string Output)> RunnerAsync(params string[] args) => RunnerAsync(new Dictionary<string, string>(), args);

    /// <inheritdoc cref="RunnerAsync(string[])"/>
    public static Task<(int Exit, string Output)> RunnerAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunAsync("dotnet", Repository, environment, [typeof(NotebookReader).Assembly.Location, .. args]);

    /// <summary>Runs a program and returns its exit code and its stdout and stderr together, in the order they came.</summary>
    public static async Task<(int Exit, string Output)> RunAsync(string program, string workingDirectory, IReadOnlyDictionary<string, string> environment,
                                                                 IEnumerable<string> args, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        var output = new System.Text.StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not end within {timeout ?? TimeSpan.FromMinutes(10)}:\n{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }
}
