using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NotebookRunner.Documents;

namespace NotebookRunner.Testing;

/// <summary>Reads and validates <c>notebook_runner</c> metadata; any mistake is a <see cref="NotebookFormatException"/> naming the file and cell.</summary>
internal static class DirectiveParser
{
    private static readonly string[] CellKeys = ["skip", "timeout", "expect_exception", "outputs", "pattern", "mutations"];
    private static readonly string[] MutationKeys = ["find", "replace", "fails"];
    private static readonly string[] NotebookKeys = ["sanitizers", "outputs", "timeout", "cell_timeout", "run_alone"];

    public static NotebookSettings ParseNotebook(NotebookDocument document)
    {
        if (document.Metadata[CellDirectives.MetadataKey] is not { } node)
        {
            return NotebookSettings.Default;
        }

        var where = new Where(document.Path, null, "notebook metadata");
        var obj = RequireObject(node, where);
        RejectUnknownKeys(obj, NotebookKeys, where);
        return new NotebookSettings(
            obj["sanitizers"] is { } rules ? ParseSanitizers(rules, where) : Sanitizer.Default,
            obj["outputs"] is { } outputs ? ParseMode(outputs, where) : OutputMode.Exact,
            Seconds(obj["timeout"], "timeout", where),
            Seconds(obj["cell_timeout"], "cell_timeout", where),
            obj["run_alone"] is { } alone ? Bool(alone, "run_alone", where) : false);
    }

    public static CellDirectives ParseCell(NotebookDocument document, NotebookCell cell, NotebookSettings settings)
    {
        if (cell.Metadata[CellDirectives.MetadataKey] is not { } node)
        {
            return new CellDirectives(Outputs: settings.Outputs);
        }

        var where = new Where(document.Path, cell.FileLine, $"cell {cell.Index + 1}");
        var obj = RequireObject(node, where);
        RejectUnknownKeys(obj, CellKeys, where);

        string? skip = null;
        if (obj.ContainsKey("skip"))
        {
            skip = obj["skip"] is JsonValue v && v.TryGetValue<string>(out var reason) && reason.Trim().Length > 0
                ? reason
                : throw where.Error("'skip' needs a reason: write \"skip\": \"why this cell is not run\"");
        }

        var pattern = obj["pattern"] is { } p ? ParseRegex(Text(p, "pattern", where), where) : null;
        var mode = obj["outputs"] is { } o ? ParseMode(o, where) : pattern is not null ? OutputMode.Pattern : settings.Outputs;
        if (mode == OutputMode.Pattern && pattern is null)
        {
            throw where.Error("\"outputs\": \"pattern\" needs a \"pattern\" (a regular expression the cell's text output must match)");
        }

        return new CellDirectives(
            skip,
            Seconds(obj["timeout"], "timeout", where),
            obj["expect_exception"] is { } e ? Text(e, "expect_exception", where) : null,
            mode,
            pattern)
        {
            Mutations = obj["mutations"] is { } m ? ParseMutations(m, cell.Index + 1, where) : [],
        };
    }

    // "mutations": [{"find": "...", "replace": "...", "fails": "claim"}, ...]: one-line changes, each breaking one claim.
    private static List<Mutation> ParseMutations(JsonNode node, int cellNumber, Where where)
    {
        const string shape = "'mutations' must be an array of {\"find\", \"replace\", \"fails\"} objects";
        if (node is not JsonArray items || items.Count == 0)
        {
            throw where.Error(shape);
        }

        var mutations = new List<Mutation>();
        foreach (var item in items)
        {
            var at = where with { Prefix = $"mutation {mutations.Count + 1}: " };
            if (item is not JsonObject mutation)
            {
                throw at.Error(shape);
            }

            RejectUnknownKeys(mutation, MutationKeys, at);
            string Field(string key, bool mayBeEmpty)
            {
                var value = mutation[key] is { } v ? Text(v, key, at) : throw at.Error($"'{key}' is required ({shape})");
                if (value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal))
                {
                    throw at.Error($"'{key}' must be one line: a mutation is a one-line change");
                }

                return mayBeEmpty || value.Trim().Length > 0 ? value : throw at.Error($"'{key}' must not be empty");
            }

            mutations.Add(new Mutation(cellNumber, mutations.Count + 1, Field("find", false), Field("replace", true), Field("fails", false)));
        }

        return mutations;
    }

    private static Sanitizer ParseSanitizers(JsonNode node, Where where)
    {
        if (node is not JsonArray items)
        {
            throw where.Error("'sanitizers' must be an array of rule names or {\"name\", \"pattern\", \"replacement\"} objects");
        }

        var rules = new List<SanitizerRule>();
        foreach (var item in items)
        {
            switch (item)
            {
                case JsonValue v when v.TryGetValue<string>(out var name):
                    rules.Add(BuiltInSanitizers.Find(name)
                              ?? throw where.Error($"unknown sanitizer '{name}'; built-in rules: {string.Join(", ", BuiltInSanitizers.All.Select(r => r.Name))}"));
                    break;
                case JsonObject custom:
                    var ruleName = custom["name"] is { } n ? Text(n, "sanitizers[].name", where) : "custom";
                    var regex = ParseRegex(custom["pattern"] is { } pat ? Text(pat, "sanitizers[].pattern", where)
                                                                        : throw where.Error($"sanitizer '{ruleName}' needs a \"pattern\""), where);
                    rules.Add(new SanitizerRule(ruleName, regex, custom["replacement"] is { } r ? Text(r, "sanitizers[].replacement", where) : "<sanitized>"));
                    break;
                default:
                    throw where.Error("each sanitizer must be a rule name or an object {\"name\", \"pattern\", \"replacement\"}");
            }
        }

        return new Sanitizer(rules);
    }

    private static OutputMode ParseMode(JsonNode node, Where where) =>
        Text(node, "outputs", where) switch
        {
            "exact" => OutputMode.Exact,
            "ignore" => OutputMode.Ignore,
            "pattern" => OutputMode.Pattern,
            "kinds" => OutputMode.Kinds,
            var other => throw where.Error($"'outputs' is '{other}'; expected exact, ignore, pattern or kinds"),
        };

    private static Regex ParseRegex(string pattern, Where where)
    {
        try
        {
            return new Regex(pattern, RegexOptions.Multiline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));
        }
        catch (ArgumentException e)
        {
            throw where.Error($"invalid regular expression '{pattern}': {e.Message}");
        }
    }

    private static TimeSpan? Seconds(JsonNode? node, string key, Where where)
    {
        if (node is null)
        {
            return null;
        }

        return node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.GetValue<double>() is var s && s > 0
            ? TimeSpan.FromSeconds(s)
            : throw where.Error($"'{key}' must be a positive number of seconds, not {node.ToJsonString()}");
    }

    private static bool Bool(JsonNode node, string key, Where where) =>
        node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? v.GetValue<bool>()
            : throw where.Error($"'{key}' must be true or false");

    private static string Text(JsonNode node, string key, Where where) =>
        node is JsonValue v && v.TryGetValue<string>(out var s)
            ? s
            : throw where.Error($"'{key}' must be a string, not {node.ToJsonString()}");

    private static JsonObject RequireObject(JsonNode node, Where where) =>
        node as JsonObject ?? throw where.Error($"'{CellDirectives.MetadataKey}' must be an object");

    private static void RejectUnknownKeys(JsonObject obj, string[] known, Where where)
    {
        foreach (var key in obj.Select(p => p.Key).Where(k => !known.Contains(k)))
        {
            throw where.Error($"unknown directive '{key}'; known: {string.Join(", ", known)}");
        }
    }

    private sealed record Where(string Path, int? Line, string What, string Prefix = "")
    {
        public NotebookFormatException Error(string problem) =>
            new(Path, Line, null, string.Create(CultureInfo.InvariantCulture, $"{What}: invalid {CellDirectives.MetadataKey} metadata: {Prefix}{problem}"));
    }
}
