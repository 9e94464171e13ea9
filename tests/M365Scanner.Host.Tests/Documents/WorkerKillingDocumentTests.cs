using System.Net.Http.Json;
using System.Text.Json;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.DocumentWorker.Tests.TestSupport;
using M365Scanner.Host.Tests.TestSupport;

namespace M365Scanner.Host.Tests.Documents;

/// <summary>
/// A PDF that kills whatever process parses it (a stack overflow inside PdfPig), delivered through the emulator. Read
/// in the host's own process it used to abort the host, and the re-queued job aborted it again at every restart;
/// read in a parse worker it costs that worker only: the message gets one fail-safe verdict, is marked poison, and
/// the host goes on scanning other mail.
/// </summary>
public class WorkerKillingDocumentTests
{
    private const string Carol = "carol@contoso.example";
    private const string Quarantine = "M365Scanner Quarantine";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task PdfThatKillsItsParseWorker_IsQuarantinedOnceAndMarkedPoison_AndTheHostScansOtherMail()
    {
        await using var env = await ScannerEnvironment.StartAsync(otherMailboxes: [Carol]);
        const string messageId = "killer@partner.example";
        env.Deliver(Mime.Message(ScannerEnvironment.Partner, ScannerEnvironment.Mailbox, "Invoice", "Hello Bob, the invoice is attached.",
            DateTimeOffset.UtcNow, pdf: ("invoice.pdf", WorkerKillingPdf.Build()), messageId: messageId));

        var verdict = await env.VerdictForAsync(messageId);

        Assert.Equal(MessageAction.Quarantine, verdict.Action); // what could not be read counts against the message
        var died = Assert.Single(verdict.Notes.Split('\n'), n => n.Contains("its parse worker died", StringComparison.Ordinal));
        Assert.Matches(@"^pdf could not be read: invoice\.pdf: its parse worker died \(exit code \d+\)$", died);
        var entry = await Eventually.Until(() => env.Audit.Query(env.TenantId).FirstOrDefault(e => e.State == AuditState.Completed), "the quarantine");
        Assert.Equal(AuditAction.Quarantine, entry.Action);
        Assert.Single(env.Folder(Quarantine));
        Assert.Single(env.Verdicts.Query(new VerdictQuery(env.TenantId, ScannerEnvironment.Mailbox)), v => v.Key.MessageId == messageId);
        using var admin = env.AdminClient();
        var poison = Assert.Single(await admin.GetFromJsonAsync<JsonElement[]>("/api/admin/poison", Json) ?? []);
        Assert.Equal(died, poison.GetProperty("reason").GetString());

        // The same host, still up, scans the next message, in another mailbox, with a PDF of its own.
        env.Deliver(Mime.Message(ScannerEnvironment.Partner, Carol, "Minutes", "Minutes attached, see https://docs.partner.example/minutes/9",
            DateTimeOffset.UtcNow, pdf: ("minutes.pdf", M365Scanner.Core.Tests.TestSupport.MinimalPdf.Build(
                new M365Scanner.Core.Tests.TestSupport.MinimalPage(["Minutes: https://docs.partner.example/minutes/9"], []))),
            messageId: "after-killer@partner.example"), Carol);
        var after = await env.VerdictForAsync("after-killer@partner.example", Carol);
        Assert.Equal(MessageAction.Allow, after.Action);
        Assert.DoesNotContain("could not be read", after.Notes);
    }
}
