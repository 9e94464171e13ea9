using System.Text;
using System.Text.RegularExpressions;

namespace M365Scanner.DocumentWorker.Pool;

/// <summary>
/// Drains a worker's stderr for as long as it lives and keeps the beginning of what it wrote since the current
/// document was handed over, for the log line when the worker is lost. Draining matters as much as keeping: a .NET
/// stack overflow writes megabytes of frames, and a worker blocked on a full stderr pipe would never exit, so its
/// death would be misreported as a time-budget stop. The beginning is what is kept because it names the frames that
/// recursed.
/// </summary>
internal sealed partial class StderrCapture
{
    private const int KeptBytes = 2048;

    private readonly Lock gate = new();
    private readonly byte[] kept = new byte[KeptBytes];
    private int keptLength;
    private long dropped;

    /// <summary>Starts draining <paramref name="stderr"/> until it ends (the worker exited).</summary>
    public Task DrainAsync(Stream stderr) => Task.Run(async () =>
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stderr.ReadAsync(buffer).ConfigureAwait(false)) > 0)
                Keep(buffer.AsSpan(0, read));
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The process was disposed under us: nothing more to drain.
        }
    });

    /// <summary>Forgets what was written so far: the next <see cref="Text"/> is about the next document.</summary>
    public void Reset()
    {
        lock (gate)
        {
            keptLength = 0;
            dropped = 0;
        }
    }

    /// <summary>The kept beginning, on one line, with how much more there was.</summary>
    public string Text()
    {
        lock (gate)
        {
            var text = Encoding.UTF8.GetString(kept, 0, keptLength).ReplaceLineEndings(" | ").Trim();
            text = GenericArguments().Replace(text, "[...]"); // assembly-qualified type arguments: noise in a log line
            return dropped == 0 ? text : $"{text} ... ({dropped} more bytes)";
        }
    }

    [GeneratedRegex(@"\[\[.*?\]\]")]
    private static partial Regex GenericArguments();

    private void Keep(ReadOnlySpan<byte> bytes)
    {
        lock (gate)
        {
            var room = Math.Min(bytes.Length, KeptBytes - keptLength);
            bytes[..room].CopyTo(kept.AsSpan(keptLength));
            keptLength += room;
            dropped += bytes.Length - room;
        }
    }
}
