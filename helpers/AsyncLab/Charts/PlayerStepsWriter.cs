using System.Text.Json;
using AsyncLab.Formatting;

namespace AsyncLab.Charts;

/// <summary>
/// Writes what the step-through player needs next to the figure: the pixel geometry shared with the SVG, every bar as
/// <c>[row, start, end, state]</c>, and the steps in order (per panel, by time), each with its caption, e.g.
/// "B resumes on thread 7: its timer fired".
/// </summary>
internal static class PlayerStepsWriter
{
    public static void Write(Utf8JsonWriter json, Timeline timeline, TimelineModel model)
    {
        var g = new TimelineGeometry(model, timeline.Title, timeline.Width, timeline.Height);
        json.WriteStartObject("player");
        json.WriteStartObject("geometry");
        json.WriteNumber("width", g.Width);
        json.WriteNumber("height", g.Height);
        json.WriteNumber("plotLeft", Math.Round(g.PlotLeft, 2));
        json.WriteNumber("plotRight", Math.Round(g.PlotRight, 2));
        json.WriteNumber("plotTop", Math.Round(g.PlotTop, 2));
        json.WriteNumber("rowHeight", Math.Round(g.RowHeight, 3));
        json.WriteNumber("barOffset", Math.Round(g.RowHeight * 0.3, 3));
        json.WriteNumber("barHeight", Math.Round(g.BarHeight, 3));
        json.WriteNumber("endMs", model.Axis.EndMs);
        json.WriteBoolean("seconds", model.Axis.InSeconds);
        json.WriteEndObject();
        json.WriteStartArray("rows");
        for (var row = 0; row < model.Rows.Count; row++)
        {
            json.WriteStartArray();
            json.WriteNumberValue(model.RowSlots[row]);
            json.WriteNumberValue(model.RowPanels[row]);
            json.WriteEndArray();
        }
        json.WriteEndArray();
        var bars = model.Series.SelectMany(s => s.Bars).OrderBy(b => b.Index).ToList();
        json.WriteStartArray("bars");
        foreach (var bar in bars)
        {
            json.WriteStartArray();
            json.WriteNumberValue(bar.Row);
            json.WriteNumberValue(Math.Round(bar.Segment.StartMs, 4));
            json.WriteNumberValue(Math.Round(bar.Segment.EndMs, 4));
            json.WriteNumberValue((int)bar.Segment.State);
            json.WriteEndArray();
        }
        json.WriteEndArray();
        WriteSteps(json, timeline.Mode, model, bars);
        json.WriteEndObject();
    }

    private static void WriteSteps(Utf8JsonWriter json, LaneMode mode, TimelineModel model, List<TimelineBar> bars)
    {
        // A bar steps in where it starts. In the combined view the thread strip repeats the task rows, so only task rows step.
        var taskRows = mode == LaneMode.Combined ? bars.Where(b => !model.ThreadStripRows.Contains(b.Row)).ToList() : bars;
        var wakes = new Dictionary<(int Row, double Start), TimelineArrow>();
        foreach (var arrow in model.AllArrows)
            wakes.TryAdd((arrow.ToRow, arrow.WakeUp.ResumedMs), arrow);
        TimelineArrow? WakeOf(TimelineBar b) => wakes.TryGetValue((b.Row, b.Segment.StartMs), out var w) ? w : null;
        var steps = taskRows.Select(b => (Panel: model.RowPanels[b.Row], At: b.Segment.StartMs, Rank: 1, Bar: b.Index,
                Caption: Caption(b, mode, WakeOf(b)), Arrow: WakeOf(b)))
            .Concat(model.Marks.Select(m => (Panel: model.RowPanels[m.Row], At: m.Mark.AtMs, Rank: 0, Bar: -1,
                Caption: $"{m.Mark.Lane}: {m.Mark.Label}", Arrow: (TimelineArrow?)null)))
            .OrderBy(s => s.Panel).ThenBy(s => s.At).ThenBy(s => s.Rank);
        json.WriteStartArray("steps");
        foreach (var step in steps)
        {
            json.WriteStartObject();
            json.WriteNumber("t", Math.Round(step.At, 4));
            json.WriteNumber("p", step.Panel);
            json.WriteNumber("bar", step.Bar);
            json.WriteString("caption", step.Caption);
            if (step.Arrow is { } arrow)
            {
                json.WriteStartArray("from");
                json.WriteNumberValue(arrow.FromRow);
                json.WriteNumberValue(Math.Round(arrow.WakeUp.AtMs, 4));
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>The caption line of a step, in the words of the example: "B resumes on thread 7: its timer fired".</summary>
    internal static string Caption(TimelineBar bar, LaneMode mode, TimelineArrow? wake)
    {
        var s = bar.Segment;
        var thread = TimelineStyle.ThreadName(s.ThreadId);
        var label = s.Label is "" or "run" or "callback" or "waiting" or "queued" ? "" : $" ({s.Label})";
        return s.State switch
        {
            SegmentState.Running when wake is { } w => $"{s.Lane} resumes on {thread}: {w.WakeUp.Cause}",
            SegmentState.Running when mode == LaneMode.ByThread => $"{thread} runs {s.Lane}{label}",
            SegmentState.Running => $"{s.Lane} runs on {thread}{label}",
            SegmentState.Blocked => $"{s.Lane} blocks {thread}{label}: the thread is held and does nothing",
            SegmentState.Queued => $"{s.Lane} is ready, queued: no thread has taken it yet",
            _ => $"{s.Lane} waits{label}: no thread held",
        };
    }
}
