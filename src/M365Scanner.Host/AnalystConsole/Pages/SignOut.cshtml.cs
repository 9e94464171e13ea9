using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace M365Scanner.Host.AnalystConsole.Pages;

/// <summary>Ends the console session here and at the identity provider (a POST, so no other site can sign a user out).</summary>
public sealed class SignOutModel : PageModel
{
    public void OnGet()
    {
    }

    public IActionResult OnPost() => SignOut(new AuthenticationProperties { RedirectUri = ConsolePaths.SignedOut },
        ScannerConsoleExtensions.CookieScheme, ScannerConsoleExtensions.SignInScheme);
}
