namespace M365Scanner.Host.BlockedLinks;

/// <summary>How the blocked-link page names the user's organisation: the name configured for the tenant
/// (<see cref="ScannerHostOptions.OrganisationNames"/>), else the domain of the mailbox the link was sent to (what the
/// user sees in their own address), else no name at all.</summary>
public static class OrganisationName
{
    /// <summary>The organisation's name for a sentence's start ("Contoso", "contoso.example"), or null when unknown.</summary>
    public static string? For(ScannerHostOptions options, string tenantId, string mailbox)
    {
        if (options.OrganisationNames.TryGetValue(tenantId, out var configured) && !string.IsNullOrWhiteSpace(configured))
            return configured.Trim();
        var at = mailbox.LastIndexOf('@');
        return at > 0 && at < mailbox.Length - 1 ? mailbox[(at + 1)..] : null;
    }
}
