using System.CommandLine;
using System.Globalization;
using M365Scanner.Core.Scoring;

namespace M365Scanner.Cli.Commands;

/// <summary><c>signals</c>: the table of every detection signal (id, name, weight, known false positives), as
/// docs/SCORING.md shows it, so an analyst reading a verdict can look up what each reason means.</summary>
public static class SignalsCommand
{
    public static Command Create()
    {
        var command = new Command("signals", "List every detection signal with its weight and known false positives (Markdown).");
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Output.Write(Table());
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The Markdown table, message-level signals first, then link-level, each in catalog order.</summary>
    public static string Table()
    {
        var rows = SignalCatalog.MessageSignals.Select(s => Row("message", s.Id, s.Name, s.Weight, s.KnownFalsePositives))
            .Concat(SignalCatalog.LinkSignals.Select(s => Row("link", s.Id, s.Name, s.Weight, s.KnownFalsePositives)));
        return "| level | id | name | weight | known false positives |\n|---|---|---|---|---|\n" + string.Concat(rows);
    }

    private static string Row(string level, string id, string name, double weight, string falsePositives) =>
        $"| {level} | `{id}` | {name} | {weight.ToString("+0.0#;-0.0#", CultureInfo.InvariantCulture)} | {falsePositives.Replace("|", "\\|")} |\n";
}
