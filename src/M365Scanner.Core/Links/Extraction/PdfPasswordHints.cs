using System.Net;
using System.Text.RegularExpressions;
using M365Scanner.Core.Mail;

namespace M365Scanner.Core.Links.Extraction;

/// <summary>
/// Finds passwords a message prints for its own encrypted attachment ("Senha de acesso: 1234", "Password: x7Q").
/// Phishing kits encrypt PDFs precisely so scanners cannot read them, and must tell the victim the password, so
/// trying what the body offers opens most of them.
/// </summary>
public static partial class PdfPasswordHints
{
    private const int MaxHints = 5;

    [GeneratedRegex(
        """\b(?:password|passwort|kennwort|senha|contrase[ñn]a|mot\s+de\s+passe|wachtwoord|has[łl]o|parola|pwd|passcode|pass\s+code|pin|c[oó]digo)\b[^:：=\n]{0,25}[:：=]\s*(?<token>[^\s<>"']{3,32})""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Hint();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    public static IReadOnlyList<string> From(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var hints = new List<string>();
        foreach (var text in Texts(message))
        {
            foreach (Match match in Hint().Matches(text))
            {
                var token = match.Groups["token"].Value.TrimEnd('.', ',', ';', ')', '-');
                if (token.Length >= 3 && !hints.Contains(token))
                    hints.Add(token);
                if (hints.Count == MaxHints)
                    return hints;
            }
        }
        return hints;
    }

    // Only short hints matter, so the HTML is flattened with a tag-stripping regex rather than a full parse: a
    // missed hint costs one unread PDF (noted), never a wrong link.
    private static IEnumerable<string> Texts(EmailMessage message)
    {
        if (message.TextBody is { Length: > 0 } text)
            yield return Limit(text);
        if (message.HtmlBody is { Length: > 0 } html)
            yield return WebUtility.HtmlDecode(Tag().Replace(Limit(html), " "));
    }

    private static string Limit(string s) => s.Length <= 200_000 ? s : s[..200_000];
}
