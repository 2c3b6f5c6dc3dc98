using System.Globalization;
using NotebookRunner.Documents;

namespace NotebookRunner.Execution;

/// <summary>
/// Builds a cell's outputs as VS Code does: consecutive chunks of one stream merged, displays updated in place,
/// errors appended. Console text is capped so that a cell printing without end cannot exhaust the parent.
/// </summary>
internal sealed class CellOutputCollector
{
    /// <summary>Characters of console text kept per cell.</summary>
    internal const int MaxTextChars = 1 << 20;

    private readonly List<CellOutput> _outputs = [];
    private readonly Dictionary<int, int> _displays = [];
    private long _textChars;
    private bool _truncated;

    /// <summary>The outputs so far.</summary>
    public IReadOnlyList<CellOutput> Outputs => [.. _outputs];

    /// <summary>Appends console text, merging it with the previous chunk of the same stream.</summary>
    public void AddText(string stream, string text)
    {
        if (_truncated)
        {
            return;
        }

        var room = (int)Math.Min(text.Length, MaxTextChars - _textChars);
        if (room < text.Length)
        {
            _truncated = true;
            text = text[..room] + string.Create(CultureInfo.InvariantCulture,
                $"\n[output truncated: the cell wrote more than {MaxTextChars} characters; the rest was dropped]\n");
        }

        _textChars += room;
        if (_outputs.Count > 0 && _outputs[^1] is StreamOutput last && last.Name == stream)
        {
            _outputs[^1] = last with { Text = last.Text + text };
        }
        else
        {
            _outputs.Add(new StreamOutput(stream, text));
        }
    }

    /// <summary>Adds a display.</summary>
    public void AddDisplay(int id, IReadOnlyList<KeyValuePair<string, string>> data)
    {
        _displays[id] = _outputs.Count;
        _outputs.Add(new DisplayOutput(data));
    }

    /// <summary>Replaces the display <paramref name="id"/> in place; false when this cell does not own it.</summary>
    public bool TryUpdate(int id, IReadOnlyList<KeyValuePair<string, string>> data)
    {
        if (!_displays.TryGetValue(id, out var index))
        {
            return false;
        }

        _outputs[index] = new DisplayOutput(data);
        return true;
    }

    /// <summary>Appends an error output: name <c>Error</c>, the message, and the message split into lines.</summary>
    public void AddError(string message) =>
        _outputs.Add(new ErrorOutput("Error", message, message.Split('\n').Select(l => l.TrimEnd('\r')).ToList()));
}
