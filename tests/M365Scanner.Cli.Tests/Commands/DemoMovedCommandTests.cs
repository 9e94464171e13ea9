namespace M365Scanner.Cli.Tests.Commands;

/// <summary><c>m365scanner demo</c> after the demo became its own program: it says where, with the options given.</summary>
public class DemoMovedCommandTests
{
    [Fact]
    public async Task Demo_PointsAtTheDemoProgram_WithTheSameOptions_AndExits2()
    {
        var run = await CliRun.Of("demo", "--once", "--mailboxes", "1", "--state", "/tmp/demo state");

        Assert.Equal(ExitCodes.BadArguments, run.ExitCode);
        Assert.Contains("dotnet run --project src/M365Scanner.Demo -- demo --once --mailboxes 1 --state '/tmp/demo state'", run.Stderr);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task Help_DoesNotOfferTheDemo()
    {
        var run = await CliRun.Of("--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("scan", run.Stdout);
        Assert.DoesNotContain("demo", run.Stdout);
    }
}
