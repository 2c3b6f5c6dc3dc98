namespace NotebookRunner.Testing;

/// <summary>The verdict on one mutation: did its claim, and nothing before it, fail?</summary>
/// <param name="Path">The notebook file.</param>
/// <param name="Mutation">The mutation applied.</param>
/// <param name="Proven">True when the first failing cell was the mutated cell or a later one and failed with the claim.</param>
/// <param name="Verdict">One line saying what happened, naming the notebook, the cell and the mutation.</param>
/// <param name="Elapsed">Wall time of the mutated run.</param>
public sealed record MutationResult(string Path, Mutation Mutation, bool Proven, string Verdict, TimeSpan Elapsed)
{
    /// <summary>Throws when the mutation did not break its claim as declared.</summary>
    /// <exception cref="NotebookAssertionException">The verdict, naming the notebook, the cell and the mutation.</exception>
    public void AssertProven()
    {
        if (!Proven)
        {
            throw new NotebookAssertionException(Verdict);
        }
    }

    /// <summary>The verdict.</summary>
    public override string ToString() => Verdict;
}
