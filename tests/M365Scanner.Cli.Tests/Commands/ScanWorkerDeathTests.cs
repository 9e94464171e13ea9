using M365Scanner.Core.Tests.TestSupport;
using M365Scanner.DocumentWorker.Tests.TestSupport;

namespace M365Scanner.Cli.Tests.Commands;

/// <summary>
/// A PDF that overflows PdfPig's stack kills whatever process parses it. The scan parses PDFs in worker processes,
/// so it loses a worker, not itself: this test runs the command in the test's own process, which would die with it
/// otherwise.
/// </summary>
public class ScanWorkerDeathTests
{
    private static string WithPdf(string subject, string fileName, byte[] pdf) =>
        $"From: x@sender.example\r\nTo: bob@tenant.example\r\nSubject: {subject}\r\nMessage-ID: <{subject}@sender.example>\r\n" +
        "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n" +
        "--b\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n" +
        $"--b\r\nContent-Type: application/pdf; name=\"{fileName}\"\r\nContent-Disposition: attachment; filename=\"{fileName}\"\r\n" +
        "Content-Transfer-Encoding: base64\r\n\r\n" + Convert.ToBase64String(pdf, Base64FormattingOptions.InsertLineBreaks) +
        "\r\n--b--\r\n";

    [Fact]
    public async Task Scan_SurvivesAPdfThatKillsItsParseWorker_AndScansTheNextFile()
    {
        using var dir = new TempDir();
        var benign = File.ReadAllBytes(SharedData.PathOf("pdf-benign", "Single-Page-Hyperlinks---from-open-office.pdf"));
        var killer = dir.Write("1-killer.eml", WithPdf("killer", "cycle.pdf", WorkerKillingPdf.Build()));
        var next = dir.Write("2-next.eml", WithPdf("next", "links.pdf", benign));

        var run = await CliRun.Of("scan", "--mailbox", "bob@tenant.example", killer, next);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, run.Lines.Count);
        Assert.Equal(killer, run.Lines[0].GetProperty("file").GetString());
        var notes = run.Lines[0].GetProperty("notes").EnumerateArray().Select(n => n.GetString()).ToList();
        Assert.Contains(notes, n => n!.StartsWith("pdf could not be read: cycle.pdf: its parse worker died (exit code ", StringComparison.Ordinal));
        Assert.Contains("warning: ", run.Stderr);
        Assert.Contains("its parse worker died", run.Stderr);

        Assert.Equal(next, run.Lines[1].GetProperty("file").GetString());
        var domains = run.Lines[1].GetProperty("links").EnumerateArray().Select(l => l.GetProperty("domain").GetString()).ToList();
        Assert.Contains("duckduckgo.com", domains);
        Assert.Contains("github.com", domains);
    }
}
