using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Core.Tests.TestSupport;
using M365Scanner.Host.Scanning;
using M365Scanner.Host.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace M365Scanner.Host.Tests.EndToEnd;

/// <summary>A rewrite's copy announces itself with its own "created" notification; the scanner knows the copy by the
/// id Graph returned when it created it, so a rewrite costs three Graph requests: read the original, create the copy,
/// move the original to quarantine.</summary>
public class OwnCopyNotificationTests
{
    [Fact]
    public async Task TheCopysOwnNotification_IsHandledWithoutReadingTheCopy_SoARewriteCostsThreeGraphRequests()
    {
        await using var env = await ScannerEnvironment.StartAsync();
        env.Control.ClearRequests();
        // Links in the body only: a PDF would add one request to read it, whatever becomes of the message.
        var originalId = env.Deliver(Mime.Message(ScannerEnvironment.Partner, ScannerEnvironment.Mailbox, "Invoice",
            "Hello Bob, the invoice: https://secure-docs.evilhost.xyz/4JEcfT25549iCYf310zjlcedhsms3764 and the minutes at https://docs.partner.example/minutes/9",
            DateTimeOffset.UtcNow, messageId: "own-copy@partner.example"));

        var verdict = await env.VerdictForAsync("own-copy@partner.example");
        Assert.Equal(MessageAction.Rewrite, verdict.Action);
        var copyId = Assert.Single(env.InFolder("Inbox", "own-copy@partner.example")).Id;
        await Eventually.Until(() => ScanJobsFor(env, copyId) > 0 ? "done" : null,
            "the scan job of the copy's own notification to run", TimeSpan.FromSeconds(60));

        var messageRequests = env.Control.Requests
            .Where(r => r.Path.Contains("/messages", StringComparison.Ordinal) && !r.Path.Contains("childFolders", StringComparison.Ordinal))
            .Select(r => $"{r.Method} {r.Path}")
            .ToList();
        Assert.DoesNotContain(messageRequests, r => r.Contains(copyId, StringComparison.Ordinal));
        Assert.True(messageRequests.Count == 3, "Graph requests about the message: " + string.Join(", ", messageRequests));
        Assert.Single(messageRequests, r => r.StartsWith("GET ", StringComparison.Ordinal) && r.EndsWith(originalId, StringComparison.Ordinal));
        Assert.Single(messageRequests, r => r.StartsWith("POST ", StringComparison.Ordinal) && r.EndsWith("/move", StringComparison.Ordinal));
        Assert.Single(messageRequests, r => r.StartsWith("POST ", StringComparison.Ordinal) && r.EndsWith("/messages", StringComparison.Ordinal));
    }

    private static int ScanJobsFor(ScannerEnvironment env, string graphMessageId) =>
        env.Host.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi().SucceededJobs(0, 1000)
            .Count(j => j.Value.Job?.Type == typeof(ScanMessageJob) && Equals(j.Value.Job.Args[2], graphMessageId));
}
