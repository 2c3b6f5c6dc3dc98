using System.Diagnostics;
using NotebookRunner.Documents;

namespace NotebookRunner.Tests;

/// <summary>Runs the real CLI as a process (<c>dotnet NotebookRunner.dll ...</c>), with the worker-process executor.</summary>
internal static class RunnerProcess
{
    /// <summary>The exit code and the whole stdout and stderr (line endings normalized) of one CLI run in <paramref name="workingDirectory"/>.</summary>
    public static Task<(int Exit, string Output, string Error)> RunAsync(string workingDirectory, params string[] args) =>
        DotnetAsync(workingDirectory, [typeof(NotebookReader).Assembly.Location, .. args]);

    /// <summary>The same for <c>dotnet</c> with any arguments, for example an app's assembly.</summary>
    public static async Task<(int Exit, string Output, string Error)> DotnetAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await output).ReplaceLineEndings("\n"), (await error).ReplaceLineEndings("\n"));
    }
}
