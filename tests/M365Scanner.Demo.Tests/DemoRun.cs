namespace M365Scanner.Demo.Tests;

/// <summary>Runs the demo program in-process with captured output, as a user would from a shell.</summary>
public sealed record DemoRun(int ExitCode, string Stdout, string Stderr)
{
    public static async Task<DemoRun> Of(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await DemoApp.RunAsync(args, stdout, stderr);
        return new DemoRun(code, stdout.ToString(), stderr.ToString());
    }
}
