using System.CommandLine;
using System.Diagnostics;

namespace NotebookRunner.Cli;

/// <summary>
/// The <c>jupyter-kernel</c> command: restores the .NET Interactive tool pinned in <c>.config/dotnet-tools.json</c> and
/// registers it with Jupyter as the kernel <c>.net-csharp</c>, the name the lessons' metadata gives, so that VS Code's
/// Jupyter extension, JupyterLab and Jupyter Notebook open the same <c>.ipynb</c> files unchanged.
/// </summary>
internal static class JupyterKernelCommand
{
    private const string KernelName = ".net-csharp";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var path = new Option<string?>("--path") { Description = "Kernels folder to write to (default: the user's Jupyter data folder's kernels, as Jupyter finds it)." };
        var command = new Command("jupyter-kernel", $"Register the pinned .NET Interactive tool as the Jupyter kernel '{KernelName}' (run inside the repository).") { path };
        command.SetAction(async (parse, ct) =>
        {
            var repository = FindToolManifestFolder(Environment.CurrentDirectory);
            if (repository is null)
            {
                await error.WriteLineAsync($"{Environment.CurrentDirectory}: no .config/dotnet-tools.json here or above; run this inside the repository").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var kernels = Path.GetFullPath(parse.GetValue(path) ?? Path.Combine(JupyterDataFolder(), "kernels"));
            Directory.CreateDirectory(kernels);
            if (await DotnetAsync(repository, error, ct, "tool", "restore").ConfigureAwait(false) != 0
                || await DotnetAsync(repository, error, ct, "interactive", "jupyter", "install", "--path", kernels).ConfigureAwait(false) != 0)
            {
                return ExitCodes.Failure;
            }

            var spec = Path.Combine(kernels, KernelName, "kernel.json");
            if (!File.Exists(spec))
            {
                await error.WriteLineAsync($"{spec}: the tool reported success but wrote no kernel spec").ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            await output.WriteLineAsync($"The Jupyter kernel '{KernelName}' is in {Path.GetDirectoryName(spec)}.").ConfigureAwait(false);
            await output.WriteLineAsync("It starts the tool pinned in this repository, so open the lessons from inside it.").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    // Where Jupyter looks for a user's kernels (jupyter_core's jupyter_data_dir()).
    private static string JupyterDataFolder()
    {
        if (Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR") is { Length: > 0 } configured)
        {
            return configured;
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter");
        }

        if (OperatingSystem.IsMacOS())
        {
            return Path.Combine(home, "Library", "Jupyter");
        }

        var data = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(home, ".local", "share");
        return Path.Combine(data, "jupyter");
    }

    private static string? FindToolManifestFolder(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, ".config", "dotnet-tools.json")))
            {
                return folder.FullName;
            }
        }

        return null;
    }

    // The tool's own messages go to the console as they come; a failure is reported with its exit code.
    private static async Task<int> DotnetAsync(string workingDirectory, TextWriter error, CancellationToken ct, params string[] args)
    {
        var start = new ProcessStartInfo(Execution.DotnetHost.Path) { WorkingDirectory = workingDirectory, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        await process.WaitForExitAsync(ct).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            await error.WriteLineAsync($"dotnet {string.Join(' ', args)} failed with exit code {process.ExitCode}").ConfigureAwait(false);
        }

        return process.ExitCode;
    }
}
