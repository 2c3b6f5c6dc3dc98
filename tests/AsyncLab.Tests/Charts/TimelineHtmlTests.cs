using System.Text.RegularExpressions;

namespace AsyncLab.Tests.Charts;

public partial class TimelineHtmlTests
{
    [Fact]
    public void Loads_plotly_like_plotly_net_through_a_private_requirejs_context()
    {
        var html = SampleTimelines.Interleaving().ToHtml();

        Assert.Contains("paths: { plotly: 'https://cdn.plot.ly/plotly-2.27.1.min' }", html);
        Assert.Contains("context: 'asynclab-plotly'", html);
        Assert.Contains("https://cdnjs.cloudflare.com/ajax/libs/require.js/2.3.6/require.min.js", html);
        Assert.DoesNotContain("plotly-2.27.1.min.js", html);
    }

    [Fact]
    public void Contains_the_static_svg_and_a_plot_div_with_the_same_unique_id()
    {
        var first = SampleTimelines.Interleaving().ToHtml();
        var second = SampleTimelines.Interleaving().ToHtml();
        var id = ChartId().Match(first).Groups[1].Value;

        Assert.Contains($"id=\"{id}-static\"><svg ", first);
        Assert.Contains($"id=\"{id}-plot\"", first);
        Assert.Equal(8, Regex.Count(first, "<rect class=\"bar "));
        Assert.NotEqual(id, ChartId().Match(second).Groups[1].Value);
    }

    [Fact]
    public void Hostile_names_cannot_close_the_script_or_add_markup()
    {
        var html = SampleTimelines.Hostile().ToHtml();

        // The inert figure JSON and the script: nothing a name carries can open or close a third.
        Assert.Equal(2, Regex.Count(html, "<script", RegexOptions.IgnoreCase));
        Assert.Equal(2, Regex.Count(html, "</script", RegexOptions.IgnoreCase));
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<b ", html);
        // U+2028 ends a line inside a JavaScript string in older engines; in HTML text it is harmless.
        var script = html[html.IndexOf("<script", StringComparison.Ordinal)..];
        Assert.DoesNotContain("\u2028", script);
        Assert.Contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Fact]
    public void SaveHtml_writes_a_complete_page()
    {
        var path = Path.Combine(Path.GetTempPath(), $"timeline-{Guid.NewGuid():N}.html");
        try
        {
            SampleTimelines.Hostile().SaveHtml(path);
            var page = File.ReadAllText(path);

            Assert.StartsWith("<!DOCTYPE html>", page);
            Assert.Contains("<title>&lt;b onmouseover=alert(3)&gt;title&lt;/b&gt;</title>", page);
            Assert.Contains("class=\"asynclab-timeline\"", page);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [GeneratedRegex("class=\"asynclab-timeline\" id=\"([a-z0-9]+)\"")]
    private static partial Regex ChartId();
}
