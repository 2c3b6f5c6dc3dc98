using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace NotebookRunner.Execution.Engines.Roslyn;

/// <summary>
/// The .NET Interactive convention for types that format themselves without referencing its Formatting package:
/// an attribute whose simple name is <c>TypeFormatterSourceAttribute</c> names a formatter source whose
/// <c>CreateTypeFormatters()</c> returns objects with a <c>MimeType</c> and a <c>bool Format(object, TextWriter)</c>.
/// Looked up once per type, by reflection, exactly as the kernel does.
/// </summary>
internal static class FormatterSourceConvention
{
    private static readonly ConcurrentDictionary<Type, Registration?> Cache = new();

    /// <summary>The formatters and preferred MIME types a type declares, or null when it declares none.</summary>
    public static Registration? For(Type type) => Cache.GetOrAdd(type, Discover);

    private static Registration? Discover(Type type)
    {
        var attribute = type.GetCustomAttributes(inherit: true)
            .FirstOrDefault(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        if (attribute is null
            || attribute.GetType().GetProperty("FormatterSourceType")?.GetValue(attribute) is not Type sourceType)
        {
            return null;
        }

        var preferred = attribute.GetType().GetProperty("PreferredMimeTypes")?.GetValue(attribute) as string[] ?? [];
        var source = Activator.CreateInstance(sourceType);
        var formatters = new List<Formatter>();
        if (sourceType.GetMethod("CreateTypeFormatters", Type.EmptyTypes)?.Invoke(source, null) is IEnumerable created)
        {
            foreach (var candidate in created)
            {
                if (candidate is not null && Formatter.TryCreate(candidate, type) is { } formatter)
                {
                    formatters.Add(formatter);
                }
            }
        }

        return new Registration(preferred, formatters);
    }

    /// <summary>What a type declared: its preferred MIME types and its formatters.</summary>
    internal sealed record Registration(string[] PreferredMimeTypes, IReadOnlyList<Formatter> Formatters)
    {
        /// <summary>Formats <paramref name="value"/> as <paramref name="mimeType"/>, or null when no formatter handled it.</summary>
        public string? TryFormat(object value, string mimeType)
        {
            foreach (var formatter in Formatters)
            {
                if (formatter.MimeType == mimeType && formatter.Type.IsInstanceOfType(value))
                {
                    using var writer = new StringWriter();
                    if (formatter.Format(value, writer))
                    {
                        return writer.ToString();
                    }
                }
            }

            return null;
        }
    }

    /// <summary>One formatter object seen through its public <c>MimeType</c>, <c>Type</c> and <c>Format</c> members.</summary>
    internal sealed record Formatter(string MimeType, Type Type, Func<object, TextWriter, bool> Format)
    {
        public static Formatter? TryCreate(object candidate, Type attributedType)
        {
            var kind = candidate.GetType();
            if (kind.GetProperty("MimeType")?.GetValue(candidate) is not string mimeType)
            {
                return null;
            }

            MethodInfo? format;
            try
            {
                format = kind.GetMethod("Format");
            }
            catch (AmbiguousMatchException)
            {
                return null;
            }

            var parameters = format?.GetParameters();
            if (format is null || format.ReturnType != typeof(bool) || parameters is not { Length: 2 }
                || !parameters[0].ParameterType.IsAssignableFrom(typeof(object))
                || !parameters[1].ParameterType.IsAssignableFrom(typeof(TextWriter)))
            {
                return null;
            }

            var formattedType = kind.GetProperty("Type")?.GetValue(candidate) as Type ?? attributedType;
            return new Formatter(mimeType, formattedType, (value, writer) => (bool)format.Invoke(candidate, [value, writer])!);
        }
    }
}
