namespace M365Scanner.GraphEmulator.Graph;

/// <summary>The navigation properties of a $expand and each one's nested query options:
/// "attachments($select=id,name),singleValueExtendedProperties($filter=id eq 'a,b')" gives attachments → {select:
/// "id,name"} and singleValueExtendedProperties → {filter: "id eq 'a,b'"}. Commas and semicolons inside parentheses
/// or quoted literals do not split.</summary>
internal static class ExpandClauses
{
    /// <summary>Expanded property → its nested options (option names without "$", lower case).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Parse(string? expand)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in TopLevel(expand ?? "", ','))
        {
            var open = item.IndexOf('(');
            if (open < 0)
            {
                result[item] = Empty;
                continue;
            }
            if (!item.EndsWith(')'))
                throw GraphException.BadRequest($"Parsing OData Select and Expand failed: ')' expected in '{item}'.");
            result[item[..open].Trim()] = Options(item[(open + 1)..^1]);
        }
        return result;
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    private static Dictionary<string, string> Options(string nested)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var option in TopLevel(nested, ';'))
        {
            var equals = option.IndexOf('=');
            if (equals <= 0)
                throw GraphException.BadRequest($"Parsing OData Select and Expand failed: '{option}' is not a query option.");
            options[option[..equals].Trim().TrimStart('$').ToLowerInvariant()] = option[(equals + 1)..].Trim();
        }
        return options;
    }

    private static IEnumerable<string> TopLevel(string text, char separator)
    {
        var depth = 0;
        var quoted = false;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : separator;
            if (c == '\'') quoted = !quoted; // '' inside a literal toggles twice: still quoted
            else if (!quoted && c == '(') depth++;
            else if (!quoted && c == ')') depth--;
            else if (!quoted && depth == 0 && c == separator)
            {
                var part = text[start..Math.Min(i, text.Length)].Trim();
                if (part.Length > 0) yield return part;
                start = i + 1;
            }
        }
    }
}
