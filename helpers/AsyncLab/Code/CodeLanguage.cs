namespace AsyncLab;

/// <summary>The languages <see cref="Code"/> can show.</summary>
public enum CodeLanguage
{
    /// <summary>Python 3, f-strings included.</summary>
    Python,

    /// <summary>C# 12, interpolated, verbatim and raw strings included.</summary>
    CSharp,
}
