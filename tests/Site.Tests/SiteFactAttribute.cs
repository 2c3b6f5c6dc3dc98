namespace Site.Tests;

/// <summary>
/// A test that builds a site (needs the npm packages) and, for <c>Browser = true</c>, opens it in chromium. Without them it is
/// skipped with a message naming what to install, except under <c>CI=true</c>, where it runs and fails: CI installs both.
/// </summary>
internal sealed class SiteFactAttribute : FactAttribute
{
    public SiteFactAttribute(bool browser = false)
    {
        var missing = SiteFixtures.MissingPrerequisite(browser);
        var onCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (missing is not null && !onCi)
            Skip = $"Site test skipped: {missing}.";
    }
}
