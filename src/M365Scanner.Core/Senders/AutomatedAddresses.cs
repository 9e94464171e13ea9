namespace M365Scanner.Core.Senders;

/// <summary>
/// Local parts that say an address is a machine's, not a person's ("noreply@", "do-not-reply@", "mailer-daemon@").
/// Named data; extend it here. Compared with '-', '_' and '.' removed and case ignored, so "no_reply", "No-Reply" and
/// "no.reply" are one entry.
/// </summary>
public static class AutomatedAddresses
{
    private static readonly HashSet<string> LocalParts = new(StringComparer.OrdinalIgnoreCase)
    {
        "noreply", "donotreply", "dontreply", "noresponse", "noreplies", "mailerdaemon", "postmaster",
        "autoreply", "autoresponder", "bounce", "bounces", "notification", "notifications", "alerts", "alert",
    };

    public static bool Contains(string? address)
    {
        if (string.IsNullOrEmpty(address))
            return false;
        var at = address.LastIndexOf('@');
        var local = (at < 0 ? address : address[..at]).Replace("-", "").Replace("_", "").Replace(".", "");
        // "noreply+tag@" and "noreply-12345@" (a numbered sender) are the same machine.
        var plus = local.IndexOf('+');
        if (plus > 0)
            local = local[..plus];
        return LocalParts.Contains(local) || local.StartsWith("noreply", StringComparison.OrdinalIgnoreCase) ||
               local.StartsWith("donotreply", StringComparison.OrdinalIgnoreCase);
    }
}
