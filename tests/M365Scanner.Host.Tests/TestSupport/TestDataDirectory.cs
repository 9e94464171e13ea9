namespace M365Scanner.Host.Tests.TestSupport;

/// <summary>A test host's data directory under the temp folder: deleted after the test, unless
/// M365SCANNER_KEEP_TEST_DATA=1 keeps it (and the hosts' logs) for a post-mortem.</summary>
public static class TestDataDirectory
{
    public static string New() => Path.Combine(Path.GetTempPath(), "m365scanner-test-" + Guid.NewGuid().ToString("N"));

    public static bool Keep => Environment.GetEnvironmentVariable("M365SCANNER_KEEP_TEST_DATA") == "1";

    /// <summary>Deletes the directories that exist; a file still open elsewhere leaves its directory behind, which
    /// must not fail the test that has already passed or failed on its own terms.</summary>
    public static void Delete(params string?[] directories)
    {
        if (Keep)
            return;
        foreach (var directory in directories)
            if (directory is not null && Directory.Exists(directory))
                try { Directory.Delete(directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
