using M365Scanner.GraphEmulator.Control;
using M365Scanner.GraphEmulator.Faults;
using M365Scanner.GraphEmulator.Subscriptions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace M365Scanner.GraphEmulator.Apis;

/// <summary>The non-Graph control routes under /_emulator, mirroring <see cref="EmulatorControl"/> for use from other
/// processes (the demo, shell scripts). Not authenticated: the emulator listens on loopback only.</summary>
internal static class ControlApi
{
    public sealed record TenantRequest(string? Id, string? Domain);
    public sealed record AppRequest(string? ClientId, string? Secret, string? CertificatePem, string[]? GrantedRoles, string[]? RequestedRoles, string[]? RedirectUris);
    /// <summary>A user; with <c>Password</c> it can sign in, and <c>AppRoles</c> maps an app's client id to the app
    /// roles the user holds for it (e.g. {"&lt;clientId&gt;": ["Analyst"]}).</summary>
    public sealed record UserRequest(string UserPrincipalName, string? DisplayName, string? Id, string? Password,
        Dictionary<string, string[]>? AppRoles);
    public sealed record LoadRequest(string Directory, string? Folder, TimeSpan? SpreadOverLast);
    public sealed record LifecycleRequest(LifecycleEvent Event);

    public static IEndpointRouteBuilder MapControlApi(this IEndpointRouteBuilder app)
    {
        var control = app.MapGroup("/_emulator");
        control.MapPost("/tenants", (TenantRequest r, EmulatorControl c) =>
            TypedResults.Ok(new { c.CreateTenant(r.Id, r.Domain ?? "contoso.onmicrosoft.com").Id }));
        control.MapPost("/tenants/{tenantId}/apps", (string tenantId, AppRequest r, EmulatorControl c) =>
        {
            var cert = r.CertificatePem is null ? null : System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(r.CertificatePem);
            var registered = c.RegisterApp(tenantId, r.ClientId, r.Secret, cert, r.GrantedRoles, r.RequestedRoles, r.RedirectUris);
            return TypedResults.Ok(new { registered.ClientId });
        });
        control.MapPut("/tenants/{tenantId}/consent-error", (string tenantId, string? error, EmulatorControl c) =>
        {
            c.SetConsentError(tenantId, error);
            return TypedResults.NoContent();
        });
        control.MapGet("/tenants/{tenantId}/consents", (string tenantId, EmulatorControl c) => TypedResults.Ok(c.GetTenant(tenantId).Consents));
        control.MapPost("/tenants/{tenantId}/users", (string tenantId, UserRequest r, EmulatorControl c) =>
        {
            foreach (var clientId in r.AppRoles?.Keys.ToArray() ?? [])
                if (!c.GetTenant(tenantId).Apps.ContainsKey(clientId))
                    return Results.BadRequest(new { error = $"No app {clientId} in tenant {tenantId}." });
            var user = c.AddUser(tenantId, r.UserPrincipalName, r.DisplayName, r.Id);
            if (r.Password is not null) c.SetPassword(tenantId, user.Id, r.Password);
            foreach (var (clientId, roles) in r.AppRoles ?? [])
                c.AssignAppRoles(tenantId, user.Id, clientId, roles);
            return Results.Ok(new { user.Id, user.UserPrincipalName });
        });
        control.MapPost("/tenants/{tenantId}/users/{user}/load", (string tenantId, string user, LoadRequest r, EmulatorControl c) =>
            TypedResults.Ok(new { loaded = c.LoadEml(tenantId, user, r.Directory, r.Folder ?? "inbox", r.SpreadOverLast) }));
        control.MapPost("/tenants/{tenantId}/users/{user}/deliver", Deliver);
        control.MapGet("/tenants/{tenantId}/users/{user}/folders", (string tenantId, string user, EmulatorControl c) =>
            TypedResults.Ok(c.GetFolders(tenantId, user)));
        control.MapGet("/tenants/{tenantId}/users/{user}/messages", (string tenantId, string user, string? folder, EmulatorControl c) =>
            TypedResults.Ok(c.GetMessages(tenantId, user, folder).Select(m => new
            {
                m.Id, m.FolderId, m.Subject, m.InternetMessageId, m.IsDraft, m.IsRead, m.ReceivedDateTime, mime = Convert.ToBase64String(m.Mime),
            })));
        control.MapPost("/faults", (FaultRule rule, EmulatorControl c) => TypedResults.Ok(new { id = c.InjectFault(rule) }));
        control.MapDelete("/faults", (EmulatorControl c) => { c.ClearFaults(); return TypedResults.NoContent(); });
        control.MapPut("/throttling", (ThrottlingOptions o, EmulatorControl c) => { c.SetThrottling(o); return TypedResults.NoContent(); });
        control.MapPost("/subscriptions/{id}/lifecycle", (string id, LifecycleRequest r, EmulatorControl c) =>
            c.SendLifecycleNotification(id, r.Event) ? Results.NoContent() : Results.NotFound());
        control.MapGet("/requests", (EmulatorControl c) => TypedResults.Ok(c.Requests));
        return app;
    }

    /// <summary>Body is the raw MIME message (message/rfc822 or any content type).</summary>
    private static async Task<Ok<DeliverResponse>> Deliver(HttpContext context, string tenantId, string user, string? folder, EmulatorControl c)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        return TypedResults.Ok(new DeliverResponse(c.Deliver(tenantId, user, buffer.ToArray(), folder ?? "inbox")));
    }

    public sealed record DeliverResponse(string Id);
}
