using System.Text.Json;

namespace M365Scanner.Cli.Tests;

/// <summary>Runs the CLI in-process with captured output, as a user would from a shell.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static async Task<CliRun> Of(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The JSONL output, one parsed object per line.</summary>
    public IReadOnlyList<JsonElement> Lines =>
        [.. Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];
}
