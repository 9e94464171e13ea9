namespace M365Scanner.Host.AnalystConsole;

/// <summary>What the console's address answers when no sign-in is configured: how to turn it on, not a blank 404.</summary>
internal static class ConsoleNotConfigured
{
    public static IResult Page() => TypedResults.Content(
        """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Console not configured</title></head><body>
        <h1>The console is not configured</h1>
        <p>The analyst console signs people in with your organisation's Entra ID. Register a web app with the app roles
        Admin, Analyst and Reader and the redirect URI <code>{public base URL}/signin-oidc</code>, then set
        <code>Console:Authority</code>, <code>Console:ClientId</code> and <code>Console:ClientSecret</code> (see docs/CONSOLE.md).</p>
        </body></html>
        """, "text/html; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
}
