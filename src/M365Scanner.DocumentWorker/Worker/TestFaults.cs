using System.Runtime.InteropServices;
using System.Text;

namespace M365Scanner.DocumentWorker.Worker;

/// <summary>
/// Misbehaviour on demand, for the pool's tests: a document containing a marker makes the worker hang or allocate
/// without end, the way a hostile document can, but at a known point and without depending on a parser bug that a
/// PdfPig upgrade may fix. Off unless the worker's environment has <see cref="EnvironmentVariable"/>=1, which only
/// tests set; a production worker never looks for the markers.
/// </summary>
internal sealed class TestFaults
{
    public const string EnvironmentVariable = "M365SCANNER_DOCUMENTWORKER_TEST_FAULTS";

    /// <summary>The worker blocks until it is killed.</summary>
    public const string Hang = "%M365SCANNER-TEST-FAULT:hang";

    /// <summary>The worker fills its managed heap until the GC heap limit throws.</summary>
    public const string AllocateManaged = "%M365SCANNER-TEST-FAULT:allocate-managed";

    /// <summary>The worker allocates and touches native memory, which the GC heap limit does not see.</summary>
    public const string AllocateNative = "%M365SCANNER-TEST-FAULT:allocate-native";

    private const int Chunk = 16 * 1024 * 1024;

    // A stop so that a pool whose memory watch failed costs the test machine a few GiB and a hang, not all its memory.
    private const long NativeCap = 4L * 1024 * 1024 * 1024;

    private readonly bool enabled;

    private TestFaults(bool enabled) => this.enabled = enabled;

    public static TestFaults FromEnvironment() =>
        new(Environment.GetEnvironmentVariable(EnvironmentVariable) == "1");

    /// <summary>Misbehaves as the document asks, when faults are enabled; otherwise returns at once.</summary>
    public void Apply(ReadOnlySpan<byte> document)
    {
        if (!enabled)
            return;
        if (Contains(document, Hang))
            Thread.Sleep(Timeout.Infinite);
        if (Contains(document, AllocateManaged))
            FillManagedHeap();
        if (Contains(document, AllocateNative))
            FillNativeMemory();
    }

    private static bool Contains(ReadOnlySpan<byte> document, string marker) =>
        document.IndexOf(Encoding.ASCII.GetBytes(marker)) >= 0;

    private static void FillManagedHeap()
    {
        var held = new List<byte[]>();
        while (true)
        {
            var block = new byte[Chunk];
            block.AsSpan().Fill(1); // touched, so it is resident and not just reserved
            held.Add(block);
        }
    }

    private static void FillNativeMemory()
    {
        var ones = new byte[Chunk];
        ones.AsSpan().Fill(1);
        // Copied in, so every page is touched and resident; never freed, because growing is the point.
        for (long total = 0; total < NativeCap; total += Chunk)
            Marshal.Copy(ones, 0, Marshal.AllocHGlobal(Chunk), Chunk);
        Thread.Sleep(Timeout.Infinite);
    }
}
