namespace M365Scanner.Host.Scanning;

/// <summary>
/// The notification entries one webhook call refused, counted by reason, logged as one line per call. A forger can
/// put 100,000 entries in one POST; a line per entry would let them fill the log (and hide what else happened in
/// it), so the line says how many of each, with a few of the subscription ids named (cut short: they are the
/// caller's text, and a near-miss clientState is never among what is logged).
/// </summary>
public sealed class NotificationRefusals
{
    public const string UnknownSubscription = "unknown subscription";
    public const string ClientStateMismatch = "clientState mismatch";
    public const string TenantMismatch = "tenant mismatch";
    public const string NoMessage = "names no message";

    private const int Examples = 3;
    private const int ExampleLength = 64;

    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly List<string> _examples = [];

    /// <summary>Entries refused so far.</summary>
    public int Total { get; private set; }

    /// <summary>Refused entries by reason.</summary>
    public IReadOnlyDictionary<string, int> ByReason => _counts;

    public void Refuse(string reason, string? subscriptionId)
    {
        Total++;
        _counts[reason] = _counts.GetValueOrDefault(reason) + 1;
        if (_examples.Count < Examples)
            _examples.Add(subscriptionId is null ? "(none)"
                : subscriptionId.Length <= ExampleLength ? subscriptionId : subscriptionId[..ExampleLength] + "...");
    }

    /// <summary>One warning for the whole call when anything was refused; nothing otherwise.</summary>
    public void Log(ILogger log, string endpoint, int received)
    {
        if (Total == 0)
            return;
        log.LogWarning("{Endpoint}: refused {Refused} of {Received} notification(s) in one call ({Reasons}); subscription(s) e.g. {Examples}",
            endpoint, Total, received, string.Join(", ", _counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}: {c.Value}")),
            string.Join(", ", _examples));
    }
}
