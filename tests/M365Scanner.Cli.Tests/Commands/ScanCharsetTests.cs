namespace M365Scanner.Cli.Tests.Commands;

/// <summary>A message in a legacy charset reads the same in a fresh process as anywhere else: the scan is the first
/// thing the process decodes, before any HTML or PDF reader has loaded.</summary>
public class ScanCharsetTests
{
    [Theory]
    // A Czech partner's link in windows-1250: "č" is 0xE8 and "š" 0x9A, which read as "è" and a C1 control character
    // when the charset is not known, and the host is then another one (or none).
    [InlineData("windows-1250", "https://=E8e=9Atina.example/faktura ke sta=9Een=ED.", "https://čeština.example/faktura")]
    // Shift_JIS is one of the charsets MimeKit probes once, when its charset table is first built: built before the
    // code-page provider is registered, the table marks it unsupported for the life of the process.
    [InlineData("shift_jis", "https://=83e=83X=83g.example/invoice", "https://テスト.example/invoice")]
    public async Task Scan_InAFreshProcess_ReadsABodyInItsCharset(string charset, string quotedPrintableBody, string expectedUrl)
    {
        using var dir = new TempDir();
        var file = dir.Write("legacy.eml", $"""
            Message-ID: <legacy@partner.example>
            From: alice@partner.example
            To: bob@tenant.example
            Subject: invoice
            MIME-Version: 1.0
            Content-Type: text/plain; charset={charset}
            Content-Transfer-Encoding: quoted-printable

            Link: {quotedPrintableBody}
            """);

        var run = await CliProcess.Of("scan", "--mailbox", "bob@tenant.example", file);

        Assert.True(run.ExitCode == 0, run.StderrHead);
        var line = Assert.Single(run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var link = Assert.Single(System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("links").EnumerateArray());
        Assert.Equal(expectedUrl, link.GetProperty("url").GetString());
    }
}
