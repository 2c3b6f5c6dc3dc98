namespace AsyncLab.Benchmarks;

/// <summary>Time to build each rendering of a timeline with many segments (goal: JSON &lt; 50 ms, SVG &lt; 100 ms for 10k).</summary>
internal static class ChartBenchmarks
{
    public static IEnumerable<(string Name, Sample Sample)> Run(int segments)
    {
        var timeline = Timeline.From(Segments(segments), Marks(segments / 100), $"{segments:N0} segments");
        yield return ($"chart JSON, {segments:N0} segments", Sample.Of(5, 1, () => timeline.ToPlotlyJson()));
        yield return ($"chart SVG, {segments:N0} segments", Sample.Of(5, 1, () => timeline.ToSvg()));
        yield return ($"chart HTML (SVG + JSON), {segments:N0} segments", Sample.Of(5, 1, () => timeline.ToHtml()));
        yield return ($"chart text, {segments:N0} segments", Sample.Of(5, 1, () => timeline.ToText()));
    }

    /// <summary>20 lanes alternating 1 ms running and 3 ms waiting, as a busy trace under the event loop looks.</summary>
    private static IEnumerable<Segment> Segments(int count)
    {
        const int lanes = 20;
        for (var i = 0; i < count; i++)
        {
            var lane = i % lanes;
            var step = i / lanes;
            var start = (step * 4.0) + (lane * 0.05);
            yield return step % 2 == 0
                ? new Segment($"task {lane}", "run", SegmentState.Running, start, start + 1, 1)
                : new Segment($"task {lane}", "await", SegmentState.Waiting, start - 3, start, 0);
        }
    }

    private static IEnumerable<TraceMark> Marks(int count) =>
        Enumerable.Range(0, count).Select(i => new TraceMark($"task {i % 20}", "tick", i * 10.0, 1));
}
