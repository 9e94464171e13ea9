namespace M365Scanner.Demo.Tests;

/// <summary>A scratch folder deleted after the test.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("m365scanner-demo-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
