using AsyncLab;

namespace AsyncLab.Tests;

public class CheckTests
{
    private static TimeSpan Article(double seconds) => TimeSpan.FromSeconds(seconds * LabTime.Scale);

    [Fact]
    public void About_passes_nearer_the_expected_value_and_fails_with_claim_expected_and_measured()
    {
        Check.About(Article(3.2), 3, 5, "gather takes the longest, not the sum");
        var error = Assert.Throws<CheckFailedException>(() => Check.About(Article(4.6), 3, 5, "gather takes the longest"));
        Assert.Equal("gather takes the longest", error.Claim);
        Assert.Equal("about 3 s, not 5 s", error.Expected);
        Assert.Equal("4.6 s (article scale)", error.Measured);
        Assert.Contains("✘ gather takes the longest: expected about 3 s, not 5 s, measured 4.6 s", error.Message);
    }

    [Fact]
    public void About_fails_when_absurdly_below_the_expected_value()
    {
        Assert.Throws<CheckFailedException>(() => Check.About(Article(1.0), 3, 5, "too fast to be true"));
    }

    [Fact]
    public void Before_checks_happens_before_and_reports_the_order()
    {
        Check.Before(["a", "b", "c"], "a", "c", "a first");
        var error = Assert.Throws<CheckFailedException>(() => Check.Before(["b", "a"], "a", "b", "a first"));
        Assert.Equal("order [b, a]", error.Measured);
        Assert.Throws<CheckFailedException>(() => Check.Before(["a"], "a", "missing", "missing item"));
    }

    [Fact]
    public void Between_and_That()
    {
        Check.Between(3, 2, 4, "in band");
        var error = Assert.Throws<CheckFailedException>(() => Check.Between(4.567, 1, 2, "out of band"));
        Assert.Equal("between 1 and 2", error.Expected);
        Assert.Equal("4.57", error.Measured);
        Check.That(true, "fine");
        Assert.Equal("went wrong", Assert.Throws<CheckFailedException>(() => Check.That(false, "claim", "went wrong")).Measured);
    }

    [Fact]
    public void A_passing_check_prints_one_line()
    {
        var original = Console.Out;
        var output = new StringWriter();
        try
        {
            Console.SetOut(output);
            Check.About(Article(3.04), 3, 5, "three not five");
        }
        finally
        {
            Console.SetOut(original);
        }
        Assert.Equal("✔ three not five: 3.0 s (article scale), not 5 s" + Environment.NewLine, output.ToString());
    }
}

public class LabTimeTests
{
    [Theory]
    [InlineData(null, 1.0)]
    [InlineData("", 1.0)]
    [InlineData("0.2", 0.2)]
    [InlineData(" 2 ", 2.0)]
    [InlineData("1e-1", 0.1)]
    public void Valid_scales_parse(string? text, double expected) => Assert.Equal(expected, LabTime.ParseScale(text));

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("fast")]
    [InlineData("0,2")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e300")]
    [InlineData("1e-300")]
    public void Invalid_scales_fail_loudly_naming_the_variable(string text)
    {
        var error = Assert.Throws<InvalidOperationException>(() => LabTime.ParseScale(text));
        Assert.Contains("ASYNCLAB_TIME_SCALE", error.Message);
        Assert.Contains(text, error.Message);
    }

    [Fact]
    public void Seconds_scale_article_durations()
    {
        Assert.Equal(TimeSpan.FromSeconds(2 * LabTime.Scale), LabTime.Seconds(2));
        Assert.Equal(2, LabTime.ToArticleSeconds(LabTime.Seconds(2)), 6);
    }
}
