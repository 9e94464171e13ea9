using M365Scanner.GraphEmulator.Tests.TestSupport;

namespace M365Scanner.GraphEmulator.Tests.Standalone;

/// <summary>The standalone emulator as a user runs it: its usage on <c>--help</c>, and a clean stop on SIGTERM (what
/// <c>docker stop</c>, systemd and a script's <c>kill</c> send).</summary>
public sealed class StandaloneProcessTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Help_PrintsEveryOption_AndExitsZero_WithoutStarting()
    {
        using var emulator = EmulatorProcess.Start("--help");

        Assert.True(await emulator.WaitForExitAsync(Deadline), $"--help did not exit. Output:\n{emulator.Output}");
        Assert.Equal(0, emulator.ExitCode);
        foreach (var option in new[] { "--port", "--cert", "--enron", "--mailboxes", "--redate-days", "--host-env", "--help" })
            Assert.Contains(option, emulator.Output);
        Assert.DoesNotContain("Now listening", emulator.Output);
    }

    [Fact]
    public async Task UnknownOption_IsRefused_WithExitCode2()
    {
        using var emulator = EmulatorProcess.Start("--prot", "5443");

        Assert.True(await emulator.WaitForExitAsync(Deadline), $"did not exit. Output:\n{emulator.Output}");
        Assert.Equal(2, emulator.ExitCode);
        Assert.Contains("unknown option --prot", emulator.Output);
    }

    [Fact]
    public async Task Sigterm_StopsTheRunningEmulator()
    {
        var cert = Path.Combine(Path.GetTempPath(), $"emulator-sigterm-{Guid.NewGuid():N}.pem");
        try
        {
            using var emulator = EmulatorProcess.Start("--port", "0", "--cert", cert, "--mailboxes", "0");
            Assert.True(await emulator.WaitForOutputAsync("Console sign-in", Deadline), $"did not start. Output:\n{emulator.Output}");

            emulator.Signal("TERM");

            Assert.True(await emulator.WaitForExitAsync(Deadline), $"still running {Deadline.TotalSeconds:0} s after SIGTERM. Output:\n{emulator.Output}");
            Assert.Equal(0, emulator.ExitCode);
        }
        finally
        {
            File.Delete(cert);
        }
    }
}
