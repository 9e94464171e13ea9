using System.ComponentModel;
using Hangfire;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Operations;
using M365Scanner.Host.Jobs;
using M365Scanner.Host.Mailboxes;

namespace M365Scanner.Host.Reporting;

/// <summary>
/// Takes one message of a tenant's reporting mailbox in as a phish report: reads it (the same one Graph GET with its
/// attachments under the cap as a scan), finds the reported original (<see cref="ReportedOriginal"/>), and records the
/// report once per report message, whatever duplicates or catch-ups say. Nothing in the mailbox is scanned, moved or
/// learned from. A report whose content cannot be read is recorded with the note "unreadable", never dropped.
/// </summary>
public sealed class ReportIntakeJob(
    IMailboxMessages mailboxes, ReportingMailboxes reporting, IMonitoredMailboxes monitored, IPhishReportStore reports,
    MessageLinkExtractor extractor, TimeProvider clock, ILogger<ReportIntakeJob> log)
{
    [Queue(JobQueues.Scans)]
    [DisplayName("Take in phish report in {1} (tenant {0})")]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [1, 5, 30, 120, 600])]
    public async Task RunAsync(string tenantId, string mailbox, string messageId, CancellationToken ct)
    {
        if (!reporting.Is(tenantId, mailbox))
            return;
        var fetched = await mailboxes.GetMessageAsync(tenantId, mailbox, messageId, ct);
        if (fetched is null || fetched.ScannerCopyOf is not null)
            return;
        var message = fetched.Message;
        var reportKey = MessageKey.Of(tenantId, mailbox, message.InternetMessageId, fetched.Id).MessageId;
        var reporter = ((message.From ?? message.Sender)?.Address ?? "").Trim().ToLowerInvariant();
        ReportedOriginal original;
        try
        {
            original = ReportedOriginal.Read(message, extractor);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The reader turns what it expects into notes; anything else a hostile report provokes still leaves a report.
            log.LogWarning(e, "Phish report {ReportKey} in {Mailbox} could not be read", reportKey, mailbox);
            original = new ReportedOriginal(null, null, message.Subject, [], [$"{ReportedOriginal.Unreadable}: {e.GetType().Name}: {e.Message}"]);
        }
        var verified = reporter.Length > 0 && monitored.Contains(tenantId, reporter);
        var notes = original.Notes.ToList();
        if (!verified)
            notes.Insert(0, "unverified reporter: the sender is not one of the tenant's protected mailboxes");
        var report = new PhishReport(NewReportId(), tenantId, reportKey, reporter.Length > 0 ? reporter : "(no sender)", verified,
            message.ReceivedAt ?? clock.GetUtcNow(), original.MessageId, original.Sender, original.Subject, original.Links,
            string.Join('\n', notes));
        var (kept, recorded) = reports.Record(report);
        if (!recorded)
        {
            log.LogDebug("Phish report {ReportKey} in {Mailbox} already recorded as {Id}", reportKey, mailbox, kept.Id);
            return;
        }
        if (notes.Any(n => n.StartsWith(ReportedOriginal.Unreadable, StringComparison.Ordinal)))
            log.LogWarning("Phish report {Id} from {Reporter} recorded, its original unreadable: {Notes}", kept.Id, kept.Reporter, kept.Notes);
        else
            log.LogInformation("Phish report {Id} from {Reporter}{Unverified}: original {OriginalId} with {Links} link(s)", kept.Id,
                kept.Reporter, verified ? "" : " (unverified reporter)", kept.OriginalMessageId ?? "(unknown)", kept.Links.Count);
    }

    /// <summary>12 hex characters, as hunt ids: made here, since Core mints no ids.</summary>
    private static string NewReportId() => Guid.NewGuid().ToString("N")[..12];
}
