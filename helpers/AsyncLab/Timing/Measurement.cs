using System.Globalization;

namespace AsyncLab;

/// <summary>How long a piece of work took, in wall-clock time and in article seconds.</summary>
/// <param name="Elapsed">The measured wall-clock duration.</param>
/// <param name="ThreadAtStart">The managed thread id the work started on.</param>
/// <param name="ThreadAtEnd">The managed thread id the work finished on.</param>
public record Measurement(TimeSpan Elapsed, int ThreadAtStart, int ThreadAtEnd)
{
    /// <summary>The duration divided by <see cref="LabTime.Scale"/>: comparable with the article's numbers.</summary>
    public double ArticleSeconds => LabTime.ToArticleSeconds(Elapsed);

    /// <summary>The duration rounded for printing, e.g. <c>3.0 s (article scale)</c>.</summary>
    public override string ToString() => ArticleSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s (article scale)";
}

/// <summary>A <see cref="Measurement"/> of work that produced a value.</summary>
/// <typeparam name="T">The type of the result.</typeparam>
/// <param name="Result">What the work returned.</param>
/// <param name="Elapsed">The measured wall-clock duration.</param>
/// <param name="ThreadAtStart">The managed thread id the work started on.</param>
/// <param name="ThreadAtEnd">The managed thread id the work finished on.</param>
public sealed record Measurement<T>(T Result, TimeSpan Elapsed, int ThreadAtStart, int ThreadAtEnd)
    : Measurement(Elapsed, ThreadAtStart, ThreadAtEnd);
