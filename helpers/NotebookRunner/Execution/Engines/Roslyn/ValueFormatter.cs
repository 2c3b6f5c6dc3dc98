using System.Collections;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace NotebookRunner.Execution.Engines.Roslyn;

/// <summary>
/// Turns a value into MIME-typed text the way the kernel's formatters do: the type's own formatter source first,
/// then <c>IHtmlContent</c> markup, then strings as <c>text/plain</c> and everything else as HTML only: the kernel VS Code
/// runs prefers HTML for every type but string, and VS Code stores exactly the MIME types the kernel sends.
/// </summary>
internal static class ValueFormatter
{
    /// <summary>What the kernel shows for null.</summary>
    public const string NullText = "<null>";

    private const string HtmlContentInterface = "Microsoft.AspNetCore.Html.IHtmlContent";
    private const int ListLimit = 20;

    /// <summary>Formats <paramref name="value"/> with <paramref name="mimeTypes"/>, or with its preferred ones when none are given.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Format(object? value, string[] mimeTypes)
    {
        var types = mimeTypes.Length > 0 ? mimeTypes : PreferredMimeTypes(value);
        return [.. types.Distinct(StringComparer.Ordinal).Select(mime => new KeyValuePair<string, string>(mime, FormatAs(value, mime)))];
    }

    private static string[] PreferredMimeTypes(object? value) => value switch
    {
        string => ["text/plain"],
        HtmlString => ["text/html"],
        null => ["text/html"],
        _ when FormatterSourceConvention.For(value.GetType()) is { PreferredMimeTypes.Length: > 0 } registration
            => registration.PreferredMimeTypes,
        _ when IsHtmlContent(value) => ["text/html"],
        _ => ["text/html"],
    };

    private static string FormatAs(object? value, string mimeType)
    {
        if (value is null)
        {
            return mimeType == "text/html" ? PlainTextHtml(NullText) : NullText;
        }

        if (FormatterSourceConvention.For(value.GetType())?.TryFormat(value, mimeType) is { } own)
        {
            return own;
        }

        return mimeType switch
        {
            "text/html" when value is HtmlString html => html.Value,
            "text/html" when IsHtmlContent(value) => WriteHtmlContent(value),
            "text/html" => Html(value, depth: 0),
            "application/json" => JsonSerializer.Serialize(value, value.GetType()),
            _ => PlainText(value),
        };
    }

    private static bool IsHtmlContent(object value) =>
        value.GetType().GetInterfaces().Any(i => i.FullName == HtmlContentInterface);

    private static string WriteHtmlContent(object value)
    {
        var writeTo = value.GetType().GetInterfaces().First(i => i.FullName == HtmlContentInterface).GetMethod("WriteTo")!;
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        writeTo.Invoke(value, [writer, System.Text.Encodings.Web.HtmlEncoder.Default]);
        return writer.ToString();
    }

    /// <summary>Plain text: scalars by <c>ToString</c>, sequences as <c>[ a, b ]</c>, objects as <c>{ Name: value }</c>.</summary>
    public static string PlainText(object? value) => value switch
    {
        null => NullText,
        string s => s,
        _ when IsScalar(value) => Convert.ToString(value, CultureInfo.CurrentCulture) ?? "",
        IEnumerable sequence => "[ " + string.Join(", ", Take(sequence).Select(PlainText)) + (Count(sequence) > ListLimit ? " ... ]" : " ]"),
        _ when HasOwnToString(value) => value.ToString() ?? "",
        _ => "{ " + string.Join(", ", Members(value).Select(m => $"{m.Name}: {PlainText(m.Value)}")) + " }",
    };

    private static string Html(object? value, int depth)
    {
        // The kernel shows a sequence of scalars as its plain-text list, [ 1, 2, 3 ].
        if (value is null || IsScalar(value) || depth > 2 || (value is IEnumerable scalars && scalars.Cast<object?>().All(v => v is null || IsScalar(v))))
        {
            return PlainTextHtml(PlainText(value));
        }

        var body = new StringBuilder();
        if (value is IEnumerable sequence)
        {
            body.Append("<table><thead><tr><th><i>index</i></th><th>value</th></tr></thead><tbody>");
            var index = 0;
            foreach (var item in Take(sequence))
            {
                body.Append(CultureInfo.InvariantCulture, $"<tr><td>{index++}</td><td>{Html(item, depth + 1)}</td></tr>");
            }

            if (Count(sequence) > ListLimit)
            {
                body.Append("<tr><td colspan=\"2\"><i>(more)</i></td></tr>");
            }
        }
        else if (HasOwnToString(value) && depth > 0)
        {
            return PlainTextHtml(PlainText(value));
        }
        else
        {
            body.Append("<table><thead><tr><th>name</th><th>value</th></tr></thead><tbody>");
            foreach (var (name, member) in Members(value))
            {
                body.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(name)}</td><td>{Html(member, depth + 1)}</td></tr>");
            }
        }

        return body.Append("</tbody></table>").ToString();
    }

    private static string PlainTextHtml(string text) => $"<div class=\"dni-plaintext\"><pre>{Encode(text)}</pre></div>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static bool IsScalar(object value) =>
        value.GetType().IsPrimitive || value is string or decimal or DateTime or DateTimeOffset or TimeSpan or Guid or Enum or Type or Uri;

    private static bool HasOwnToString(object value) =>
        value.GetType().GetMethod("ToString", Type.EmptyTypes)?.DeclaringType is { } declaring
        && declaring != typeof(object) && declaring != typeof(ValueType);

    private static IEnumerable<object?> Take(IEnumerable sequence) => sequence.Cast<object?>().Take(ListLimit);

    private static int Count(IEnumerable sequence) => sequence is ICollection collection ? collection.Count : sequence.Cast<object?>().Take(ListLimit + 1).Count();

    private static IEnumerable<(string Name, object? Value)> Members(object value)
    {
        foreach (var property in value.GetType().GetProperties(BindingFlags.Instance | BindingFlags.Public))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            object? member;
            try
            {
                member = property.GetValue(value);
            }
            catch (TargetInvocationException e)
            {
                member = e.InnerException?.Message;
            }

            yield return (property.Name, member);
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public))
        {
            yield return (field.Name, field.GetValue(value));
        }
    }
}
