using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AsyncLab;

/// <summary>Reads a script's JSON result into a C# record: snake_case JSON names, PascalCase properties, no silent gaps.</summary>
internal static class PythonJson
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The object as a <typeparamref name="T"/>.</summary>
    /// <exception cref="InvalidOperationException">A non-nullable property has no JSON counterpart, or a value has the wrong type.</exception>
    public static T Read<T>(JsonElement json, string scriptPath) where T : class
    {
        var names = json.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .Where(p => !names.Contains(JsonName(p)) && !IsNullable(p))
            .Select(p => $"{p.Name} (\"{JsonName(p)}\")")
            .ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"{scriptPath} printed no value for {typeof(T).Name}.{string.Join(", ", missing)}; " +
                                                $"its JSON has: {string.Join(", ", names)}. Make the property nullable if the script may leave it out.");
        try
        {
            return json.Deserialize<T>(s_options)
                ?? throw new InvalidOperationException($"{scriptPath} printed null, not a {typeof(T).Name}.");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{scriptPath}: its JSON does not fit {typeof(T).Name}: {e.Message}", e);
        }
    }

    private static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? s_options.PropertyNamingPolicy!.ConvertName(property.Name);

    private static bool IsNullable(PropertyInfo property) =>
        Nullable.GetUnderlyingType(property.PropertyType) is not null
        || (!property.PropertyType.IsValueType && new NullabilityInfoContext().Create(property).ReadState != NullabilityState.NotNull);
}
