namespace AsyncLab.Tests.Charts;

/// <summary>
/// A test that needs chromium and the npm packages. Without them it is skipped with a message naming what to install,
/// except under <c>CI=true</c>, where it runs and fails: CI installs both.
/// </summary>
internal sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        var missing = ChartTestPaths.MissingPrerequisite();
        var onCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (missing is not null && !onCi)
            Skip = $"Browser test skipped: {missing}.";
    }
}
