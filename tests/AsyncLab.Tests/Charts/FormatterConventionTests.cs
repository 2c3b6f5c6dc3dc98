using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using AsyncLab;

namespace AsyncLab.Tests.Charts;

/// <summary>
/// Imitates what .NET Interactive does with a type it has no formatter for (polyglot-compat §3.1): find an attribute by the
/// simple name TypeFormatterSourceAttribute, create the source, call CreateTypeFormatters, compile each formatter's single
/// Format method into a delegate and call it. A change that breaks the convention breaks rendering in VS Code silently;
/// here it fails a test.
/// </summary>
public class FormatterConventionTests
{
    private sealed record ConventionFormatter(string MimeType, Func<object, TextWriter, bool> Format);

    private static (string[] PreferredMimeTypes, List<ConventionFormatter> Formatters) Discover(Type type)
    {
        var attribute = type.GetCustomAttributes(inherit: true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var attributeType = attribute.GetType();
        var sourceType = (Type)attributeType.GetProperty("FormatterSourceType")!.GetValue(attribute)!;
        var preferred = (string[])attributeType.GetProperty("PreferredMimeTypes")!.GetValue(attribute)!;

        var source = Activator.CreateInstance(sourceType)!;
        var created = (IEnumerable)sourceType.GetMethod("CreateTypeFormatters", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes)!.Invoke(source, null)!;
        var formatters = new List<ConventionFormatter>();
        foreach (var formatter in created)
        {
            var formatterType = formatter.GetType();
            var mimeType = (string)formatterType.GetProperty("MimeType")!.GetValue(formatter)!;
            // GetMethod by name alone throws AmbiguousMatchException when there is more than one Format: that is the rule.
            var format = formatterType.GetMethod("Format")!;
            var value = Expression.Parameter(typeof(object));
            var writer = Expression.Parameter(typeof(TextWriter));
            var call = Expression.Call(Expression.Constant(formatter), format, value, writer);
            formatters.Add(new ConventionFormatter(mimeType, Expression.Lambda<Func<object, TextWriter, bool>>(call, value, writer).Compile()));
        }
        return (preferred, formatters);
    }

    [Fact]
    public void Timeline_prefers_html_with_a_plain_text_alternative()
    {
        var (preferred, formatters) = Discover(typeof(Timeline));

        Assert.Equal(["text/html", "text/plain"], preferred);
        Assert.Equal(["text/html", "text/plain"], formatters.Select(f => f.MimeType));
    }

    [Fact]
    public void Formatters_write_the_timeline_renderings()
    {
        var timeline = SampleTimelines.Interleaving();
        var (_, formatters) = Discover(typeof(Timeline));

        foreach (var formatter in formatters)
        {
            using var writer = new StringWriter();
            Assert.True(formatter.Format(timeline, writer));
            if (formatter.MimeType == "text/html")
                Assert.StartsWith("<div class=\"asynclab-timeline\"", writer.ToString());
            else
                Assert.Equal(timeline.ToText(), writer.ToString());
        }
    }

    public static TheoryData<object> CodeValues() => new()
    {
        AsyncLab.Code.CSharp("await Task.Delay(1);"),
        AsyncLab.Code.SideBySide(AsyncLab.Code.CSharp("a"), AsyncLab.Code.CSharp("b")),
    };

    [Theory]
    [MemberData(nameof(CodeValues))]
    public void Code_renders_as_html_with_a_plain_text_alternative(object code)
    {
        var (preferred, formatters) = Discover(code.GetType());

        Assert.Equal(["text/html", "text/plain"], preferred);
        foreach (var formatter in formatters)
        {
            using var writer = new StringWriter();
            Assert.True(formatter.Format(code, writer));
            Assert.StartsWith(formatter.MimeType == "text/html" ? "<" : code.ToString()!, writer.ToString());
        }
    }

    [Fact]
    public void Formatters_decline_values_that_do_not_render_themselves()
    {
        var (_, formatters) = Discover(typeof(Timeline));
        using var writer = new StringWriter();

        Assert.All(formatters, f => Assert.False(f.Format("not a chart", writer)));
        Assert.Equal("", writer.ToString());
    }
}
