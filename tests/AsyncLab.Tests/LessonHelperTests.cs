using AsyncLab;

namespace AsyncLab.Tests;

public class ComparisonTableTests
{
    private const string Hostile = "</script><script>alert(1)</script>";

    [Fact]
    public void Html_escapes_hostile_text_in_every_cell()
    {
        var table = new ComparisonTable(Hostile).Add(Hostile, "a & b", "<1 s", "\"2\" s", Hostile);
        var html = table.ToHtml();
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("</script>", html);
        Assert.Contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("a &amp; b", html);
        Assert.Equal(5, html.Split("<td").Length - 1);
    }

    [Fact]
    public void Text_aligns_columns_and_keeps_rows_on_one_line()
    {
        var text = new ComparisonTable().Add("gather ≈ max", "3 s", "3.0 s", "3.0 s", "confirmed")
            .Add("multi\nline", "x", "skipped", "y", "inconclusive").ToText();
        var lines = text.TrimEnd().Split(Environment.NewLine);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("claim", lines[0]);
        Assert.Contains("multi line", lines[3]);
        Assert.Equal(lines[0].IndexOf('|'), lines[2].IndexOf('|'));
    }

    [Fact]
    public void Renders_through_the_TypeFormatterSource_convention()
    {
        var attribute = typeof(ComparisonTable).GetCustomAttributes(true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
        var mimes = (string[])attribute.GetType().GetProperty("PreferredMimeTypes")!.GetValue(attribute)!;
        Assert.Equal(["text/html", "text/plain"], mimes);
        var source = Activator.CreateInstance(sourceType)!;
        var formatters = ((System.Collections.IEnumerable)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(source, null)!).Cast<object>().ToList();
        var table = new ComparisonTable().Add("c", "a", "p", "s", "v");
        foreach (var formatter in formatters)
        {
            var mime = (string)formatter.GetType().GetProperty("MimeType")!.GetValue(formatter)!;
            var writer = new StringWriter();
            Assert.True((bool)formatter.GetType().GetMethod("Format")!.Invoke(formatter, [table, writer])!);
            Assert.Equal(mime == "text/html" ? table.ToHtml() : table.ToText(), writer.ToString());
        }
        Assert.Equal(2, formatters.Count);
    }
}

public class HeartbeatTests
{
    [Fact]
    public void A_blocked_loop_shows_as_a_long_gap()
    {
        var trace = new Trace();
        var result = EventLoop.Run(async () =>
        {
            using var stop = new CancellationTokenSource();
            var heartbeat = Heartbeat.RunAsync(trace, "heartbeat", TimeSpan.FromMilliseconds(20), stop.Token);
            await Task.Delay(150);
            Thread.Sleep(300); // blocks the loop: no beat can run
            await Task.Delay(150);
            stop.Cancel();
            return await heartbeat;
        });
        Assert.True(result.Beats >= 2, $"beats {result.Beats}");
        Assert.True(result.LongestGap >= TimeSpan.FromMilliseconds(250), $"gap {result.LongestGap}");
        Assert.Equal(result.Beats, trace.Marks.Count(m => m.Lane == "heartbeat"));
    }
}

public class TplCaptureTests
{
    [Fact]
    public async Task Some_task_activity_is_recorded()
    {
        var trace = new Trace();
        using (var capture = TplCapture.Start(trace))
        {
            Assert.True(capture.IsActive, "TplEventSource not found in this runtime");
            await Task.WhenAll(Worker(), Worker());
        }
        Assert.NotEmpty(trace.Segments);

        static async Task Worker()
        {
            for (var i = 0; i < 3; i++)
                await Task.Delay(5);
        }
    }
}
