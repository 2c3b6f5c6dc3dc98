namespace NotebookRunner.Testing;

/// <summary>
/// A "break it" change declared in a code cell's metadata: replace <see cref="Find"/> (which must occur in the cell exactly
/// once) with <see cref="Replace"/>, run the notebook, and the claim <see cref="Fails"/> must then fail.
/// </summary>
/// <param name="CellNumber">1-based position of the cell in the notebook (markdown cells count), as VS Code shows it.</param>
/// <param name="Number">1-based position of the mutation in the cell's list.</param>
/// <param name="Find">The text to replace; one line.</param>
/// <param name="Replace">The replacement; one line, may be empty.</param>
/// <param name="Fails">The claim whose check must fail: the failure message must contain <c>✘ </c> followed by it.</param>
public sealed record Mutation(int CellNumber, int Number, string Find, string Replace, string Fails)
{
    /// <summary>The text a failed check of <see cref="Fails"/> starts with (AsyncLab's <c>CheckFailedException</c> message).</summary>
    public string ExpectedFailure => "✘ " + Fails;

    /// <summary><c>cell N, mutation K (replace `find` with `replace`)</c>.</summary>
    public override string ToString() => $"cell {CellNumber}, mutation {Number} (replace `{Find}` with `{Replace}`)";
}
