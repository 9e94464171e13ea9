using System.Text;
using M365Scanner.Core.Tests.TestSupport;

namespace M365Scanner.Cli.Tests.Commands;

/// <summary>
/// One run over the kinds of input attackers and broken mailers produce: each message ends in a clear note or an
/// error line of its own, nothing crashes or hangs, and the ordinary message in the same run is still scanned.
/// </summary>
public class ScanHostileInputTests
{
    private const string Headers = "From: x@sender.example\r\nTo: bob@tenant.example\r\nSubject: {0}\r\nMessage-ID: <{0}@sender.example>\r\n";

    private static string WithAttachment(string subject, string contentType, string fileName, byte[] content) =>
        string.Format(Headers, subject) +
        "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n" +
        "--b\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n" +
        $"--b\r\nContent-Type: {contentType}; name=\"{fileName}\"\r\nContent-Disposition: attachment; filename=\"{fileName}\"\r\n" +
        "Content-Transfer-Encoding: base64\r\n\r\n" + Convert.ToBase64String(content, Base64FormattingOptions.InsertLineBreaks) +
        "\r\n--b--\r\n";

    private static string NestedChain(int depth)
    {
        var inner = string.Format(Headers, "innermost") + "\r\nhttp://innermost.example/\r\n";
        for (var i = 0; i < depth; i++)
            inner = string.Format(Headers, $"level{i}") +
                    "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"n" + i + "\"\r\n\r\n" +
                    $"--n{i}\r\nContent-Type: text/plain\r\n\r\nlevel {i}\r\n--n{i}\r\nContent-Type: message/rfc822\r\n\r\n" +
                    inner + $"\r\n--n{i}--\r\n";
        return inner;
    }

    [Fact]
    public async Task Scan_NotesEachHostileMessage_AndStillScansTheOthers()
    {
        using var dir = new TempDir();
        var goodPdf = File.ReadAllBytes(SharedData.PathOf("pdf-benign", "Single-Page-Hyperlinks---from-open-office.pdf"));
        var brokenXref = Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(goodPdf).Replace("startxref", "startxref\n99999999\n%"));
        var full = WithAttachment("truncated", "application/pdf", "doc.pdf", goodPdf);

        var files = new[]
        {
            dir.Write("01-truncated.eml", full[..(full.Length / 2)]),
            dir.Write("02-broken-xref.eml", WithAttachment("brokenxref", "application/pdf", "broken.pdf", brokenXref)),
            dir.Write("03-encrypted.eml", WithAttachment("encrypted", "application/pdf", "locked.pdf",
                MinimalPdf.BuildEncrypted("secret", "https://hidden.example/", "not-in-the-body"))),
            dir.Write("04-huge.eml", WithAttachment("huge", "application/octet-stream", "big.bin", new byte[50 * 1024 * 1024])),
            dir.Write("05-nested.eml", NestedChain(40)),
            dir.Write("06-big-html.eml", string.Format(Headers, "bightml") + "Content-Type: text/html\r\n\r\n" +
                "<p>" + string.Concat(Enumerable.Repeat("<span>filler text</span> ", 5 * 1024 * 1024 / 25)) +
                "<a href=\"https://after-the-padding.example/\">late link</a></p>"),
            dir.Write("07-ordinary.eml", string.Format(Headers, "ordinary") + "\r\nsee https://ordinary.example/page\r\n"),
        };

        var run = await CliRun.Of(["scan", "--mailbox", "bob@tenant.example", .. files]);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Lines;
        Assert.Equal(files.Length, lines.Count);
        string Notes(int i) => string.Join(" | ", lines[i].TryGetProperty("notes", out var n) ? n.EnumerateArray().Select(x => x.GetString()) : []);
        IEnumerable<string?> Targets(int i) => lines[i].GetProperty("links").EnumerateArray().Select(l => l.GetProperty("target").GetString());

        Assert.Contains("pdf", Notes(0));                                    // the attachment was cut mid-way
        Assert.Contains("pdf", Notes(1));
        Assert.Contains("https://github.com/", Targets(1));                 // lenient parsing still read it
        Assert.Contains("pdf could not be read", Notes(2));
        Assert.Contains("encrypted", Notes(2));
        Assert.Contains("too large", Notes(3));
        Assert.True(lines[4].TryGetProperty("error", out _) || Notes(4).Contains("nesting"), $"nested: {lines[4]}");
        Assert.Contains("https://after-the-padding.example/", Targets(5));
        Assert.Equal(["https://ordinary.example/page"], Targets(6));
    }
}
