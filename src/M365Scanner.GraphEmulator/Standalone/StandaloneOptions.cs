using System.Globalization;

namespace M365Scanner.GraphEmulator.Standalone;

/// <summary>The standalone emulator's command line (<c>--name value</c> pairs and <c>--help</c>).</summary>
public sealed record StandaloneOptions
{
    public int Port { get; init; } = 5443;
    public string CertPath { get; init; } = Path.Combine(Path.GetTempPath(), "m365scanner-graph-emulator.pem");
    public string? Enron { get; init; }
    public int Mailboxes { get; init; } = 3;

    /// <summary>When set, each seeded inbox's dates are moved into the last this many days, so a scanner whose
    /// baseline reads recent history (90 days by default) finds the Enron correspondents.</summary>
    public int? RedateDays { get; init; }

    /// <summary>Where to write the host's settings for this emulator as a shell file to source.</summary>
    public string? HostEnvPath { get; init; }

    public bool Help { get; init; }

    public const string Usage = """
        M365Scanner Graph emulator (standalone): a local Microsoft Graph and Entra ID for the demo tenant.

        Usage: dotnet run --project src/M365Scanner.GraphEmulator -- [options]

        Options:
          --port <n>           port on 127.0.0.1 (default 5443; 0 picks a free one)
          --cert <path>        where to write the server certificate (PEM) clients must trust
                               (default: m365scanner-graph-emulator.pem in the temp folder)
          --enron <dir>        Enron maildir to seed mailboxes from (e.g. ../shared/data/enron); none when omitted
          --mailboxes <n>      how many of the best-connected Enron inboxes to seed (default 3)
          --redate-days <n>    move each seeded inbox's dates into the last n days (keeping order and spacing),
                               so a scanner's baseline window finds them; dates are kept when omitted
          --host-env <path>    write the host's Graph, console and mailbox settings for this emulator as a shell
                               file to source (export Name__Key='value' lines), once seeding is done
          --help               print this and exit

        Stops on Ctrl+C or SIGTERM. See docs/EMULATOR.md and scripts/host-against-emulator.
        """;

    /// <summary>Parses <paramref name="args"/>; an unknown option or a bad value throws <see cref="ArgumentException"/>
    /// with a message fit for the console.</summary>
    public static StandaloneOptions Parse(IReadOnlyList<string> args)
    {
        var options = new StandaloneOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inline) = Split(args[i]);
            if (name is "--help" or "-h" or "-?")
            {
                options = options with { Help = true };
                continue;
            }
            var value = inline ?? (i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value"));
            options = name switch
            {
                "--port" => options with { Port = Number(name, value, 0, 65535) },
                "--cert" => options with { CertPath = value },
                "--enron" => options with { Enron = value },
                "--mailboxes" => options with { Mailboxes = Number(name, value, 0, 1000) },
                "--redate-days" => options with { RedateDays = Number(name, value, 1, 36500) },
                "--host-env" => options with { HostEnvPath = value },
                _ => throw new ArgumentException($"unknown option {name} (see --help)"),
            };
        }
        return options;
    }

    private static (string Name, string? Value) Split(string arg)
    {
        var eq = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && eq > 0 ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
    }

    private static int Number(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ArgumentException($"{name} takes a whole number from {min} to {max}, not '{value}'");
}
