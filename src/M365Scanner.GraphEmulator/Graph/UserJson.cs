using System.Text.Json;
using M365Scanner.GraphEmulator.Directory;

namespace M365Scanner.GraphEmulator.Graph;

/// <summary>Writes a user with Graph's default property set (or the $select subset).</summary>
internal static class UserJson
{
    public static void Write(Utf8JsonWriter w, EmulatedUser u, IReadOnlySet<string>? select)
    {
        bool Has(string name) => select is null || select.Contains(name);
        var (given, surname) = SplitName(u.DisplayName);
        w.WriteStartObject();
        if (Has("businessPhones")) { w.WriteStartArray("businessPhones"); w.WriteEndArray(); }
        if (Has("displayName")) w.WriteString("displayName", u.DisplayName);
        if (Has("givenName")) w.WriteString("givenName", given);
        if (Has("jobTitle")) w.WriteNull("jobTitle");
        if (Has("mail")) w.WriteString("mail", u.UserPrincipalName);
        if (Has("mobilePhone")) w.WriteNull("mobilePhone");
        if (Has("officeLocation")) w.WriteNull("officeLocation");
        if (Has("preferredLanguage")) w.WriteString("preferredLanguage", "en-US");
        if (Has("surname")) w.WriteString("surname", surname);
        if (Has("userPrincipalName")) w.WriteString("userPrincipalName", u.UserPrincipalName);
        w.WriteString("id", u.Id);
        w.WriteEndObject();
    }

    private static (string? Given, string? Surname) SplitName(string displayName)
    {
        var parts = displayName.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2 ? (parts[0], parts[1]) : (displayName, null);
    }
}
