using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace M365Scanner.Host.AnalystConsole.Pages;

/// <summary>The console opens on the messages it judged.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect(ConsolePaths.Messages);
}
