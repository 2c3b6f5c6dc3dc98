using System.Text.RegularExpressions;

namespace NotebookRunner.Testing;

/// <summary>What a cell's <c>notebook_runner</c> metadata asks of the runner.</summary>
/// <param name="SkipReason">When set, the cell is not run; the reason is reported.</param>
/// <param name="Timeout">The cell's own timeout, or null for the notebook's default.</param>
/// <param name="ExpectedException">Full or simple name of the exception the cell must throw, or null.</param>
/// <param name="Outputs">How outputs are compared.</param>
/// <param name="Pattern">The regular expression for <see cref="OutputMode.Pattern"/>.</param>
public sealed record CellDirectives(
    string? SkipReason = null,
    TimeSpan? Timeout = null,
    string? ExpectedException = null,
    OutputMode Outputs = OutputMode.Exact,
    Regex? Pattern = null)
{
    /// <summary>The "break it" changes declared for this cell, each of which must make one claim fail.</summary>
    public IReadOnlyList<Mutation> Mutations { get; init; } = [];

    /// <summary>The metadata key holding the directives, in cell and notebook metadata.</summary>
    public const string MetadataKey = "notebook_runner";

    /// <summary>True when <paramref name="exceptionType"/> (a full name) is the expected one, given by full or simple name.</summary>
    public bool IsExpected(string? exceptionType) =>
        ExpectedException is not null && exceptionType is not null
        && (exceptionType == ExpectedException || exceptionType.EndsWith("." + ExpectedException, StringComparison.Ordinal));
}
