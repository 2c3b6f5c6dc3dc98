using NotebookRunner.Documents;
using NotebookRunner.Execution;

namespace NotebookRunner.Testing;

/// <summary>A notebook with its validated test settings and cell directives: everything decided before the first cell runs.</summary>
public sealed class NotebookPlan
{
    private readonly Dictionary<int, CellDirectives> _directives;

    private NotebookPlan(NotebookDocument document, NotebookSettings settings, Dictionary<int, CellDirectives> directives)
    {
        Document = document;
        Settings = settings;
        _directives = directives;
    }

    /// <summary>The notebook.</summary>
    public NotebookDocument Document { get; }

    /// <summary>The notebook-wide settings.</summary>
    public NotebookSettings Settings { get; }

    /// <summary>Reads a notebook and validates all its directives, so a mistake fails before anything runs.</summary>
    /// <exception cref="NotebookFormatException">The file or a directive is invalid.</exception>
    public static NotebookPlan Load(string path) => Create(NotebookReader.Read(path));

    /// <summary>Validates the directives of a notebook already read.</summary>
    /// <exception cref="NotebookFormatException">A directive is invalid; the message names the file, cell and line.</exception>
    public static NotebookPlan Create(NotebookDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var settings = DirectiveParser.ParseNotebook(document);
        var directives = document.CodeCells.ToDictionary(c => c.Index, c => DirectiveParser.ParseCell(document, c, settings));
        return new NotebookPlan(document, settings, directives);
    }

    /// <summary>Every mutation the notebook's code cells declare, in cell order.</summary>
    public IReadOnlyList<Mutation> Mutations => Document.CodeCells.SelectMany(c => DirectivesOf(c.Index).Mutations).ToList();

    /// <summary>The directives of a code cell.</summary>
    public CellDirectives DirectivesOf(int cellIndex) => _directives.GetValueOrDefault(cellIndex) ?? new CellDirectives(Outputs: Settings.Outputs);

    /// <summary>Execution options for this notebook: timeouts from directives, then notebook settings, then <paramref name="defaults"/>.</summary>
    public ExecutionOptions ToExecutionOptions(ExecutionOptions defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        var cellTimeout = Settings.CellTimeout ?? defaults.DefaultCellTimeout;
        return defaults with
        {
            DefaultCellTimeout = cellTimeout,
            NotebookTimeout = Settings.NotebookTimeout ?? defaults.NotebookTimeout,
            CellSettings = cell => DirectivesOf(cell.Index) is var d && (d.Timeout is not null || d.SkipReason is not null || d.ExpectedException is not null)
                ? new CellSettings(d.Timeout, d.SkipReason, ThrowsByDesign: d.ExpectedException is not null)
                : CellSettings.Default,
        };
    }
}
