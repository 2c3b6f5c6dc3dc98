using System.Text.Json;

namespace AsyncLab;

/// <summary>
/// The JSON object a companion Python script printed, or a skipped comparison when no interpreter was found.
/// Index it like the object: <c>result["elapsed"].GetDouble()</c>.
/// </summary>
public sealed class PythonResult
{
    private readonly JsonElement _json;

    private PythonResult(JsonElement json, string? skipReason)
    {
        _json = json;
        SkipReason = skipReason;
    }

    /// <summary>True when the comparison was skipped (no Python); <see cref="SkipReason"/> says why.</summary>
    public bool Skipped => SkipReason is not null;

    /// <summary>Why the comparison was skipped, or null.</summary>
    public string? SkipReason { get; }

    /// <summary>The whole JSON object the script printed; when skipped, <c>{"skipped": "&lt;reason&gt;"}</c>, so a lesson can test <c>Json.TryGetProperty("skipped", ...)</c>.</summary>
    public JsonElement Json => _json;

    /// <summary>A property of the printed object.</summary>
    /// <exception cref="KeyNotFoundException">The object has no such property; the message lists those it has.</exception>
    public JsonElement this[string name] =>
        Json.TryGetProperty(name, out var value)
            ? value
            : throw new KeyNotFoundException(Skipped
                ? $"The Python comparison was skipped ({SkipReason}), so there is no '{name}'."
                : $"The script's JSON has no '{name}'; it has: {string.Join(", ", Json.EnumerateObject().Select(p => p.Name))}.");

    /// <summary>A numeric property, or null when the comparison was skipped (for "Python measured" columns).</summary>
    public double? Number(string name) => Skipped ? null : this[name].GetDouble();

    /// <summary>The JSON text, or the skip reason.</summary>
    public override string ToString() => Skipped ? "skipped: " + SkipReason : _json.GetRawText();

    internal static PythonResult From(JsonElement json) => new(json.Clone(), null);

    internal static PythonResult Skip(string reason) =>
        new(JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["skipped"] = reason }), reason);
}
