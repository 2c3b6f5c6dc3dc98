using AsyncLab.Charts;
using AsyncLab.Formatting;

namespace AsyncLab;

/// <summary>
/// A chart of which task (or thread) ran when, waited or blocked: one row per lane, one bar per segment, marks as points.
/// Renders as interactive HTML (plotly.js from the CDN with a static SVG inside for viewers that run no script),
/// as standalone SVG, as plotly figure JSON and as text.
/// </summary>
/// <remarks>
/// As the last expression of a notebook cell a timeline renders as HTML with a <c>text/plain</c> alternative. It does so
/// through the <c>TypeFormatterSourceAttribute</c> naming convention that .NET Interactive and our runner both implement,
/// so AsyncLab needs no formatting package. Any AsyncLab type renders the same way by implementing the internal
/// <c>IRendersAs</c> interface (<c>ToHtml()</c>, <c>ToText()</c>) and carrying
/// <c>[TypeFormatterSource(typeof(RendersAsFormatterSource), PreferredMimeTypes = new[] { "text/html", "text/plain" })]</c>.
/// Options are plain properties: set them before rendering.
/// </remarks>
[TypeFormatterSource(typeof(RendersAsFormatterSource), PreferredMimeTypes = new[] { "text/html", "text/plain" })]
public sealed class Timeline : IRendersAs
{
    private int _width = 900;
    private int? _height;
    private TimeSpan? _minimumSpan;

    private Timeline(IReadOnlyList<TimelinePanel> panels, string? title, LaneMode mode)
    {
        if (!Enum.IsDefined(mode))
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown lane mode.");
        PanelList = panels;
        Title = title;
        Mode = mode;
        Segments = panels.Count == 1 ? panels[0].Segments : panels.SelectMany(p => p.Segments).ToArray();
        Marks = panels.Count == 1 ? panels[0].Marks : panels.SelectMany(p => p.Marks).ToArray();
        WakeUps = panels.Count == 1 ? panels[0].WakeUps : panels.SelectMany(p => p.WakeUps).ToArray();
    }

    /// <summary>Creates a timeline of <paramref name="segments"/> and <paramref name="marks"/>, copying both.</summary>
    /// <param name="segments">The intervals to draw; each must have finite times and an end not before its start.</param>
    /// <param name="marks">Points in time drawn on their lane, or null for none.</param>
    /// <param name="title">The chart title, or null for none.</param>
    /// <param name="mode">Rows per task (default), per thread (waiting and queued segments hold no thread, so they have no row), or both.</param>
    /// <param name="wakeUps">Wake-up arrows, or null for none.</param>
    /// <exception cref="ArgumentException">A segment or mark has a non-finite time, or a segment ends before it starts.</exception>
    public static Timeline From(IEnumerable<Segment> segments, IEnumerable<TraceMark>? marks = null, string? title = null,
        LaneMode mode = LaneMode.ByTask, IEnumerable<WakeUp>? wakeUps = null) =>
        new([new TimelinePanel("", segments, marks, wakeUps)], title, mode);

    /// <summary>
    /// Several runs as small multiples: one panel each, one under another, each from its own zero, on one shared time scale
    /// with one legend, so "the same program, three ways" reads down the page.
    /// </summary>
    /// <param name="title">The chart title, or null for none.</param>
    /// <param name="mode">Rows per task, per thread, or both, in every panel.</param>
    /// <param name="panels">The runs, top first.</param>
    /// <exception cref="ArgumentException">No panel was given.</exception>
    public static Timeline Panels(string? title, LaneMode mode, params TimelinePanel[] panels)
    {
        ArgumentNullException.ThrowIfNull(panels);
        if (panels.Length == 0 || panels.Any(p => p is null))
            throw new ArgumentException("A panel chart needs at least one panel, and no null ones.", nameof(panels));
        return new Timeline(panels.ToArray(), title, mode);
    }

    /// <summary>Creates a timeline of everything <paramref name="trace"/> recorded so far.</summary>
    /// <param name="trace">The trace to draw.</param>
    /// <param name="mode">Rows per task (default) or per thread.</param>
    /// <param name="title">The chart title, or null for the trace's title.</param>
    public static Timeline From(Trace trace, LaneMode mode = LaneMode.ByTask, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return From(trace.Segments, trace.Marks, title ?? trace.Title, mode, trace.WakeUps);
    }

    /// <summary>The panels, top first (one, without a caption, for a single run).</summary>
    internal IReadOnlyList<TimelinePanel> PanelList { get; }

    /// <summary>The segments drawn as bars (of every panel).</summary>
    public IReadOnlyList<Segment> Segments { get; }

    /// <summary>The marks drawn as points (of every panel).</summary>
    public IReadOnlyList<TraceMark> Marks { get; }

    /// <summary>The wake-ups ("who woke me?") that can be drawn as arrows (of every panel).</summary>
    public IReadOnlyList<WakeUp> WakeUps { get; }

    /// <summary>
    /// Whether wake-up arrows are drawn: null (default) draws them when there are at most 30, so busy charts stay readable;
    /// true or false decides. The player's captions name the cause either way.
    /// </summary>
    public bool? ShowWakeUps { get; set; }

    /// <summary>Rows per task, per thread, or both.</summary>
    public LaneMode Mode { get; }

    /// <summary>The chart title, or null for none.</summary>
    public string? Title { get; set; }

    /// <summary>Width in pixels of the SVG and of the plotly figure (default 900, at least 300).</summary>
    public int Width
    {
        get => _width;
        set => _width = value >= 300 ? value : throw new ArgumentOutOfRangeException(nameof(Width), value, "A timeline needs at least 300 pixels of width.");
    }

    /// <summary>Height in pixels, or null (default) to grow with the number of rows.</summary>
    public int? Height
    {
        get => _height;
        set => _height = value is null or >= 120 ? value : throw new ArgumentOutOfRangeException(nameof(Height), value, "A timeline needs at least 120 pixels of height.");
    }

    /// <summary>The time axis unit; <see cref="TimelineUnit.Auto"/> (default) picks seconds from a two-second span up.</summary>
    public TimelineUnit TimeUnit { get; set; } = TimelineUnit.Auto;

    /// <summary>
    /// The shortest time the axis spans, or null (default) to end it just after the last event. Give several charts the
    /// same value to draw them on one scale, so that a run twice as long looks twice as long.
    /// </summary>
    public TimeSpan? MinimumSpan
    {
        get => _minimumSpan;
        set => _minimumSpan = value is null || value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(MinimumSpan), value, "A time axis must span a positive time.");
    }

    /// <summary>Colour running bars by state (default) or by the thread that ran them.</summary>
    public TimelineColoring Coloring { get; set; } = TimelineColoring.ByState;

    /// <summary>An HTML fragment: a plotly.js figure loaded from the CDN as Plotly.NET does, over a static SVG shown when no script runs.</summary>
    public string ToHtml() => HtmlTimelineWriter.Write(this);

    /// <summary>A standalone SVG document (no XML declaration, so it can also be inlined into HTML).</summary>
    public string ToSvg() => SvgTimelineWriter.Write(this, SvgTimelineWriter.NewId());

    /// <summary>The plotly.js figure (<c>data</c>, <c>layout</c>, <c>config</c>) as JSON, safe to embed in a script.</summary>
    public string ToPlotlyJson() => PlotlyFigureWriter.Write(this);

    /// <summary>Text for terminals and CI logs: one row per lane, an axis and a legend.</summary>
    /// <param name="width">Total characters per line (at least 40).</param>
    public string ToText(int width = 80) => TextTimelineWriter.Write(this, width);

    string IRendersAs.ToText() => ToText();

    /// <summary>The text rendering (<see cref="ToText(int)"/> with 80 columns).</summary>
    public override string ToString() => ToText();

    /// <summary>Writes <see cref="ToHtml"/> as a complete HTML page to <paramref name="path"/> (atomically).</summary>
    public void SaveHtml(string path) => AtomicFile.WriteAllText(path, HtmlTimelineWriter.WritePage(this));

    /// <summary>Writes <see cref="ToSvg"/> to <paramref name="path"/> (atomically).</summary>
    public void SaveSvg(string path) => AtomicFile.WriteAllText(path, ToSvg());
}
