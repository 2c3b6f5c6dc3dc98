using System.CommandLine;
using NotebookRunner.Execution;
using NotebookRunner.Execution.Engines;

namespace NotebookRunner.Cli;

/// <summary>The <c>--kernel roslyn|dotnet-interactive</c> option: which engine runs the notebooks.</summary>
internal static class KernelOption
{
    private static readonly Dictionary<string, KernelEngine> Engines = new(StringComparer.Ordinal)
    {
        ["roslyn"] = KernelEngine.Roslyn,
        ["dotnet-interactive"] = KernelEngine.DotnetInteractive,
    };

    public static Option<string> Create()
    {
        var option = new Option<string>("--kernel")
        {
            Description = "The engine: roslyn (the runner's own, default) or dotnet-interactive (the real .NET Interactive kernel VS Code launches).",
            DefaultValueFactory = _ => "roslyn",
        };
        option.AcceptOnlyFromAmong([.. Engines.Keys]);
        return option;
    }

    /// <summary>The engine named <paramref name="name"/>, checked to be installed before any notebook runs.</summary>
    /// <exception cref="UsageException">The engine is not installed; the message says how to install it.</exception>
    public static KernelEngine Installed(string? name)
    {
        var engine = Engines[name ?? "roslyn"];
        try
        {
            IKernelWorker.EnsureInstalled(engine);
        }
        catch (KernelUnavailableException e)
        {
            throw new UsageException(e.Message);
        }

        return engine;
    }
}
