using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using M365Scanner.Core.Scoring;

namespace M365Scanner.Cli.Commands;

/// <summary><c>signals</c>: every detection signal as docs/SCORING.md shows it, so an analyst reading a verdict can
/// look up what each reason means: the table (id, name, weight, known false positives), then each signal's
/// description, the attack kinds it speaks to, the strengths it fires at and the reference lists it reads. With
/// <c>--json</c>, the same as one JSON array.</summary>
public static class SignalsCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static Command Create()
    {
        var json = new Option<bool>("--json")
        {
            Description = "Print the signals as a JSON array (level, id, name, weight, description, tags, strengths, lists, knownFalsePositives).",
        };
        var command = new Command("signals",
            "List every detection signal: weight, known false positives, description, tags, strengths and reference lists (Markdown).") { json };
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Output.Write(parse.GetValue(json) ? JsonText() : Markdown());
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The whole Markdown output: <see cref="Table"/>, then <see cref="Details"/>.</summary>
    public static string Markdown() => Table() + "\n" + Details();

    /// <summary>The Markdown table, message-level signals first, then link-level, each in catalog order.</summary>
    public static string Table()
    {
        var rows = SignalCatalog.Definitions.Select(s => Row(s.Level, s.Id, s.Name, s.Weight, s.KnownFalsePositives));
        return "| level | id | name | weight | known false positives |\n|---|---|---|---|---|\n" + string.Concat(rows);
    }

    /// <summary>One section per signal, in the table's order: its description, tags, strengths and lists.</summary>
    public static string Details() => string.Join("\n", SignalCatalog.Definitions.Select(Detail));

    /// <summary>The signals as an indented JSON array; tags by their stable names, lists by their names.</summary>
    public static string JsonText() => JsonSerializer.Serialize(SignalCatalog.Definitions.Select(s => new
    {
        level = s.Level,
        id = s.Id,
        name = s.Name,
        weight = s.Weight,
        description = s.Description,
        tags = s.Tags.Select(AttackKinds.Tag),
        strengths = s.Strengths.Select(g => new { name = g.Name, value = g.Value, when = g.When }),
        lists = s.Lists.Select(l => l.Name),
        knownFalsePositives = s.KnownFalsePositives,
    }), Json) + "\n";

    private static string Row(string level, string id, string name, double weight, string falsePositives) =>
        $"| {level} | `{id}` | {name} | {Weight(weight)} | {falsePositives.Replace("|", "\\|")} |\n";

    private static string Detail(SignalDefinition s)
    {
        var strengths = string.Concat(s.Strengths.Select(g => $"  - `{g.Name}` {Strength(g.Value)}: {g.When}\n"));
        var lists = s.Lists.Count == 0 ? "none" : string.Join(", ", s.Lists.Select(l => $"`{l.Name}`"));
        return $"### `{s.Id}`\n\n{s.Name} ({s.Level}, weight {Weight(s.Weight)}). {s.Description}\n\n" +
               $"- tags: {string.Join(", ", s.Tags.Select(AttackKinds.Tag))}\n" +
               $"- strengths:\n{strengths}" +
               $"- lists: {lists}\n";
    }

    private static string Weight(double weight) => weight.ToString("+0.0#;-0.0#", CultureInfo.InvariantCulture);

    /// <summary>"1.0", "0.6", "0.25", "0.15": the grade as the code holds it.</summary>
    public static string Strength(double value) => value.ToString("0.0##", CultureInfo.InvariantCulture);
}
