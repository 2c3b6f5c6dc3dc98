using NotebookRunner.Cli;

namespace NotebookRunner.Tests;

/// <summary>Runs the command line in-process on a <see cref="FakeExecutor"/>, capturing what it prints.</summary>
internal static class InProcessCli
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(FakeExecutor executor, bool liveProgress, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var services = new CliServices(executor.RunAsync, static w => w.WriteLineAsync("bench figures"), static a => Task.FromResult(40 + a.Length));
        var exit = await RunnerCli.InvokeAsync(args, services, output, error, liveProgress);
        return (exit, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }
}
