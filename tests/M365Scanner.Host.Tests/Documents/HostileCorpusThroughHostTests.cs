using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Host.Tests.TestSupport;
using M365Scanner.HostileCorpus;
using MimeKit;

namespace M365Scanner.Host.Tests.Documents;

/// <summary>The whole hostile corpus delivered to one mailbox through the emulator, one host: every document gets one
/// verdict that is not "allow", naming what it did not read, and the host goes on to scan ordinary mail.</summary>
public class HostileCorpusThroughHostTests
{
    // The 100 MiB attachment is left to the Graph adapter's tests ("Attachment bytes"): through the in-process emulator
    // it would cost this test process the message's size several times over, to show what those tests already show.
    private static readonly IReadOnlyList<HostileItem> Items = [.. Corpus.All.Where(i => i.Name != "pdf-attachment-100mib")];

    [Fact]
    public async Task EveryHostileDocument_GetsOneVerdictThatIsNotAllow_NamingWhatWasNotRead()
    {
        await using var env = await ScannerEnvironment.StartAsync();
        foreach (var item in Items)
            env.Deliver(Bytes(item.ToMessage()));

        var verdicts = new Dictionary<string, VerdictRecord>();
        foreach (var item in Items)
            verdicts[item.Name] = await env.VerdictForAsync($"{item.Name}@evil-sender.example");

        var misses = Items.SelectMany(item => Misses(item, verdicts[item.Name])).ToList();
        Assert.True(misses.Count == 0, string.Join("\n", misses));
        var recorded = env.Verdicts.Query(new VerdictQuery(env.TenantId, ScannerEnvironment.Mailbox, Limit: 1000));
        Assert.All(Items, item => Assert.Single(recorded, v => v.Key.MessageId == $"{item.Name}@evil-sender.example"));

        // Still scanning: an ordinary message from the partner arrives and is allowed.
        env.Deliver(Mime.Message(ScannerEnvironment.Partner, ScannerEnvironment.Mailbox, "Minutes", "Minutes at https://docs.partner.example/minutes/10",
            DateTimeOffset.UtcNow, messageId: "after-corpus@partner.example"));
        Assert.Equal(MessageAction.Allow, (await env.VerdictForAsync("after-corpus@partner.example")).Action);
    }

    private static IEnumerable<string> Misses(HostileItem item, VerdictRecord verdict)
    {
        if (verdict.Action == MessageAction.Allow)
            yield return $"{item.Name}: allowed ({verdict.Explanation})";
        // Either the hidden link was read, or a note says what was not. (Through Graph the host never parses MIME:
        // Exchange hands over the nested message's body, so a MIME-nesting item is read whole here.)
        var linkRead = verdict.LinksJson.Contains(item.MaliciousUrl, StringComparison.Ordinal);
        if (item.NoteExpected && !linkRead &&
            !verdict.Notes.Split('\n').Any(n => n.Length > 0 && (item.Attachment is null || n.Contains(item.Attachment, StringComparison.Ordinal))))
            yield return $"{item.Name}: its link was not read and no note names what was not ({verdict.Notes})";
    }

    private static byte[] Bytes(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }
}
