using M365Scanner.Core.Policy;
using M365Scanner.Core.Tests.TestSupport;
using M365Scanner.Host.Mailboxes;
using M365Scanner.Host.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace M365Scanner.Host.Tests.EndToEnd;

/// <summary>The scanner leaves its own messages unscanned by their marker property; a sender who gets that property
/// set on the message he sends (Exchange may promote a winmail.dat's named properties) must not be left unscanned.</summary>
public class ForgedCopyMarkerTests
{
    private const string Id = "forged-marker@partner.example";

    [Fact]
    public async Task DeliveredMessageWithAForgedCopyMarker_IsScannedAndActedOn_WhileTheScannersOwnCopyIsStillRecognised()
    {
        await using var env = await ScannerEnvironment.StartAsync();
        // What the marker held before it was tagged: an id, which anyone can write.
        var forgedId = env.Control.Deliver(env.TenantId, ScannerEnvironment.Mailbox, Mime.Message(ScannerEnvironment.Partner, ScannerEnvironment.Mailbox,
                "Invoice", "Hello Bob, the invoice: https://secure-docs.evilhost.xyz/4JEcfT25549iCYf310zjlcedhsms3764 and the minutes at https://docs.partner.example/minutes/9",
                DateTimeOffset.UtcNow, messageId: Id),
            receivedAt: DateTimeOffset.UtcNow,
            extendedProperties: new Dictionary<string, string> { [MailboxOverGraph.CopyOfProperty] = "AAMkAGI2TG93AAA=" });

        var verdict = await env.VerdictForAsync(Id);

        Assert.Equal(MessageAction.Rewrite, verdict.Action);
        Assert.DoesNotContain(env.InFolder("Inbox", Id), m => m.Id == forgedId);
        var copyId = Assert.Single(env.InFolder("Inbox", Id)).Id;
        var copy = await env.Host.Services.GetRequiredService<IMailboxMessages>()
            .GetMessageAsync(env.TenantId, ScannerEnvironment.Mailbox, copyId, CancellationToken.None);
        Assert.Equal(forgedId, copy?.ScannerCopyOf);
    }
}
