using System.Globalization;
using System.Text.RegularExpressions;
using M365Scanner.GraphEmulator.Mail;

namespace M365Scanner.GraphEmulator.Graph;

/// <summary>The part of OData $filter that mail clients use: comparisons on dates, booleans and a few strings,
/// joined with "and". Anything else is refused with Graph's error rather than silently ignored.</summary>
internal static partial class MessageFilter
{
    public static Func<StoredMessage, bool> Parse(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter)) return _ => true;
        var clauses = AndSplit().Split(filter.Trim()).Select(ParseClause).ToArray();
        return m => clauses.All(c => c(m));
    }

    private static Func<StoredMessage, bool> ParseClause(string clause)
    {
        var match = Clause().Match(clause.Trim().Trim('(', ')').Trim());
        if (!match.Success) throw Invalid(clause);
        var property = match.Groups["p"].Value;
        var op = match.Groups["op"].Value.ToLowerInvariant();
        var literal = match.Groups["v"].Value;

        switch (property.ToLowerInvariant())
        {
            case "receiveddatetime": return Dates(m => m.ReceivedDateTime);
            case "sentdatetime": return Dates(m => m.SentDateTime);
            case "lastmodifieddatetime": return Dates(m => m.LastModifiedDateTime);
            case "createddatetime": return Dates(m => m.CreatedDateTime);
            case "isread": return Bools(m => m.IsRead);
            case "isdraft": return Bools(m => m.IsDraft);
            case "hasattachments": return Bools(m => m.HasAttachments);
            case "subject": return Strings(m => m.Subject);
            case "internetmessageid": return Strings(m => m.InternetMessageId);
            default: throw new GraphException(400, "ErrorInvalidProperty", $"Could not find a property named '{property}' on type 'microsoft.graph.message'.");
        }

        Func<StoredMessage, bool> Dates(Func<StoredMessage, DateTimeOffset> get)
        {
            if (!DateTimeOffset.TryParse(literal.Trim('\''), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
                throw Invalid(clause);
            return m => Compare(get(m).CompareTo(value), op, clause);
        }

        Func<StoredMessage, bool> Bools(Func<StoredMessage, bool> get)
        {
            if (!bool.TryParse(literal, out var value) || op is not ("eq" or "ne")) throw Invalid(clause);
            return m => (get(m) == value) == (op == "eq");
        }

        Func<StoredMessage, bool> Strings(Func<StoredMessage, string?> get)
        {
            if (!literal.StartsWith('\'') || op is not ("eq" or "ne")) throw Invalid(clause);
            var value = literal[1..^1].Replace("''", "'");
            return m => string.Equals(get(m), value, StringComparison.OrdinalIgnoreCase) == (op == "eq");
        }
    }

    private static bool Compare(int c, string op, string clause) => op switch
    {
        "eq" => c == 0,
        "ne" => c != 0,
        "gt" => c > 0,
        "ge" => c >= 0,
        "lt" => c < 0,
        "le" => c <= 0,
        _ => throw Invalid(clause),
    };

    private static GraphException Invalid(string clause) =>
        new(400, "BadRequest", $"Invalid filter clause: {clause}");

    [GeneratedRegex(@"\s+and\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AndSplit();

    [GeneratedRegex(@"^(?<p>[A-Za-z]+)\s+(?<op>eq|ne|gt|ge|lt|le)\s+(?<v>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Clause();
}
