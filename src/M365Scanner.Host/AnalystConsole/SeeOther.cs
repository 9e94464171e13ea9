using Microsoft.AspNetCore.Mvc;

namespace M365Scanner.Host.AnalystConsole;

/// <summary>303 See Other to a local path: after a form's action succeeds the browser loads the result with a GET, so
/// reloading it does not post the action again.</summary>
internal sealed class SeeOther(string localPath) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context)
    {
        if (!localPath.StartsWith('/') || localPath.StartsWith("//", StringComparison.Ordinal))
            throw new InvalidOperationException($"not a local path: {localPath}");
        context.HttpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.HttpContext.Response.Headers.Location = localPath;
        return Task.CompletedTask;
    }
}
