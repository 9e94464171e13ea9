using M365Scanner.GraphEmulator.Directory;

namespace M365Scanner.GraphEmulator.Identity;

/// <summary>Whether a redirect URI is registered for an app, compared as Entra ID compares them: exactly (scheme,
/// host, path, case-insensitively), except that for loopback hosts (localhost, 127.0.0.1) the port is ignored, so a
/// web app on a port chosen at start-up still matches its registration.</summary>
internal static class RedirectUris
{
    public static bool IsRegistered(AppRegistration app, string? redirectUri)
    {
        if (redirectUri is null || !Uri.TryCreate(redirectUri, UriKind.Absolute, out var asked)
            || asked.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(asked.Fragment))
            return false;
        foreach (var registered in app.RedirectUris)
        {
            if (string.Equals(registered, redirectUri, StringComparison.OrdinalIgnoreCase)) return true;
            if (asked.IsLoopback && Uri.TryCreate(registered, UriKind.Absolute, out var r) && r.IsLoopback
                && string.Equals(r.Scheme, asked.Scheme, StringComparison.OrdinalIgnoreCase)
                && string.Equals(r.Host, asked.Host, StringComparison.OrdinalIgnoreCase)
                && string.Equals(r.PathAndQuery, asked.PathAndQuery, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }
}
