using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;

namespace M365Scanner.Host.Tests.TestSupport;

/// <summary>One delivered message and the verdict it should get: "allow", or "flag" for a rewrite or a quarantine
/// (which of the two is the scorer's business, not these tests': an external phish scores either side of the
/// quarantine threshold depending on what the tenant has already seen).</summary>
public sealed record DeliveredMail(string Mailbox, string InternetMessageId, string Expected, byte[] Mime, string GraphId);

/// <summary>
/// The mail several hosts are tested on, and the check that they handled each message exactly once in effect.
/// Mix (deterministic by index): 8 in 10 benign from the long-trusted partner, 1 in 10 the partner's invoice whose PDF
/// carries one never-seen link (rewrite), 1 in 10 external phishing failing authentication (quarantine).
/// </summary>
public static class DeliveredMailChecks
{
    public const string Quarantine = "M365Scanner Quarantine";

    public static (string Expected, byte[] Mime) Build(int index, string mailbox, string internetMessageId) => (index % 10) switch
    {
        3 => ("flag", ScannerEnvironment.LateralPdfMessage(internetMessageId,
            $"https://secure-docs.evilhost.xyz/inv/{index}x4JEcfT25549iCYf310zjlcedhsms3764", mailbox)),
        7 => ("flag", ScannerEnvironment.ExternalPhish(internetMessageId, mailbox)),
        _ => ("allow", Mime.Message(ScannerEnvironment.Partner, mailbox, $"Minutes {index}",
            $"Hello, the minutes are at https://docs.partner.example/minutes/{index} as usual.", DateTimeOffset.UtcNow,
            messageId: internetMessageId)),
    };

    /// <summary>Messages of <paramref name="sent"/> that have a verdict (one query per mailbox).</summary>
    public static int CountVerdicts(MultiHostEnvironment env, IReadOnlyCollection<DeliveredMail> sent)
    {
        var scanned = AllVerdicts(env);
        return sent.Count(m => scanned.ContainsKey(Key(env, m)));
    }

    /// <summary>Waits (polling the shared store twice a second) until every message has its verdict and every action
    /// its completed audit entry.</summary>
    public static Task WaitUntilDoneAsync(MultiHostEnvironment env, IReadOnlyCollection<DeliveredMail> sent, TimeSpan timeout) =>
        env.WithDiagnostics(async () =>
        {
            var deadline = DateTime.UtcNow + timeout;
            var missing = sent.Count;
            while (true)
            {
                var verdicts = AllVerdicts(env);
                var open = AllAudit(env).Count(e => e.State is not (AuditState.Completed or AuditState.Released));
                missing = sent.Count(m => !verdicts.ContainsKey(Key(env, m)));
                var actions = sent.Count(m => m.Expected != "allow");
                var completed = AllAudit(env).Count(e => e.State == AuditState.Completed);
                if (missing == 0 && open == 0 && completed >= actions)
                    return;
                if (DateTime.UtcNow > deadline)
                    throw new TimeoutException($"Timed out after {timeout.TotalSeconds:F0} s: {missing} of {sent.Count} messages without " +
                                               $"a verdict, {open} audit entries not completed, {completed} of {actions} actions completed" +
                                               Trace(env, sent.Where(m => !verdicts.ContainsKey(Key(env, m))).Take(5)));
                await Task.Delay(500);
            }
        });

    /// <summary>Every way a message could have been handled more or less than once, as a list of problems (empty when
    /// all is well): the verdict, the audit log, the mailbox folders at the emulator, and the hosts' own logs.</summary>
    public static IReadOnlyList<string> Problems(MultiHostEnvironment env, IReadOnlyCollection<DeliveredMail> sent)
    {
        var problems = new List<string>();
        var verdicts = AllVerdicts(env);
        var audit = AllAudit(env);
        var auditByMessage = audit.ToLookup(e => e.Key.MessageId);
        foreach (var stuck in audit.Where(e => e.State is not (AuditState.Completed or AuditState.Released)))
            problems.Add($"audit entry {stuck.Id} ({stuck.Action} of {stuck.Key.MessageId}) left in state {stuck.State}");

        var scannedLines = env.LogLines("Scanned ").ToList();
        foreach (var mailbox in sent.GroupBy(m => m.Mailbox))
        {
            var inbox = env.Folder(mailbox.Key, "Inbox").ToLookup(m => m.InternetMessageId?.Trim('<', '>'));
            var quarantine = env.Folder(mailbox.Key, Quarantine).ToLookup(m => m.InternetMessageId?.Trim('<', '>'));
            foreach (var m in mailbox)
            {
                var id = m.InternetMessageId;
                var where = $"{id} ({m.Expected})";
                if (!verdicts.TryGetValue(Key(env, m), out var verdict))
                {
                    problems.Add($"{where}: no verdict");
                    continue;
                }
                var action = verdict.Action;
                if (!verdict.Enforced || (m.Expected == "allow" ? action != MessageAction.Allow : action is not (MessageAction.Rewrite or MessageAction.Quarantine)))
                {
                    problems.Add($"{where}: verdict {action} (enforced: {verdict.Enforced})");
                    continue;
                }
                where = $"{id} ({action})";

                var entries = auditByMessage[id].ToList();
                var expectedEntries = action == MessageAction.Allow ? 0 : 1;
                if (entries.Count != expectedEntries || entries.Any(e => StableName.Of(e.Action) != StableName.Of(action)))
                    problems.Add($"{where}: audit entries [{string.Join(", ", entries.Select(e => $"{e.Id} {e.Action} {e.State}"))}]");

                var inInbox = inbox[id].ToList();
                var inQuarantine = quarantine[id].ToList();
                var (inboxWanted, quarantineWanted) = action switch { MessageAction.Allow => (1, 0), MessageAction.Rewrite => (1, 1), _ => (0, 1) };
                if (inInbox.Count != inboxWanted || inQuarantine.Count != quarantineWanted)
                    problems.Add($"{where}: {inInbox.Count} in the inbox, {inQuarantine.Count} in quarantine");
                if (action == MessageAction.Allow && inInbox.Count == 1 && !inInbox[0].Mime.SequenceEqual(m.Mime))
                    problems.Add($"{where}: benign message changed in the inbox");
                if (action == MessageAction.Rewrite && inInbox.Count == 1 && inInbox[0].Mime.SequenceEqual(m.Mime))
                    problems.Add($"{where}: the inbox holds the original, not the rewritten copy");
                if (action == MessageAction.Rewrite && entries.Count == 1 && inInbox.Count == 1 && entries[0].ResultMessageId != inInbox[0].Id)
                    problems.Add($"{where}: the inbox copy {inInbox[0].Id} is not the one the audit recorded ({entries[0].ResultMessageId})");
                if (action != MessageAction.Allow && inQuarantine.Count == 1 && !inQuarantine[0].Mime.SequenceEqual(m.Mime))
                    problems.Add($"{where}: quarantine does not hold the original byte for byte");

                // A console line can be lost when a process is killed, never written twice: at most one per message.
                var scans = scannedLines.Count(l => l.Contains($"Scanned {id} in ", StringComparison.Ordinal));
                if (scans > 1)
                    problems.Add($"{where}: scanned {scans} times according to the hosts' logs");
            }
        }
        return problems;
    }

    // What the hosts logged about each message left without a verdict (by its Message-ID or its Graph id), and every
    // warning or failure they logged, for a post-mortem.
    private static string Trace(MultiHostEnvironment env, IEnumerable<DeliveredMail> missing)
    {
        var text = new System.Text.StringBuilder();
        foreach (var m in missing)
        {
            text.Append($"\n{m.InternetMessageId} ({m.Expected}) in {m.Mailbox}, Graph id {m.GraphId}:");
            foreach (var entry in env.LogEntries(e => e.Contains(m.InternetMessageId, StringComparison.Ordinal) ||
                                                      e.Contains(m.GraphId, StringComparison.Ordinal)).DefaultIfEmpty("no log entry names it"))
                text.Append("\n  ").Append(entry);
        }
        var problems = env.LogEntries(e => e.Contains(" warn: ", StringComparison.Ordinal) || e.Contains(" fail: ", StringComparison.Ordinal)).ToList();
        text.Append($"\n{problems.Count} warnings and failures logged");
        foreach (var entry in problems.Take(15))
            text.Append("\n  ").Append(entry.Length > 600 ? entry[..600] + "..." : entry);
        return text.ToString();
    }

    private static MessageKey Key(MultiHostEnvironment env, DeliveredMail m) => MessageKey.Of(env.TenantId, m.Mailbox, m.InternetMessageId, m.GraphId);

    private static Dictionary<MessageKey, VerdictRecord> AllVerdicts(MultiHostEnvironment env) =>
        env.Mailboxes.SelectMany(mailbox => env.Stores.Verdicts.Query(new VerdictQuery(env.TenantId, mailbox, Limit: 100_000)))
            .ToDictionary(v => v.Key);

    private static List<AuditEntry> AllAudit(MultiHostEnvironment env) =>
        env.Mailboxes.SelectMany(mailbox => env.Stores.Audit.Query(env.TenantId, mailbox, limit: 100_000)).ToList();
}
