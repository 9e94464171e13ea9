using System.CommandLine;

namespace M365Scanner.Demo;

/// <summary>
/// <c>demo [--once] [--mailboxes N] [--data &lt;dir&gt;] [--state &lt;dir&gt;] [--port P]</c>: the product end to end on
/// this machine: the Graph emulator with Enron mailboxes, the host protecting them, and a handful of messages whose
/// verdicts and actions are printed as they happen. See <see cref="DemoRunner"/>. The verb, its options and its exit
/// codes are the ones `m365scanner demo` had before the demo became its own program.
/// </summary>
public sealed class DemoCommand
{
    private readonly Option<bool> Once = new("--once")
    {
        Description = "Stop after the scenario and exit (0 when every step succeeded) instead of running until Ctrl+C.",
    };

    private readonly Option<int> Mailboxes = new("--mailboxes")
    {
        Description = "How many Enron mailboxes to seed and protect (1-10).",
        DefaultValueFactory = _ => 3,
    };

    private readonly Option<string> Data = new("--data")
    {
        Description = "The shared data folder holding enron/ and phishing/. Default: ../shared/data beside the repository.",
    };

    private readonly Option<string> State = new("--state")
    {
        Description = "Where the host keeps its SQLite files; a previous demo's files there are deleted. Default: ./demo-data.",
        DefaultValueFactory = _ => "demo-data",
    };

    private readonly Option<int> Port = new("--port")
    {
        Description = "The host's port on 127.0.0.1, for the dashboard (0 picks a free one).",
        DefaultValueFactory = _ => 5080,
    };

    // Options are per instance: a System.CommandLine symbol belongs to the one command tree it is added to.
    public static Command Create() => new DemoCommand().Build();

    private Command Build()
    {
        var command = new Command("demo",
            "Run the product against the Graph emulator: Enron mailboxes, baselines, then benign, compromised-partner and phishing messages.")
        {
            Once, Mailboxes, Data, State, Port,
        };
        // Range checks sit on the options: a command validator sees 0, not the default, for an option not given.
        Mailboxes.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 10)
                result.AddError("--mailboxes must be between 1 and 10.");
        });
        Port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535)
                result.AddError("--port must be between 0 and 65535.");
        });
        command.Validators.Add(result =>
        {
            if (SharedDataFolder.Problem(result.GetValue(Data) ?? SharedDataFolder.Locate()) is { } problem)
                result.AddError(problem);
        });
        command.SetAction((parse, ct) =>
        {
            var settings = new DemoSettings(
                parse.GetValue(Once),
                parse.GetValue(Mailboxes),
                Path.GetFullPath(parse.GetValue(Data) ?? SharedDataFolder.Locate()!),
                Path.GetFullPath(parse.GetRequiredValue(State)),
                parse.GetValue(Port));
            return new DemoRunner(settings, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error).RunAsync(ct);
        });
        return command;
    }
}
