using M365Scanner.GraphEmulator.Mail;

namespace M365Scanner.GraphEmulator.Control;

/// <summary>Moves old mail into a recent period, so a scanner that reads "the last 90 days" of a mailbox finds
/// the history a test or the demo loaded from a years-old corpus.</summary>
internal static class ReceivedDates
{
    /// <summary>Maps each message's received time linearly from the messages' date range (1st to 99th percentile;
    /// outliers are clamped to its ends) onto [<paramref name="from"/>, <paramref name="to"/>]. Order is kept;
    /// sent times move by the same amount as their received times.</summary>
    public static List<StoredMessage> SpreadOver(IReadOnlyList<StoredMessage> messages, DateTimeOffset from, DateTimeOffset to)
    {
        if (messages.Count == 0)
            return [];
        var sorted = messages.Select(m => m.ReceivedDateTime.UtcTicks).Order().ToArray();
        var low = sorted[(int)Math.Floor((sorted.Length - 1) * 0.01)];
        var high = sorted[(int)Math.Ceiling((sorted.Length - 1) * 0.99)];
        var span = (double)(high - low);
        var target = (to - from).Ticks;
        return
        [
            .. messages.Select(m =>
            {
                var clamped = Math.Clamp(m.ReceivedDateTime.UtcTicks, low, high);
                var fraction = span == 0 ? 1.0 : (clamped - low) / span;
                var received = from.AddTicks((long)(fraction * target));
                // Graph's times have whole seconds; the importer truncated the originals the same way.
                received = new DateTimeOffset(received.UtcTicks - received.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
                // Sent moves with received, so the gap between them (transport delay) stays as it was.
                return m with { ReceivedDateTime = received, SentDateTime = m.SentDateTime + (received - m.ReceivedDateTime) };
            }),
        ];
    }
}
