using System.Runtime.InteropServices;

namespace NotebookRunner.Execution;

/// <summary>Finds the <c>dotnet</c> host that runs this process, to start the worker and <c>dotnet restore</c> with it.</summary>
internal static class DotnetHost
{
    /// <summary>The full path of the <c>dotnet</c> executable.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } fromSdk && File.Exists(fromSdk))
        {
            return fromSdk;
        }

        // The runtime lives in <root>/shared/Microsoft.NETCore.App/<version>/; the host sits in <root>.
        var root = System.IO.Path.GetFullPath(System.IO.Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var candidate = System.IO.Path.Combine(root, name);
        return File.Exists(candidate) ? candidate : name;
    }
}
