namespace M365Scanner.Core.Tests.TestSupport;

/// <summary>Shared data a [SkippableFact] needs (kept apart from <see cref="SharedData"/>, which other test projects
/// without xUnit's skipping compile in too).</summary>
public static class RequiredSharedData
{
    /// <summary>True when the tests run under CI (<c>CI=true</c>): nothing may be skipped there.</summary>
    public static bool InContinuousIntegration =>
        Environment.GetEnvironmentVariable("CI") is { } ci && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    /// <summary>The folder under shared/data, for a [SkippableFact]: when it is missing the test fails under CI, so a
    /// CI run can never pass by skipping, and is skipped with where the data was expected otherwise.</summary>
    public static string RequireOrSkip(params string[] parts)
    {
        string? missing;
        try
        {
            var path = SharedData.PathOf(parts);
            if (System.IO.Directory.Exists(path))
                return path;
            missing = $"the shared test data has no {Path.Combine(parts)} (expected at {path})";
        }
        catch (InvalidOperationException ex)
        {
            missing = ex.Message;
        }
        if (InContinuousIntegration)
            Assert.Fail($"{missing} CI=true, so this is a failure, not a skip.");
        Skip.If(true, missing);
        throw new InvalidOperationException("unreachable: Skip.If(true) throws");
    }
}
