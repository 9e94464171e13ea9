using System.Text.Json;

namespace M365Scanner.Cli.Tests.Commands;

public class ScanCommandTests
{
    private const string Message = """
        Message-ID: <m1@partner.example>
        From: alice@partner.example
        To: bob@tenant.example
        Subject: hello
        Content-Type: text/html

        <p>Report: <a href="https://partner.example/report">the report</a></p>
        """;

    [Fact]
    public async Task Scan_PrintsOneJsonLinePerMessage_InInputOrder()
    {
        using var dir = new TempDir();
        var b = dir.Write("b.eml", Message.Replace("m1@", "m2@"));
        var a = dir.Write("a.eml", Message);

        var run = await CliRun.Of("scan", "--mailbox", "bob@tenant.example", b, a);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["m2@partner.example", "m1@partner.example"],
            run.Lines.Select(l => l.GetProperty("internetMessageId").GetString()));
        var link = Assert.Single(run.Lines[0].GetProperty("links").EnumerateArray());
        Assert.Equal("https://partner.example/report", link.GetProperty("url").GetString());
        Assert.Equal("https://partner.example/report", link.GetProperty("target").GetString());
        Assert.Equal("partner.example", link.GetProperty("domain").GetString());
        Assert.Equal("body", link.GetProperty("origin").GetString());
        Assert.Equal("the report", link.GetProperty("text").GetString());
        Assert.Equal("allow", link.GetProperty("action").GetString());
        Assert.Equal(JsonValueKind.Array, link.GetProperty("reasons").ValueKind);
        Assert.Equal("allow", run.Lines[0].GetProperty("action").GetString());
    }

    [Fact]
    public async Task Scan_ReadsEveryFileOfAFolderRecursively_WhateverItsExtension()
    {
        using var dir = new TempDir();
        dir.Write("1.", Message);
        dir.Write("sub/00042", Message);
        dir.Write("sub/deeper/x.eml", Message);

        var run = await CliRun.Of("scan", "--mailbox", "bob@tenant.example", dir.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(3, run.Lines.Count);
    }

    [Fact]
    public async Task Scan_ReportsErrorLineAndContinues_WhenAFileIsNotAMessage()
    {
        using var dir = new TempDir();
        var empty = dir.Write("a-empty.eml", "");
        var good = dir.Write("b-good.eml", Message);

        var run = await CliRun.Of("scan", "--mailbox", "bob@tenant.example", empty, good);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, run.Lines.Count);
        Assert.Equal(empty, run.Lines[0].GetProperty("file").GetString());
        Assert.False(string.IsNullOrWhiteSpace(run.Lines[0].GetProperty("error").GetString()));
        Assert.False(run.Lines[0].TryGetProperty("links", out _));
        Assert.Single(run.Lines[1].GetProperty("links").EnumerateArray());
    }

    [Theory]
    [InlineData("scan")]                                                   // no --mailbox, no path
    [InlineData("scan", "--mailbox", "bob@tenant.example")]                // no path
    [InlineData("scan", "--mailbox", "not-an-address", "PATH")]
    [InlineData("scan", "--mailbox", "bob@tenant.example", "--format", "xml", "PATH")]
    [InlineData("scan", "--mailbox", "bob@tenant.example", "/no/such/file.eml")]
    [InlineData("scan", "--mailbox", "bob@tenant.example", "--history", "/no/such/dir", "PATH")]
    [InlineData("frobnicate")]
    public async Task Scan_ExitsWith2AndExplains_WhenArgumentsAreBad(params string[] args)
    {
        using var dir = new TempDir();
        var file = dir.Write("m.eml", Message);

        var run = await CliRun.Of([.. args.Select(a => a == "PATH" ? file : a)]);

        Assert.Equal(2, run.ExitCode);
        Assert.False(string.IsNullOrWhiteSpace(run.Stderr));
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task Scan_PrintsReadableTable_WhenFormatIsText()
    {
        using var dir = new TempDir();
        var file = dir.Write("m.eml", Message);

        var run = await CliRun.Of("scan", "--mailbox", "bob@tenant.example", "--format", "text", file);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"hello\"", run.Stdout);
        Assert.Contains("https://partner.example/report", run.Stdout);
        Assert.Contains("1 message(s)", run.Stdout);
    }
}
