using System.Collections.Frozen;

namespace M365Scanner.Core.Scoring.Lists;

/// <summary>
/// Words that credential phishing puts in its URLs so the reader's glance finds what the lure promised ("verify
/// your account", "unlock your mailbox", "pay the invoice"). English plus the basics of German, French, Spanish,
/// Portuguese and Italian. Long words match inside a label ("securelogin"); short
/// and ambiguous ones (<see cref="ShortWords"/>) only as a whole token, because "auth" or "conta" hide inside
/// ordinary words.
/// </summary>
public static class CredentialWords
{
    /// <summary>Matched as substrings of host labels and path segments.</summary>
    public static IReadOnlyList<string> Words { get; } =
    [
        "login", "logon", "signin", "sign-in", "log-in", "verify", "verification", "account", "password", "passwd",
        "secure", "security", "update", "wallet", "unlock", "suspend", "suspended", "invoice", "payment", "billing",
        "confirm", "recover", "recovery", "webmail", "mailbox", "authenticate", "authentication", "validate",
        "validation", "credential", "reactivate", "restore", "unusual", "locked", "voicemail", "refund",
        // German, French, Spanish, Portuguese, Italian.
        "anmelden", "anmeldung", "konto", "passwort", "kennwort", "rechnung", "zahlung", "bestaetigen", "bestatigen",
        "connexion", "identifiant", "compte", "facture", "paiement", "verifier", "motdepasse",
        "iniciar", "sesion", "cuenta", "contrasena", "factura", "verificar",
        "senha", "fatura", "pagamento", "atualizar", "atualizacao", "accedi", "fattura", "verifica",
    ];

    /// <summary>Matched only as a whole token (between dots, hyphens, slashes, underscores or digits).</summary>
    public static IReadOnlyList<string> ShortWords { get; } =
    [
        "sso", "auth", "otp", "mfa", "kyc", "pin", "pwd", "owa", "adfs",
        // Hide inside ordinary words: "accessories", "contact", "constantcontact".
        "acceso", "acesso", "accesso", "conta", "pago",
    ];

    private static readonly string[] WordArray = [.. Words.Distinct()];
    private static readonly FrozenSet<string> ShortSet = ShortWords.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The distinct listed words in <paramref name="text"/> (lower case ASCII expected), in list order.</summary>
    public static List<string> Find(ReadOnlySpan<char> text)
    {
        var found = new List<string>();
        if (text.IsEmpty)
            return found;
        foreach (var word in WordArray)
        {
            if (text.Contains(word, StringComparison.Ordinal) && !IsInsideLongerListedWord(found, word))
                found.Add(word);
        }
        foreach (var range in text.SplitAny("./-_?&=#:~+%0123456789"))
        {
            var token = text[range];
            if (token.Length is >= 2 and <= 8 && ShortSet.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(token, out var word)
                    && !found.Contains(word))
                found.Add(word);
        }
        return found;
    }

    // "suspended" contains "suspend", "verification" does not contain "verify": report each idea once.
    private static bool IsInsideLongerListedWord(List<string> found, string word) =>
        found.Exists(f => f.Contains(word, StringComparison.Ordinal));
}
