using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace M365Scanner.Host.AnalystConsole;

/// <summary>
/// A console session ends <see cref="ConsoleOptions.SessionMaxLifetime"/> after its sign-in, however active it is:
/// roles come from the id token at sign-in, so a user whose role was removed or whose account was disabled in Entra ID
/// must go back through Entra ID to keep acting. The sliding idle timeout alone would renew the session forever, and
/// each renewal moves the cookie's own issue time, hence the sign-in time kept beside it.
/// </summary>
internal static class ConsoleSessionLifetime
{
    private const string SignedInAt = "m365scanner.signed-in-at";

    public static Task StampAsync(TicketReceivedContext context)
    {
        context.Properties!.Items[SignedInAt] = context.Options.TimeProvider!.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        return Task.CompletedTask;
    }

    public static async Task CheckAsync(CookieValidatePrincipalContext context, TimeSpan maxLifetime)
    {
        var now = context.Options.TimeProvider!.GetUtcNow();
        var signedIn = context.Properties.Items.TryGetValue(SignedInAt, out var stamp) &&
                       DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at
            : DateTimeOffset.MinValue;
        if (now - signedIn < maxLifetime)
            return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(ScannerConsoleExtensions.CookieScheme);
    }
}
