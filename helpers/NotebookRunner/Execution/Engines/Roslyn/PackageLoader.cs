using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace NotebookRunner.Execution.Engines.Roslyn;

/// <summary>
/// Loads the assemblies of restored packages into the default load context and finds their native libraries.
/// Loading them up front gives a package and the assemblies it finds by name at run time (Microsoft.Data.Sqlite's
/// <c>Assembly.Load("SQLitePCLRaw.batteries_v2")</c>) one shared copy; left to the script loader, each package folder
/// gets a load context of its own and such a lookup fails. Native files live in <c>runtimes/&lt;rid&gt;/native</c>,
/// where the runtime's own probing never looks.
/// </summary>
internal static class PackageLoader
{
    private static readonly ConcurrentDictionary<string, string> NativeByFileName = new(StringComparer.Ordinal);

    /// <summary>Simple names the runtime already provides (framework and the runner's own dependencies); those win over a package's copy.</summary>
    private static readonly HashSet<string> PlatformAssemblies =
        ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    static PackageLoader() => AssemblyLoadContext.Default.ResolvingUnmanagedDll += ResolveNative;

    /// <summary>The portable runtime identifier (<c>linux-x64</c>, <c>osx-arm64</c>, ...) packages are restored for.</summary>
    public static string RuntimeIdentifier { get; } = PortableRuntimeIdentifier();

    /// <summary>
    /// Loads the packages' assemblies that neither the runtime nor an earlier restore provides, and makes their native
    /// libraries findable. Returns the loaded assemblies, which later cells compile against.
    /// </summary>
    public static IReadOnlyList<Assembly> Load(RestoredPackages packages)
    {
        foreach (var path in packages.NativeLibraries)
        {
            NativeByFileName.TryAdd(Path.GetFileName(path), path);
        }

        var loaded = new List<Assembly>();
        foreach (var path in packages.ManagedAssemblies)
        {
            var name = AssemblyName.GetAssemblyName(path).Name!;
            var alreadyThere = PlatformAssemblies.Contains(name)
                || AssemblyLoadContext.Default.Assemblies.Any(a => string.Equals(a.GetName().Name, name, StringComparison.OrdinalIgnoreCase));
            if (!alreadyThere)
            {
                loaded.Add(AssemblyLoadContext.Default.LoadFromAssemblyPath(path));
            }
        }

        return loaded;
    }

    private static IntPtr ResolveNative(Assembly requester, string libraryName)
    {
        foreach (var fileName in NativeFileNames(libraryName))
        {
            if (NativeByFileName.TryGetValue(fileName, out var path))
            {
                return NativeLibrary.Load(path);
            }
        }

        return IntPtr.Zero;
    }

    /// <summary>The file names a <c>DllImport("name")</c> may mean: as written, and with each platform's prefix and suffix.</summary>
    private static IEnumerable<string> NativeFileNames(string libraryName)
    {
        yield return libraryName;
        foreach (var prefix in new[] { "", "lib" })
        {
            foreach (var suffix in new[] { ".so", ".dylib", ".dll" })
            {
                yield return prefix + libraryName + suffix;
            }
        }
    }

    private static string PortableRuntimeIdentifier()
    {
        var os = OperatingSystem.IsWindows() ? "win"
            : OperatingSystem.IsMacOS() ? "osx"
            : RuntimeInformation.RuntimeIdentifier.Contains("musl", StringComparison.Ordinal) ? "linux-musl"
            : "linux";
        return $"{os}-{RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()}";
    }
}
