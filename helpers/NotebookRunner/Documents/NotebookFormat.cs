namespace NotebookRunner.Documents;

/// <summary>The file format a notebook was read from.</summary>
public enum NotebookFormat
{
    /// <summary>Jupyter JSON (<c>.ipynb</c>), as VS Code writes it.</summary>
    Ipynb,
    /// <summary>Polyglot's plain-text format (<c>.dib</c>): <c>#!meta</c> header and <c>#!kernel</c> separators, no outputs.</summary>
    Dib,
}
