using M365Scanner.Core.Tests.TestSupport;
using M365Scanner.DocumentWorker.Worker;

namespace M365Scanner.DocumentWorker.Tests.TestSupport;

/// <summary>A valid one-page PDF carrying a <see cref="TestFaults"/> marker in a comment, so a worker with test
/// faults enabled misbehaves on it (hangs or allocates) while a reader without them sees an ordinary PDF.</summary>
public static class FaultyPdf
{
    public static byte[] With(string marker) =>
        [.. MinimalPdf.Build(new MinimalPage(["fault"], [])), .. System.Text.Encoding.ASCII.GetBytes($"\n{marker}\n")];
}
