using System.Text.Json;
using System.Xml.Linq;

namespace NotebookRunner.Execution.Engines.DotnetInteractive;

/// <summary>
/// The installed <c>Microsoft.dotnet-interactive</c> tool: the version pinned in the repository's local tool manifest
/// (<c>.config/dotnet-tools.json</c>), found in the NuGet packages folder where <c>dotnet tool restore</c> puts it.
/// </summary>
/// <param name="EntryPoint">The tool's main assembly, run with <c>dotnet</c>.</param>
/// <param name="Version">The pinned version.</param>
internal sealed record KernelTool(string EntryPoint, string Version)
{
    private const string PackageId = "microsoft.dotnet-interactive";
    private const string Engine = "--kernel dotnet-interactive";

    /// <summary>Finds the tool from the manifest above the current folder or above the runner itself.</summary>
    /// <exception cref="KernelUnavailableException">No manifest pins the tool, or the pinned version is not restored.</exception>
    public static KernelTool Locate()
    {
        var manifest = FindManifest(Environment.CurrentDirectory) ?? FindManifest(AppContext.BaseDirectory)
            ?? throw new KernelUnavailableException(
                $"{Engine}: no .config/dotnet-tools.json pins the tool Microsoft.dotnet-interactive above {Environment.CurrentDirectory}. "
                + "Pin it with `dotnet tool install Microsoft.dotnet-interactive --version 1.0.712001 --local` in the repository.");
        var root = Path.GetDirectoryName(Path.GetDirectoryName(manifest))!;
        string? version;
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(manifest));
            version = json.RootElement.GetProperty("tools").EnumerateObject()
                .FirstOrDefault(t => t.Name.Equals(PackageId, StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: JsonValueKind.Object } tool
                ? tool.GetProperty("version").GetString()
                : null;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new KernelUnavailableException($"{Engine}: {manifest} cannot be read: {e.Message}", e);
        }

        if (version is null)
        {
            throw new KernelUnavailableException(
                $"{Engine}: {manifest} does not pin Microsoft.dotnet-interactive. Add it with `dotnet tool install Microsoft.dotnet-interactive --version 1.0.712001 --local` in {root}.");
        }

        var notInstalled = $"{Engine}: the tool Microsoft.dotnet-interactive {version} (pinned in {manifest}) is not installed. Install it with `dotnet tool restore` in {root}.";
        var toolFolder = Path.Combine(PackagesFolder(), PackageId, version.ToLowerInvariant(), "tools");
        var settings = Directory.Exists(toolFolder)
            ? Directory.EnumerateFiles(toolFolder, "DotnetToolSettings.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).LastOrDefault()
            : null;
        if (settings is null)
        {
            throw new KernelUnavailableException(notInstalled);
        }

        var entryPoint = XDocument.Load(settings).Descendants("Command").Select(c => (string?)c.Attribute("EntryPoint")).FirstOrDefault();
        var path = entryPoint is null ? null : Path.Combine(Path.GetDirectoryName(settings)!, entryPoint);
        return path is not null && File.Exists(path) && File.Exists(Path.ChangeExtension(path, ".runtimeconfig.json"))
            ? new KernelTool(path, version)
            : throw new KernelUnavailableException(notInstalled + $" (its files under {toolFolder} are incomplete)");
    }

    private static string? FindManifest(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, ".config", "dotnet-tools.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string PackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}
