using Azure.Identity;
using Hangfire;
using M365Scanner.Core.Onboarding;
using M365Scanner.Core.Operations;
using M365Scanner.Graph;
using M365Scanner.Host.Jobs;
using M365Scanner.Host.Onboarding;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using static M365Scanner.Host.Onboarding.OnboardingPages;

namespace M365Scanner.Host.Apis;

/// <summary>
/// Admin consent of the multi-tenant app: <c>GET /onboard</c> sends the admin to Entra ID's admin-consent page with
/// a one-time state bound to this browser; <c>GET /onboard/callback</c> checks the state, shows a refusal plainly,
/// and on consent records the tenant, verifies the granted roles with an app token and queues its onboarding. Both
/// are anonymous: the admin proves who they are to Entra ID, not to us. The admin API's tenant routes are here too.
/// </summary>
public static class OnboardingApi
{
    public const string StartPath = "/onboard";
    public const string CallbackPath = "/onboard/callback";

    public static IEndpointRouteBuilder MapOnboardingApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(StartPath, Start).AllowAnonymous();
        app.MapGet(CallbackPath, CallbackAsync).AllowAnonymous();
        return app;
    }

    internal static IResult Start(HttpContext context, ConsentStates states, IOptions<OnboardingOptions> options,
        IOptions<GraphOptions> graph, IOptions<ScannerHostOptions> host)
    {
        var onboarding = options.Value;
        if (!onboarding.Enabled)
            return Page(context, StatusCodes.Status404NotFound, "Onboarding is not set up",
                "<p>This installation has no multi-tenant app configured (Onboarding:ClientId), so organizations cannot be added by consent.</p>");
        var (state, nonce) = states.Start();
        context.Response.Cookies.Append(ConsentStates.CookieName, nonce, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax, // sent on Entra ID's top-level redirect back to us, not on cross-site posts
            Secure = context.Request.IsHttps,
            Path = StartPath,
            MaxAge = onboarding.StateLifetime,
            IsEssential = true,
        });
        context.Response.Headers.CacheControl = "no-store";
        var url = AdminConsentUrl.Build(new Uri(graph.Value.AuthorityHost), onboarding.ClientId!,
            onboarding.RedirectUriFor(host.Value.PublicBaseUrl), state);
        return TypedResults.Redirect(url.ToString());
    }

    internal static async Task<IResult> CallbackAsync(HttpContext context, ConsentStates states, ITenantStore tenants,
        ConsentVerifier verifier, IBackgroundJobClient jobs, TimeProvider clock, ILoggerFactory logs, CancellationToken ct,
        string? state, string? admin_consent, string? tenant, string? error, string? error_description)
    {
        var log = logs.CreateLogger(typeof(OnboardingApi));
        var check = states.Redeem(state, context.Request.Cookies[ConsentStates.CookieName]);
        context.Response.Cookies.Delete(ConsentStates.CookieName, new CookieOptions { Path = StartPath });
        if (check != ConsentStateCheck.Valid)
        {
            log.LogWarning("Refused a consent callback: state {Check}", check);
            var why = check switch
            {
                ConsentStateCheck.Expired => "The sign-up link expired before Microsoft sent you back.",
                ConsentStateCheck.WrongBrowser => "The sign-up was started in another browser (or its cookie was removed).",
                _ => "The sign-up link is unknown or was already used.",
            };
            return Page(context, StatusCodes.Status400BadRequest, "This sign-up link is not valid",
                $"<p>{Encode(why)} Nothing was recorded.</p><p><a href=\"{StartPath}\">Start again</a> from this browser.</p>");
        }

        if (!string.IsNullOrEmpty(error))
        {
            log.LogInformation("Admin consent refused: {Error}", error);
            return Page(context, StatusCodes.Status200OK, "Consent was not granted",
                $"<p>Microsoft answered: <strong>{Encode(error)}</strong></p>" +
                (string.IsNullOrEmpty(error_description) ? "" : $"<p><code>{Encode(error_description)}</code></p>") +
                $"<p>Nothing was recorded and M365Scanner has no access to your organization. An administrator of your organization can <a href=\"{StartPath}\">start again</a>.</p>");
        }

        if (!string.Equals(admin_consent, "True", StringComparison.OrdinalIgnoreCase) || !Guid.TryParse(tenant, out var tenantGuid))
            return Page(context, StatusCodes.Status400BadRequest, "The answer from Microsoft is incomplete",
                "<p>It did not say that consent was granted, or for which organization. Nothing was recorded.</p>");

        var tenantId = tenantGuid.ToString();
        var known = tenants.Get(tenantId);
        var record = new TenantRecord(tenantId, known?.State == TenantStates.Active ? TenantStates.Active : TenantStates.Onboarding,
            clock.GetUtcNow(), known?.GrantedRoles ?? [], null);
        tenants.Save(record);

        IReadOnlyList<string> roles;
        try
        {
            roles = await verifier.GrantedRolesAsync(tenantId, ct);
        }
        catch (AuthenticationFailedException e)
        {
            log.LogWarning(e, "No app token for consenting tenant {Tenant}", tenantId);
            tenants.Save(record with { State = TenantStates.ConsentFailed, Problem = $"No app token for the tenant: {e.Message}" });
            return Page(context, StatusCodes.Status502BadGateway, "Consent could not be verified",
                $"<p>Microsoft did not give M365Scanner a token for your organization (<code>{Encode(tenantId)}</code>):</p><p><code>{Encode(e.Message)}</code></p>" +
                "<p>Protection has not started.</p>");
        }

        var missing = ConsentVerifier.RequiredRoles.Where(r => !roles.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
        {
            var problem = $"Missing application permission(s): {string.Join(", ", missing)}";
            log.LogWarning("Tenant {Tenant} consented without {Missing}", tenantId, string.Join(", ", missing));
            tenants.Save(record with { State = TenantStates.ConsentFailed, GrantedRoles = roles, Problem = problem });
            return Page(context, StatusCodes.Status403Forbidden, "A permission is missing",
                $"<p>Your organization (<code>{Encode(tenantId)}</code>) granted M365Scanner: <strong>{Encode(roles.Count == 0 ? "nothing" : string.Join(", ", roles))}</strong>.</p>" +
                $"<p>It also needs: <strong>{Encode(string.Join(", ", missing))}</strong>. Protection has not started.</p>" +
                "<p>Check the app registration's API permissions (see ONBOARDING.md), then <a href=\"" + StartPath + "\">consent again</a>. " +
                "A permission granted moments ago can take a few minutes to appear.</p>");
        }

        var alreadyActive = record.State == TenantStates.Active;
        tenants.Save(record with { GrantedRoles = roles });
        if (!alreadyActive)
            jobs.Enqueue<OnboardingJobs>(JobQueues.Maintenance, j => j.OnboardAsync(tenantId, CancellationToken.None));
        log.LogInformation("Tenant {Tenant} consented with {Roles}", tenantId, string.Join(", ", roles));
        return Page(context, StatusCodes.Status200OK, alreadyActive ? "Your organization is already protected" : "Protection is starting",
            $"<p>Thank you. Consent for your organization (<code>{Encode(tenantId)}</code>) is recorded and verified.</p>" +
            (alreadyActive ? "<p>Nothing else to do.</p>"
                : "<p>M365Scanner is now finding your mailboxes, subscribing to new mail and learning each mailbox's recent history. New mail is protected from the first minutes; the history takes longer.</p>"));
    }

    /// <summary>GET /api/admin/tenants: the onboarded tenants and their state.</summary>
    internal static Ok<IReadOnlyList<TenantRecord>> ListTenants(ITenantStore tenants) => TypedResults.Ok(tenants.All());

    /// <summary>POST /api/admin/tenants/{tenantId}/offboard: queues the offboarding.</summary>
    internal static Results<Accepted<TenantRecord>, NotFound<string>> Offboard(string tenantId, ITenantStore tenants, IBackgroundJobClient jobs)
    {
        if (tenants.Get(tenantId) is not { } tenant)
            return TypedResults.NotFound($"Tenant {tenantId} was never onboarded.");
        jobs.Enqueue<OnboardingJobs>(JobQueues.Maintenance, j => j.OffboardAsync(tenant.TenantId, CancellationToken.None));
        return TypedResults.Accepted((string?)null, tenant);
    }
}
