using System.Globalization;
using System.Text.RegularExpressions;

namespace M365Scanner.Core.Onboarding;

/// <summary>
/// The organization an admin names to start a consent: its tenant id (a GUID) or one of its verified domains
/// (<c>contoso.com</c>, <c>contoso.onmicrosoft.com</c>). The admin-consent URL is built for that tenant, so Entra ID
/// asks an admin of that organization, and the callback accepts a consent of that organization only. The generic
/// authorities (<c>organizations</c>, <c>common</c>, <c>consumers</c>) are refused: with them any organization
/// could answer.
/// </summary>
public static partial class ConsentTenant
{
    /// <summary>The tenant in canonical form (a lower-case GUID "D" string, or a lower-case ASCII domain), or false
    /// when <paramref name="input"/> is neither.</summary>
    public static bool TryNormalize(string? input, out string tenant)
    {
        tenant = "";
        var text = input?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 253)
            return false;
        if (Guid.TryParseExact(text, "D", out var id))
        {
            tenant = id.ToString("D");
            return true;
        }
        string ascii;
        try
        {
            ascii = new IdnMapping().GetAscii(text.TrimEnd('.')).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return false;
        }
        if (!DomainName().IsMatch(ascii))
            return false;
        tenant = ascii;
        return true;
    }

    /// <summary>True when <paramref name="tenant"/> is a tenant id rather than a domain.</summary>
    public static bool IsTenantId(string tenant) => Guid.TryParseExact(tenant, "D", out _);

    // Two labels at least (so "organizations" and "common" never match), each 1-63 letters, digits or inner hyphens.
    [GeneratedRegex(@"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex DomainName();
}
