using System.Text.Json.Nodes;
using M365Scanner.Core.Links;

namespace M365Scanner.Host.Alerts;

/// <summary>
/// An alert as a Teams message holding one Adaptive Card: the shape both a channel's Incoming Webhook and a Workflows
/// "when a Teams webhook request is received" flow accept (<c>{"type":"message","attachments":[{"contentType":
/// "application/vnd.microsoft.card.adaptive","contentUrl":null,"content":{AdaptiveCard}}]}</c>). Teams renders text
/// as a subset of Markdown, so every text from the message is escaped before it is shown; the card stays well under
/// Teams' 28 KB limit because the payload it is drawn from is bounded and at most <see cref="MaxLinks"/> links are shown.
/// </summary>
public static class TeamsCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const int MaxLinks = 5;

    public static JsonObject From(AlertPayload alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var verb = (alert.Action, alert.Enforced) switch
        {
            ("quarantine", true) => "quarantined",
            ("rewrite", true) => "link(s) rewritten",
            (var action, false) => $"would be {(action == "quarantine" ? "quarantined" : "rewritten")} (report-only)",
            (var action, _) => action,
        };
        var body = new JsonArray
        {
            Text($"M365Scanner: message {verb}", weight: "Bolder", size: "Medium", color: alert.Enforced ? "Attention" : "Warning"),
            new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray
                {
                    Fact("Mailbox", alert.Mailbox),
                    Fact("From", alert.Sender ?? "(unknown)"),
                    Fact("Subject", alert.Subject ?? "(none)"),
                    Fact("Score", alert.Score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)),
                    Fact("Message-ID", alert.InternetMessageId ?? "(none)"),
                },
            },
            Text(Escape(alert.Explanation)),
        };
        foreach (var link in alert.FlaggedLinks.Take(MaxLinks))
        {
            body.Add(Text($"Flagged link in {Escape(link.Origin)}: {Escape(Defanged.Url(link.Target))}", weight: "Bolder"));
            if (link.Reasons.Count > 0)
                body.Add(Text(string.Join("\n", link.Reasons.Take(3).Select(r => "- " + Escape(r))), isSubtle: true));
        }
        var more = alert.FlaggedLinks.Count - MaxLinks + alert.FlaggedLinksOmitted;
        if (more > 0)
            body.Add(Text($"{more} more flagged link(s).", isSubtle: true));
        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = body,
            ["msteams"] = new JsonObject { ["width"] = "Full" },
        };
        if (alert.ConsoleUrl is { } console)
            card["actions"] = new JsonArray { new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open in the console", ["url"] = console } };
        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray
            {
                new JsonObject { ["contentType"] = ContentType, ["contentUrl"] = null, ["content"] = card },
            },
        };
    }

    private static JsonObject Text(string text, string? weight = null, string? size = null, string? color = null, bool isSubtle = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (weight is not null)
            block["weight"] = weight;
        if (size is not null)
            block["size"] = size;
        if (color is not null)
            block["color"] = color;
        if (isSubtle)
            block["isSubtle"] = true;
        return block;
    }

    // FactSet values are plain text in Teams, but a title or value that starts a Markdown construct still renders as one.
    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = Escape(value) };

    /// <summary>Text from a message, escaped so Teams shows it as written (no link, emphasis or heading it did not
    /// mean) and with its web addresses defanged, so no client makes a phish's address clickable in the SOC's channel.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new System.Text.StringBuilder(text.Length);
        foreach (var c in Defanged.Text(text))
        {
            if (c is '\\' or '*' or '_' or '[' or ']' or '(' or ')' or '#' or '`' or '<' or '>' or '~' or '|')
                escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}
