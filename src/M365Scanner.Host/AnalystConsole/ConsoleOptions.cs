namespace M365Scanner.Host.AnalystConsole;

/// <summary>The console's sign-in (section "Console"): the organisation's Entra ID app registration for the console,
/// a web app with the app roles Admin, Analyst and Reader. Without a client id the console is off and says so.</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Console";

    /// <summary>The OpenID Connect authority: <c>https://login.microsoftonline.com/{tenant id}/v2.0</c> for Entra ID.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>The app's client secret; from a secret store or environment variable, never from a file in the repo.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>How long a console session lasts without activity before the user signs in again.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How long a console session lasts after its sign-in, however active: then the user signs in again, and
    /// a role removed or an account disabled in Entra ID takes effect.</summary>
    public TimeSpan SessionMaxLifetime { get; set; } = TimeSpan.FromHours(12);

    public bool Enabled => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(Authority);
}
