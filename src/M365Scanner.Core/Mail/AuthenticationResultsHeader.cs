using System.Text;
using System.Text.RegularExpressions;

namespace M365Scanner.Core.Mail;

/// <summary>
/// An Authentication-Results header (RFC 8601) parsed leniently: the authserv-id when there is one, and each
/// method's result with its properties.
/// </summary>
/// <remarks>
/// <para>Real headers stray from the grammar, so the parser accepts what receivers actually write: Exchange Online
/// omits the authserv-id ("spf=fail (sender IP is 1.2.3.4) smtp.mailfrom=x.com; dkim=none ...;dmarc=fail
/// action=none header.from=x.com;compauth=fail reason=001"), comments nest and may hold ';' or '=', values may be
/// quoted, spaces may surround '='. Anything it cannot read is skipped, never thrown on.</para>
/// <para>Only the receiving system's own header is evidence: headers lower in the message were added before it
/// (or written by the sender to look like a pass). <see cref="OfReceiver"/> picks that header.</para>
/// </remarks>
public sealed partial record AuthenticationResultsHeader(string? AuthServId, IReadOnlyList<AuthenticationResult> Results)
{
    private const string HeaderName = "Authentication-Results";

    /// <summary>Every result of <paramref name="method"/> ("dkim" may appear once per signature).</summary>
    public IEnumerable<AuthenticationResult> ResultsOf(string method) =>
        Results.Where(r => string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when some result of <paramref name="method"/> is <paramref name="result"/>.</summary>
    public bool Has(string method, string result) =>
        ResultsOf(method).Any(r => string.Equals(r.Result, result, StringComparison.OrdinalIgnoreCase));

    /// <summary>Parses one header value; never throws (null or garbage give an empty result list).</summary>
    public static AuthenticationResultsHeader Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return new(null, []);
        var segments = SplitSegments(StripComments(value));
        string? authServId = null;
        var results = new List<AuthenticationResult>();
        for (var i = 0; i < segments.Count; i++)
        {
            var tokens = Tokens(segments[i]);
            if (tokens.Count == 0)
                continue;
            // The first segment is the authserv-id (optionally followed by a version) unless it already is a
            // result, as in Exchange Online's headers.
            if (i == 0 && !tokens[0].Contains('=', StringComparison.Ordinal))
            {
                authServId = tokens[0].ToLowerInvariant();
                continue;
            }
            if (ParseResult(tokens) is { } result)
                results.Add(result);
        }
        return new(authServId, results);
    }

    /// <summary>
    /// The results written by the system that delivered <paramref name="message"/>: the topmost
    /// Authentication-Results header, together with the headers right below it that carry the same authserv-id
    /// (some receivers, ProtonMail for one, write one header per method). Null when the message has none
    /// (old mail, an .eml saved without them): absence says nothing.
    /// </summary>
    /// <remarks>ARC-Authentication-Results are ignored: they record an earlier hop's view.</remarks>
    public static AuthenticationResultsHeader? OfReceiver(EmailMessage? message)
    {
        if (message is null)
            return null;
        // The full header list tells the two kinds apart by name; without it, an ARC one starts with "i=<n>;".
        var values = message.Headers
            .Where(h => string.Equals(h.Name?.Trim(), HeaderName, StringComparison.OrdinalIgnoreCase))
            .Select(h => h.Value).ToList();
        if (values.Count == 0)
            values = [.. message.AuthenticationResults.Where(v => v is not null && !ArcInstance().IsMatch(v))];
        if (values.Count == 0)
            return null;

        var top = Parse(values[0]);
        if (top.AuthServId is null)
            return top;
        var results = new List<AuthenticationResult>(top.Results);
        foreach (var value in values.Skip(1))
        {
            var next = Parse(value);
            if (next.AuthServId != top.AuthServId)
                break;
            results.AddRange(next.Results);
        }
        return top with { Results = results };
    }

    private static AuthenticationResult? ParseResult(List<string> tokens)
    {
        var (method, result) = Split(tokens[0]);
        if (method.Length == 0 || result.Length == 0)
            return null;
        var slash = method.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
            method = method[..slash]; // "dkim/1=pass": the method version is noise here
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var token in tokens.Skip(1))
        {
            var (key, val) = Split(token);
            if (key.Length > 0)
                properties.TryAdd(key.ToLowerInvariant(), val);
        }
        return new AuthenticationResult(method.Trim().ToLowerInvariant(), result.Trim().ToLowerInvariant(), properties);
    }

    private static (string Key, string Value) Split(string token)
    {
        var eq = token.IndexOf('=', StringComparison.Ordinal);
        return eq <= 0 ? ("", "") : (token[..eq], token[(eq + 1)..]);
    }

    // Removes (comments), nested ones included, outside quoted strings; keeps quoted text without its quotes.
    private static string StripComments(string value)
    {
        var sb = new StringBuilder(value.Length);
        var depth = 0;
        var quoted = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\\' && i + 1 < value.Length && (quoted || depth > 0))
            {
                if (depth == 0)
                    sb.Append(value[i + 1]);
                i++;
            }
            else if (quoted)
            {
                if (c == '"')
                    quoted = false;
                else
                    sb.Append(c == ';' ? ',' : c); // a ';' inside quotes does not end the result
            }
            else if (c == '(')
                depth++;
            else if (c == ')' && depth > 0)
            {
                depth--;
                if (depth == 0)
                    sb.Append(' ');
            }
            else if (depth > 0)
                continue;
            else if (c == '"')
                quoted = true;
            else
                sb.Append(c);
        }
        return sb.ToString();
    }

    private static List<string> SplitSegments(string value) =>
        [.. value.Split(';').Select(s => s.Trim()).Where(s => s.Length > 0)];

    // "spf = pass smtp.mailfrom=x" -> ["spf=pass", "smtp.mailfrom=x"]: spaces around '=' are glued first.
    private static List<string> Tokens(string segment) =>
        [.. SpacedEquals().Replace(segment, "=").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)];

    [GeneratedRegex(@"\s*=\s*")]
    private static partial Regex SpacedEquals();

    [GeneratedRegex(@"^\s*i\s*=\s*\d+\s*;")]
    private static partial Regex ArcInstance();
}
