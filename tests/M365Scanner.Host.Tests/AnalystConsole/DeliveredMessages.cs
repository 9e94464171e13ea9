using M365Scanner.Core.Operations;
using M365Scanner.Host.Tests.TestSupport;

namespace M365Scanner.Host.Tests.AnalystConsole;

/// <summary>One scanner, started once for a class of read-only console tests, with three messages judged: the
/// partner's invoice whose PDF carries a never-seen link (rewritten), an external phish (quarantined) and a partner
/// message whose subject is markup (allowed).</summary>
public sealed class DeliveredMessages : IAsyncLifetime
{
    public const string EvilUrl = "https://secure-docs.evilhost.xyz/4JEcfT25549iCYf310zjlcedhsms3764";
    public const string LateralId = "console-lateral@partner.example";
    public const string PhishId = "console-phish@phish.example";
    public const string MarkupId = "console-markup@partner.example";
    public const string MarkupSubject = "<script>alert(1)</script> Minutes & notes";

    public ScannerEnvironment Env { get; private set; } = null!;
    public VerdictRecord Lateral { get; private set; } = null!;
    public VerdictRecord Phish { get; private set; } = null!;
    public VerdictRecord Markup { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Env = await ScannerEnvironment.StartAsync();
        Env.Deliver(ScannerEnvironment.LateralPdfMessage(LateralId, EvilUrl));
        Env.Deliver(ScannerEnvironment.ExternalPhish(PhishId));
        Env.Deliver(Mime.Message(ScannerEnvironment.Partner, ScannerEnvironment.Mailbox, MarkupSubject,
            "Hello Bob, the minutes: https://docs.partner.example/minutes/9", DateTimeOffset.UtcNow, messageId: MarkupId));
        Lateral = await Env.VerdictForAsync(LateralId);
        Phish = await Env.VerdictForAsync(PhishId);
        Markup = await Env.VerdictForAsync(MarkupId);
    }

    public async Task DisposeAsync() => await Env.DisposeAsync();
}
