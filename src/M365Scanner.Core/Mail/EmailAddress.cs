namespace M365Scanner.Core.Mail;

/// <summary>An RFC 5322 mailbox: the address and the display name shown to the reader.</summary>
/// <remarks>The address is kept as written; use <see cref="Normalized"/> for comparisons, because
/// mail systems treat the local part case-insensitively in practice.</remarks>
public sealed record EmailAddress(string Address, string? DisplayName = null)
{
    /// <summary>The address in lower case, trimmed: the key used for lookups.</summary>
    public string Normalized => Address.Trim().ToLowerInvariant();

    /// <summary>The part after the last '@', lower case; empty when the address has none.</summary>
    public string Domain
    {
        get
        {
            var at = Address.LastIndexOf('@');
            return at < 0 ? "" : Address[(at + 1)..].Trim().ToLowerInvariant();
        }
    }

    public override string ToString() =>
        string.IsNullOrWhiteSpace(DisplayName) ? Address : $"{DisplayName} <{Address}>";
}
