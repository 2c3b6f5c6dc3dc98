using System.Text;
using System.Text.Json;

namespace AsyncLab;

public sealed partial class Trace
{
    /// <summary>A timeline chart of the trace: lanes by task (default) or by thread; renders as HTML, SVG and text.</summary>
    /// <param name="mode">One row per logical task or one per thread.</param>
    /// <param name="title">The chart title; defaults to the trace's title.</param>
    public Timeline ToTimeline(LaneMode mode = LaneMode.ByTask, string? title = null) =>
        Timeline.From(Segments, Marks, title ?? Title, mode, WakeUps);

    /// <summary>
    /// The trace as Chrome Trace Event JSON (opens in ui.perfetto.dev and chrome://tracing): one track per lane,
    /// segments as complete events (<c>ph:"X"</c>, category = state: running, waiting, blocked, queued), marks as instants
    /// (<c>ph:"i"</c>), wake-ups as flow arrows (<c>ph:"s"</c> at the cause, <c>ph:"f"</c> on the resumed slice), times in
    /// microseconds.
    /// </summary>
    public string ToChromeTraceJson()
    {
        var segments = Segments;
        var marks = Marks;
        var wakeUps = WakeUps;
        var lanes = segments.Select(s => s.Lane).Concat(marks.Select(m => m.Lane)).Concat(wakeUps.Select(w => w.FromLane)).Distinct().ToList();
        var trackOf = lanes.Select((lane, i) => (lane, i + 1)).ToDictionary(x => x.lane, x => x.Item2);

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
        {
            json.WriteStartObject();
            json.WriteString("displayTimeUnit", "ms");
            json.WriteStartArray("traceEvents");
            WriteMetadata(json, 0, "process_name", "name", Title ?? "AsyncLab trace");
            foreach (var (lane, track) in trackOf)
            {
                WriteMetadata(json, track, "thread_name", "name", lane);
                json.WriteStartObject();
                WriteHeader(json, "M", track, "thread_sort_index");
                json.WriteStartObject("args");
                json.WriteNumber("sort_index", track);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            foreach (var s in segments)
            {
                json.WriteStartObject();
                WriteHeader(json, "X", trackOf[s.Lane], s.Label);
                json.WriteString("cat", s.State.ToString().ToLowerInvariant());
                json.WriteNumber("ts", Math.Round(s.StartMs * 1000, 3));
                json.WriteNumber("dur", Math.Round(s.DurationMs * 1000, 3));
                json.WriteStartObject("args");
                json.WriteNumber("thread", s.ThreadId);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            foreach (var m in marks)
            {
                json.WriteStartObject();
                WriteHeader(json, "i", trackOf[m.Lane], m.Label);
                json.WriteString("s", "t");
                json.WriteNumber("ts", Math.Round(m.AtMs * 1000, 3));
                json.WriteStartObject("args");
                json.WriteNumber("thread", m.ThreadId);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            var flow = 0;
            foreach (var w in wakeUps)
            {
                flow++;
                WriteFlow(json, "s", trackOf[w.FromLane], w.AtMs, flow, w.Cause);
                WriteFlow(json, "f", trackOf[w.Lane], w.ResumedMs, flow, w.Cause);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>One end of a flow arrow; the finish binds to the slice that encloses it (<c>bp:"e"</c>), the resumed one.</summary>
    private static void WriteFlow(Utf8JsonWriter json, string phase, int track, double atMs, int id, string cause)
    {
        json.WriteStartObject();
        WriteHeader(json, phase, track, "wake-up");
        json.WriteString("cat", "wake-up");
        json.WriteNumber("id", id);
        json.WriteNumber("ts", Math.Round(atMs * 1000, 3));
        if (phase == "f")
            json.WriteString("bp", "e");
        json.WriteStartObject("args");
        json.WriteString("cause", cause);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteHeader(Utf8JsonWriter json, string phase, int track, string name)
    {
        json.WriteString("ph", phase);
        json.WriteNumber("pid", 1);
        json.WriteNumber("tid", track);
        json.WriteString("name", name);
    }

    private static void WriteMetadata(Utf8JsonWriter json, int track, string name, string argName, string value)
    {
        json.WriteStartObject();
        WriteHeader(json, "M", track, name);
        json.WriteStartObject("args");
        json.WriteString(argName, value);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
