using Microsoft.AspNetCore.Authentication;

namespace M365Scanner.Host.AnalystConsole;

/// <summary>A sign-in that comes back and cannot be completed (the provider's page left open past the correlation
/// cookie's life, the provider refusing, a forged or replayed return) answers with a page that says so and offers to
/// sign in again, instead of the framework's unhandled exception (a bare 500). The cause goes to the log, not the page.</summary>
internal static class ConsoleSignInFailed
{
    public static async Task WriteAsync(RemoteFailureContext context)
    {
        context.HandleResponse();
        context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ConsoleSignInFailed).FullName!)
            .LogWarning(context.Failure, "A console sign-in did not complete");
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/html; charset=utf-8";
        ConsoleSecurityHeaders.Apply(context.Response);
        await context.Response.WriteAsync(
            $"""
             <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in did not complete</title>
             <link rel="stylesheet" href="{ConsolePaths.Stylesheet}"></head><body><main>
             <h1>Sign-in did not complete</h1>
             <p>The sign-in could not be finished here: the sign-in page may have been open too long, or the identity
             provider did not sign you in. Nothing was changed.</p>
             <p><a href="{ConsolePaths.Messages}">Sign in again</a></p></main></body></html>
             """);
    }
}
