using System.CommandLine;

namespace M365Scanner.Demo;

/// <summary>The demo program's command line, runnable with any output writers (tests capture them).</summary>
public static class DemoApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr,
        CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("M365Scanner demo: the product end to end on this machine, against the Graph emulator.")
        {
            DemoCommand.Create(),
        };
        // `demo` is this program's one verb, so it may be left out: `m365scanner-demo --once` is `... demo --once`.
        if (args.Length == 0 || args[0].StartsWith('-') && args[0] is not ("--help" or "-h" or "-?" or "--version"))
            args = ["demo", .. args];
        var parse = root.Parse(args);
        // System.CommandLine reports parse errors with exit code 1; ours is 2, the convention for usage errors.
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
                await stderr.WriteLineAsync(error.Message);
            await stderr.WriteLineAsync("Run with --help for usage.");
            return ExitCodes.BadArguments;
        }
        // Ctrl+C cancels the action's token; the demo then needs a few seconds to stop its host and emulator.
        var invocation = new InvocationConfiguration { Output = stdout, Error = stderr, ProcessTerminationTimeout = TimeSpan.FromSeconds(15) };
        return await parse.InvokeAsync(invocation, cancellationToken);
    }
}
