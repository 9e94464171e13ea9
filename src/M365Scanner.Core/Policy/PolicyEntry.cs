namespace M365Scanner.Core.Policy;

/// <summary>
/// One allow or block decision an admin made for a tenant ("not a threat", "block"), for the whole tenant or one
/// mailbox. Removing an entry keeps it, marked with who removed it and when, so the audit trail stays whole; only
/// an active entry is applied.
/// </summary>
/// <param name="Value">A lower-case address or domain (see <see cref="Normalize"/>).</param>
/// <param name="Mailbox">The one mailbox it applies to, or null for the whole tenant.</param>
public sealed record PolicyEntry(
    string Id, string TenantId, PolicyEntryEffect Effect, PolicyEntryKind Kind, string Value, string? Mailbox,
    string AddedBy, DateTimeOffset AddedAt, string Reason)
{
    public string? RemovedBy { get; init; }

    public DateTimeOffset? RemovedAt { get; init; }

    public bool IsActive => RemovedAt is null;

    public bool AppliesTo(string mailbox) =>
        IsActive && (Mailbox is null || string.Equals(Mailbox, mailbox, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether this sender entry names <paramref name="sender"/> (a normalized address).</summary>
    public bool MatchesSender(string sender) => Kind switch
    {
        PolicyEntryKind.SenderAddress => string.Equals(sender, Value, StringComparison.OrdinalIgnoreCase),
        PolicyEntryKind.SenderDomain => sender.LastIndexOf('@') is var at and >= 0 && IsDomainOrSubdomain(sender[(at + 1)..], Value),
        _ => false,
    };

    /// <summary>Whether this link-domain entry covers a link to <paramref name="host"/>.</summary>
    public bool MatchesLinkHost(string? host) =>
        Kind == PolicyEntryKind.LinkDomain && host is not null && IsDomainOrSubdomain(host, Value);

    /// <summary>The entry as a verdict's explanation names it: what, where, by whom and why.</summary>
    public string Describe()
    {
        var what = Kind switch
        {
            PolicyEntryKind.SenderAddress => $"sender {Value}",
            PolicyEntryKind.SenderDomain => $"sender domain {Value}",
            _ => $"link domain {Value}",
        };
        var where = Mailbox is null ? "the tenant" : $"mailbox {Mailbox}";
        var verb = Effect == PolicyEntryEffect.Allow ? "allowed" : "blocked";
        var why = Reason.Length > 0 ? $": {Reason}" : "";
        return $"{what} is {verb} for {where} (entry {Id}, by {AddedBy}{why})";
    }

    /// <summary>The value as entries keep it: trimmed, lower case, without a leading "@" or a trailing dot for a domain.</summary>
    /// <returns>Null when it is not a plausible value of <paramref name="kind"/>.</returns>
    public static string? Normalize(PolicyEntryKind kind, string? value)
    {
        var text = (value ?? "").Trim().ToLowerInvariant();
        if (kind != PolicyEntryKind.SenderAddress)
            text = text.TrimStart('@').TrimEnd('.');
        if (text.Length is 0 or > 320 || text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '/' or '\\' or '<' or '>'))
            return null;
        var at = text.IndexOf('@');
        return kind == PolicyEntryKind.SenderAddress
            ? at > 0 && at == text.LastIndexOf('@') && at < text.Length - 1 ? text : null
            : at < 0 && text.Contains('.') && !text.StartsWith('.') && !text.Contains("..") ? text : null;
    }

    private static bool IsDomainOrSubdomain(string host, string domain) =>
        host.EndsWith(domain, StringComparison.OrdinalIgnoreCase)
        && (host.Length == domain.Length || host[host.Length - domain.Length - 1] == '.');
}
