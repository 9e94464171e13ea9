using System.Text.Json;

namespace M365Scanner.HostileCorpus.Outcomes;

/// <summary>
/// What one run of <c>m365scanner scan</c> on one item did, read from its exit code and JSONL output, and judged
/// against the targets of issue 11. The tests and scripts/hostile-docs-bench share this one judgement.
/// </summary>
public sealed record ScanOutcome
{
    /// <summary>Null when the run was killed at its deadline.</summary>
    public int? ExitCode { get; init; }

    public int Records { get; init; }

    /// <summary>allow | rewrite | quarantine; null without a verdict.</summary>
    public string? Action { get; init; }

    public string? Error { get; init; }

    /// <summary>The record's notes except its "decision: ..." line, which explains the action rather than naming
    /// something that was not read.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public bool LinkFound { get; init; }

    /// <summary>The malicious link was found and its own action is not allow.</summary>
    public bool LinkFlagged { get; init; }

    public static ScanOutcome Read(HostileItem item, int? exitCode, string stdout)
    {
        ArgumentNullException.ThrowIfNull(item);
        var lines = (stdout ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var outcome = new ScanOutcome { ExitCode = exitCode, Records = lines.Length };
        if (lines.Length != 1)
            return outcome;

        JsonElement record;
        try
        {
            record = JsonDocument.Parse(lines[0]).RootElement.Clone();
        }
        catch (JsonException)
        {
            return outcome with { Records = 0 };
        }
        var link = Items(record, "links")
            .FirstOrDefault(l => IsMalicious(item, l, "target") || IsMalicious(item, l, "url"));
        return outcome with
        {
            Action = Text(record, "action"),
            Error = Text(record, "error"),
            Notes = [.. Items(record, "notes").Select(n => n.GetString() ?? "")
                .Where(n => !n.StartsWith("decision:", StringComparison.Ordinal))],
            LinkFound = link.ValueKind != JsonValueKind.Undefined,
            LinkFlagged = link.ValueKind != JsonValueKind.Undefined && Text(link, "action") is { } a && a != "allow",
        };
    }

    /// <summary>Each target of issue 11 the run missed, in words; empty when the outcome is the one wanted.</summary>
    /// <remarks>For a hostile item: the scan returned (exit code 0, one record, a verdict rather than an error
    /// line), a note says what was not read (naming the attachment when the item hides the link in one), and the
    /// message is not allowed. For a control: the link was found and flagged.</remarks>
    public IReadOnlyList<string> Misses(HostileItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var misses = new List<string>();
        if (ExitCode is null)
            return ["the scan did not return before its deadline and was killed"];
        if (ExitCode != 0)
            misses.Add($"exit code {ExitCode}" + (ExitCode == 134 ? " (the process aborted: stack overflow or fatal error)" : ""));
        if (Records != 1)
            misses.Add($"{Records} JSONL records instead of 1");
        if (Error is not null)
            misses.Add($"an error line instead of a verdict: {Error}");
        if (misses.Count > 0)
            return misses;

        if (item.IsControl)
        {
            if (!LinkFound)
                misses.Add($"{item.MaliciousUrl} was not found");
            else if (!LinkFlagged)
                misses.Add($"{item.MaliciousUrl} was found but allowed");
            return misses;
        }
        if (item.NoteExpected && Notes.Count == 0)
            misses.Add("no note says what was not read");
        else if (item.NoteExpected && item.Attachment is { } name && !Notes.Any(n => n.Contains(name, StringComparison.OrdinalIgnoreCase)))
            misses.Add($"no note names {name}");
        if (Action is not ("rewrite" or "quarantine"))
            misses.Add($"action {Action ?? "missing"}: the message is allowed ({(LinkFound ? "link found, not flagged" : "link not found")})");
        return misses;
    }

    private static bool IsMalicious(HostileItem item, JsonElement link, string property) =>
        string.Equals(Text(link, property), item.MaliciousUrl, StringComparison.OrdinalIgnoreCase);

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) &&
        value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IEnumerable<JsonElement> Items(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var array) &&
        array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : [];
}
