using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace NotebookRunner.Execution.Engines.Roslyn;

/// <summary>
/// Restores the packages of <c>#r "nuget: Name, Version"</c> lines as the kernel does: cumulatively per session,
/// through a generated net10.0 project for this machine's runtime identifier and <c>dotnet restore</c> from the
/// configured sources plus <c>#i</c> sources.
/// Each package set is restored once into a cache folder keyed by the set; later runs reuse it.
/// </summary>
internal sealed class PackageRestorer
{
    private readonly Dictionary<string, string> _requested = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _sources = [];
    private readonly HashSet<string> _referenced = new(StringComparer.Ordinal);

    /// <summary>The folder holding one generated project per package set.</summary>
    public static string CacheRoot =>
        Environment.GetEnvironmentVariable("NOTEBOOK_RUNNER_PACKAGE_CACHE") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "NotebookRunner", "restore");

    /// <summary>Adds a restore source (<c>#i "nuget: source"</c>) for later restores.</summary>
    public void AddSource(string source)
    {
        var resolved = Directory.Exists(source) ? Path.GetFullPath(source) : source;
        if (!_sources.Contains(resolved))
        {
            _sources.Add(resolved);
        }
    }

    /// <summary>
    /// Restores the session's packages plus <paramref name="specifications"/> (<c>Name, Version</c>).
    /// Returns the assets not handed out before and the display the kernel shows; throws with the restore's output on failure.
    /// </summary>
    public async Task<RestoredPackages> RestoreAsync(IReadOnlyList<string> specifications)
    {
        var wanted = new Dictionary<string, string>(_requested, StringComparer.OrdinalIgnoreCase);
        var names = new List<string>();
        foreach (var specification in specifications)
        {
            var (name, version) = Parse(specification);
            if (_requested.TryGetValue(name, out var earlier) && version is not (null or "*" or "*-*") && version != earlier)
            {
                throw new CellRejectedException($"{name} version {version} cannot be added because version {earlier} was added previously.");
            }

            wanted[name] = _requested.TryGetValue(name, out var kept) ? kept : version ?? "*";
            names.Add(name);
        }

        var folder = await RestoreProjectAsync(wanted).ConfigureAwait(false);
        foreach (var (name, version) in wanted)
        {
            _requested[name] = version;
        }

        var assets = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "obj", "project.assets.json")).ConfigureAwait(false))!;
        var packageFolder = assets["packageFolders"]!.AsObject().First().Key;
        // The target for this machine's runtime identifier, where NuGet has already picked each package's
        // RID-specific managed and native files (runtimes/<rid>/...).
        var target = assets["targets"]!.AsObject().Single(t => t.Key.Contains('/', StringComparison.Ordinal)).Value!.AsObject();
        var libraries = assets["libraries"]!.AsObject();
        var resolved = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var managed = new List<string>();
        var native = new List<string>();
        foreach (var (key, entry) in target)
        {
            var (id, version) = (key.Split('/')[0], key.Split('/')[1]);
            resolved[id] = version;
            var libraryPath = libraries[key]?["path"]?.GetValue<string>() ?? "";
            IEnumerable<string> Files(string kind) => (entry?[kind]?.AsObject() ?? [])
                .Select(file => file.Key)
                .Where(file => Path.GetFileName(file) != "_._")
                .Select(file => Path.GetFullPath(Path.Combine(packageFolder, libraryPath, file)))
                .Where(_referenced.Add);
            managed.AddRange(Files("runtime").Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)));
            native.AddRange(Files("native"));
        }

        var installed = names.Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(n => $"{resolved.Keys.FirstOrDefault(k => k.Equals(n, StringComparison.OrdinalIgnoreCase)) ?? n}, {resolved.GetValueOrDefault(n, "?")}")
            .Order(StringComparer.Ordinal)
            .ToList();
        return new RestoredPackages(managed, native, InstalledPackagesDisplay(installed));
    }

    private IReadOnlyList<KeyValuePair<string, string>> InstalledPackagesDisplay(IReadOnlyList<string> installed)
    {
        static string Items(IEnumerable<string> items) =>
            "<ul>" + string.Concat(items.Select(i => $"<li><span>{WebUtility.HtmlEncode(i)}</span></li>")) + "</ul>";

        var sources = _sources.Count == 0 ? "<div></div>" : $"<div><strong>Restore sources</strong>{Items(_sources)}</div>";
        var html = $"<div>{sources}<div></div><div><strong>Installed Packages</strong>{Items(installed)}</div></div>";
        // HTML only, as the kernel shows it.
        return [new("text/html", html)];
    }

    private static (string Name, string? Version) Parse(string specification)
    {
        var parts = specification.Split(',', 2, StringSplitOptions.TrimEntries);
        if (parts[0].Length == 0 || parts[0].Any(char.IsWhiteSpace))
        {
            throw new CellRejectedException($"Invalid Package specification: 'nuget:{specification}'");
        }

        return (parts[0], parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null);
    }

    private async Task<string> RestoreProjectAsync(IReadOnlyDictionary<string, string> packages)
    {
        var items = string.Concat(packages.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
            .Select(p => $"    <PackageReference Include=\"{WebUtility.HtmlEncode(p.Key)}\" Version=\"{WebUtility.HtmlEncode(p.Value)}\" />\n"));
        var project = $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <RuntimeIdentifier>{PackageLoader.RuntimeIdentifier}</RuntimeIdentifier>
                <SelfContained>false</SelfContained>
                <UseAppHost>false</UseAppHost>
                <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>
                <ImportDirectoryBuildTargets>false</ImportDirectoryBuildTargets>
                <ImportDirectoryPackagesProps>false</ImportDirectoryPackagesProps>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <RestoreAdditionalProjectSources>{WebUtility.HtmlEncode(string.Join(';', _sources))}</RestoreAdditionalProjectSources>
              </PropertyGroup>
              <ItemGroup>
            {items}  </ItemGroup>
            </Project>

            """;
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(project)))[..16];
        var folder = Path.Combine(CacheRoot, key);
        var marker = Path.Combine(folder, "restored");
        if (File.Exists(marker))
        {
            return folder;
        }

        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "packages.csproj"), project).ConfigureAwait(false);
        var (exitCode, output) = await RunRestoreAsync(folder).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new CellRejectedException(output.TrimEnd());
        }

        await File.WriteAllTextAsync(marker, DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture)).ConfigureAwait(false);
        return folder;
    }

    private static async Task<(int ExitCode, string Output)> RunRestoreAsync(string folder)
    {
        var start = new ProcessStartInfo(DotnetHost.Path)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "restore", "packages.csproj", "--nologo", "-v", "q" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet restore did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        return (process.ExitCode, await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
    }
}

/// <summary>What a restore adds: the packages' managed assemblies, their native libraries for this machine, and the kernel's display.</summary>
internal sealed record RestoredPackages(
    IReadOnlyList<string> ManagedAssemblies, IReadOnlyList<string> NativeLibraries, IReadOnlyList<KeyValuePair<string, string>> Display);
