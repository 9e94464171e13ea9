using System.CommandLine;

namespace M365Scanner.Cli.Commands;

/// <summary>
/// <c>demo</c>, kept so that the verb a script or an old README calls says where it went instead of "unknown
/// command": the demo runs a web host and a Graph emulator, which this command no longer carries; it is its own
/// program, with the same verb, options and exit codes. Whatever the arguments, this prints the command to run
/// instead and exits <see cref="ExitCodes.BadArguments"/>.
/// </summary>
public static class DemoMovedCommand
{
    /// <summary>Where the demo program lives, from the repository root.</summary>
    public const string DemoProject = "src/M365Scanner.Demo";

    public static Command Create()
    {
        var command = new Command("demo", $"Moved: the demo is its own program, `dotnet run --project {DemoProject} -- demo`.")
        {
            Hidden = true,
            // Any of the demo's options (or stray words) are passed on in the message, not refused.
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(async parse =>
        {
            var passed = string.Concat(parse.UnmatchedTokens.Select(t => " " + Quote(t)));
            await parse.InvocationConfiguration.Error.WriteLineAsync(
                "The demo is no longer part of m365scanner: it runs a web host and a Graph emulator, which the shipped " +
                $"command does not carry. Run it from the repository root with the same options:\n" +
                $"  dotnet run --project {DemoProject} -- demo{passed}");
            return ExitCodes.BadArguments;
        });
        return command;
    }

    private static string Quote(string token) =>
        token.Length > 0 && token.All(c => char.IsLetterOrDigit(c) || "-_./=:@".Contains(c)) ? token : "'" + token.Replace("'", "'\\''") + "'";
}
