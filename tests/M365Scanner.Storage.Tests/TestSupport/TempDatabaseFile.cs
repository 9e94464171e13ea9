namespace M365Scanner.Storage.Tests.TestSupport;

/// <summary>A database path in a fresh temporary folder, deleted (with its -wal and -shm companions) on dispose.</summary>
public sealed class TempDatabaseFile : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("m365scanner-store-").FullName;

    public string Path => System.IO.Path.Combine(_folder, "graph.db");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A store a failed test left open may still hold the file; the OS temp cleaner gets it later.
        }
    }
}
