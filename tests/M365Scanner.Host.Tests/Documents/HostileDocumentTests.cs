using System.Text;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Core.Tests.TestSupport;
using M365Scanner.Host.Tests.TestSupport;

namespace M365Scanner.Host.Tests.Documents;

/// <summary>Hostile PDFs from an established partner, delivered through the emulator: the host stays up, each message
/// gets one fail-safe verdict naming what was not read, and the mailbox's ordinary mail is still scanned.</summary>
public class HostileDocumentTests
{
    private const string Quarantine = "M365Scanner Quarantine";
    private const string Evil = "https://evil.example/login";

    public static TheoryData<string, string> Documents() => new()
    {
        { "uri-cycle", "reference cycle" },
        { "contents-cycle", "reference cycle" },
        { "fan-out", "drawing operators" },
        { "flate-bomb", "a stream decodes to more than 64 MiB" },
        { "annotation-flood", "were not read" },
    };

    private static byte[] Pdf(string kind) => kind switch
    {
        "uri-cycle" => RawPdf.OnePage("/Annots [4 0 R]", "<< /Subtype /Link /Rect [0 0 1 1] /A << /S /URI /URI 5 0 R >> >>", "6 0 R", "5 0 R"),
        "contents-cycle" => RawPdf.OnePage("/Contents 5 0 R /Annots [4 0 R]", RawPdf.Link(Evil), "6 0 R", "5 0 R"),
        "fan-out" => RawPdf.OnePage("/Contents 5 0 R /Resources << /XObject << /X 6 0 R >> >> /Annots [4 0 R]",
        [
            RawPdf.Link(Evil), RawPdf.Stream("/X Do"u8.ToArray()),
            .. Enumerable.Range(0, 6).Select(level => RawPdf.FlateStream(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("/X Do\n", 30))),
                $"/Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /X {(level < 5 ? 7 + level : 6)} 0 R >> >>")),
        ]),
        "flate-bomb" => RawPdf.OnePage("/Contents 5 0 R /Annots [4 0 R]", RawPdf.Link(Evil), RawPdf.FlateZeros(80L * 1024 * 1024)),
        "annotation-flood" => RawPdf.OnePage($"/Annots [{string.Join(' ', Enumerable.Repeat("<< /Subtype /Square /Rect [0 0 1 1] >>", 2_500))} 4 0 R]",
            RawPdf.Link(Evil)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task HostilePdfFromAPartner_IsQuarantinedOnce_WithItsGapNamed_AndTheHostGoesOn(string kind, string gap)
    {
        await using var env = await ScannerEnvironment.StartAsync();
        var messageId = $"{kind}@partner.example";
        env.Deliver(Mime.Message(ScannerEnvironment.Partner, ScannerEnvironment.Mailbox, "Invoice", "Hello Bob, the invoice is attached.",
            DateTimeOffset.UtcNow, pdf: ("invoice.pdf", Pdf(kind)), messageId: messageId));

        var verdict = await env.VerdictForAsync(messageId);
        Assert.Equal(MessageAction.Quarantine, verdict.Action);
        Assert.Contains(gap, verdict.Notes);
        Assert.Contains("could not be read", verdict.Explanation);
        var entry = await Eventually.Until(() => env.Audit.Query(env.TenantId).FirstOrDefault(e => e.State == AuditState.Completed), "the quarantine");
        Assert.Equal(AuditAction.Quarantine, entry.Action);
        Assert.Single(env.Audit.Query(env.TenantId));
        Assert.Single(env.Folder(Quarantine));
        Assert.Single(env.Verdicts.Query(new VerdictQuery(env.TenantId, ScannerEnvironment.Mailbox)), v => v.Key.MessageId == messageId);

        // The host is still up and scanning: the partner's next, ordinary message is read and allowed.
        env.Deliver(Mime.Message(ScannerEnvironment.Partner, ScannerEnvironment.Mailbox, "Minutes", "Minutes at https://docs.partner.example/minutes/9",
            DateTimeOffset.UtcNow, messageId: $"after-{messageId}"));
        Assert.Equal(MessageAction.Allow, (await env.VerdictForAsync($"after-{messageId}")).Action);
    }
}
