using System.CommandLine;
using M365Scanner.Cli.Commands;

namespace M365Scanner.Cli;

/// <summary>The command tree, runnable with any output writers (tests capture them).</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr,
        CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("M365Scanner: post-delivery link scanning for Microsoft 365.")
        {
            ScanCommand.Create(),
            SignalsCommand.Create(),
            ListsCommand.Create(),
            DemoMovedCommand.Create(),
            ConsentUrlCommand.Create(),
            HuntCommand.Create(),
            ReleaseCommand.Create(),
            ExportCommand.Create(),
        };
        var parse = root.Parse(args);
        // System.CommandLine reports parse errors with exit code 1; ours is 2, the convention for usage errors.
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
                await stderr.WriteLineAsync(error.Message);
            await stderr.WriteLineAsync("Run with --help for usage.");
            return ExitCodes.BadArguments;
        }
        var invocation = new InvocationConfiguration { Output = stdout, Error = stderr };
        return await parse.InvokeAsync(invocation, cancellationToken);
    }
}
