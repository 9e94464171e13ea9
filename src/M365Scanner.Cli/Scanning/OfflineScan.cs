using M365Scanner.Cli.Output;
using M365Scanner.Core.Correspondence;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Mail;
using M365Scanner.Core.Policy;
using M365Scanner.Core.Scanning;
using M365Scanner.Core.Scoring;
using M365Scanner.Storage.InMemory;

namespace M365Scanner.Cli.Scanning;

/// <summary>
/// One offline run of <c>scan</c>: learn the mailbox's history into a fresh graph, then score the inputs in Date
/// order as if delivered one after another, learning each allowed message before the next is scored (unless told
/// not to learn).
/// </summary>
/// <remarks>"Now" is each message's Date header, never the wall clock, so a run is reproducible. A message with no
/// Date is scored as of the latest date seen so far.</remarks>
public sealed class OfflineScan
{
    private readonly string _mailbox;
    private readonly MessageLinkExtractor _extractor;
    private readonly MessageScanner _scanner;
    private readonly CorrespondenceGraph _graph = new(new InMemoryCorrespondenceStore());
    private readonly TextWriter _log;
    private DateTimeOffset _clock = DateTimeOffset.UnixEpoch;

    /// <param name="pdf">Where PDFs are read: the document worker pool, or null for this process.</param>
    public OfflineScan(ScannerSettings settings, string mailbox, IEnumerable<string> tenantDomains, TextWriter log,
        IPdfLinkReader? pdf = null)
    {
        _mailbox = mailbox.Trim().ToLowerInvariant();
        _log = log;
        _extractor = new MessageLinkExtractor(settings.Extraction, pdf: pdf);
        _scanner = new MessageScanner(_extractor, LinkScorer.Default, new PolicyEngine(settings.Policy),
            TenantProfile.For(tenantDomains));
    }

    /// <summary>Learns every readable message of <paramref name="files"/> as the mailbox's past, oldest first.</summary>
    public int LearnHistory(IEnumerable<string> files)
    {
        var history = files.Select(f => (File: f, Message: TryRead(f, out var error) ?? Skip(f, error)))
            .Where(h => h.Message is not null)
            .OrderBy(h => h.Message!.EffectiveDate ?? DateTimeOffset.MinValue)
            .ToList();
        using (_graph.Store.BeginBatch())
        {
            foreach (var (_, message) in history)
            {
                var at = Advance(message!);
                _graph.Learn(message!, _mailbox, _extractor.Extract(message!).Links, at);
            }
        }
        return history.Count;
    }

    /// <summary>Scores <paramref name="files"/> in Date order and returns their records in input order.</summary>
    /// <param name="learn">Learn each allowed input before the next is scored, as the worker learns a mailbox's
    /// deliveries; false scores every input against the history alone, so a campaign in the inputs cannot make its
    /// own sender established.</param>
    public IReadOnlyList<ScanRecord> Scan(IReadOnlyList<string> files, bool learn = true)
    {
        var records = new ScanRecord?[files.Count];
        var inputs = new List<(int Index, EmailMessage Message)>();
        for (var i = 0; i < files.Count; i++)
        {
            if (TryRead(files[i], out var error) is { } message)
                inputs.Add((i, message));
            else
                records[i] = ScanRecord.Failed(files[i], error);
        }
        // OrderBy is stable: messages with equal or missing dates keep their input order.
        foreach (var (index, message) in inputs.OrderBy(m => m.Message.EffectiveDate ?? DateTimeOffset.MinValue))
        {
            var notes = new List<string>();
            if (message.EffectiveDate is null)
                notes.Add($"no Date header: scored as of {_clock:O}");
            var at = Advance(message);
            var verdict = _scanner.Scan(message, _mailbox, _graph, at);
            if (learn)
                MessageScanner.Learn(verdict, _mailbox, _graph, at);
            records[index] = ScanRecordMapper.From(files[index], verdict, notes);
        }
        return records!;
    }

    private DateTimeOffset Advance(EmailMessage message)
    {
        if (message.EffectiveDate is { } date && date > _clock)
            _clock = date;
        return _clock;
    }

    private static EmailMessage? TryRead(string file, out string error)
    {
        error = "";
        try
        {
            // Whole, so MimeKit reads the parts in place rather than copying each (EmlReader.Read of bytes); it would
            // hold a copy of every part anyway.
            return EmlReader.Read(File.ReadAllBytes(file));
        }
        catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
        {
            error = $"not readable as a message: {ex.Message}";
            return null;
        }
    }

    private EmailMessage? Skip(string file, string error)
    {
        _log.WriteLine($"history: skipped {file}: {error}");
        return null;
    }
}
