using System.Security.Claims;
using Azure.Identity;
using Hangfire;
using M365Scanner.Core.Onboarding;
using M365Scanner.Core.Operations;
using M365Scanner.Graph;
using M365Scanner.Host.Jobs;
using M365Scanner.Host.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using static M365Scanner.Host.Onboarding.OnboardingPages;

namespace M365Scanner.Host.Onboarding;

/// <summary>
/// Admin consent of the multi-tenant app: <c>GET /onboard</c> asks which organization is signing up (tenant id or
/// verified domain) and sends the admin to that tenant's admin-consent page with a one-time state bound to the tenant
/// and to this browser; <c>GET /onboard/callback</c> checks the state, shows a refusal plainly, and on consent
/// verifies it with an app token issued for the tenant asked before recording anything, then queues the onboarding.
/// Both are anonymous: the admin proves who they are to Entra ID, not to us, which is why nothing in the callback's
/// query string is believed without the token. The admin API's tenant routes are here too.
/// </summary>
public static class OnboardingApi
{
    public const string StartPath = "/onboard";
    public const string CallbackPath = "/onboard/callback";

    /// <summary>Who a consent callback's change is recorded as: the tenant's administrator consented at Microsoft, and
    /// the callback is anonymous, so no person's name is known here.</summary>
    public const string ConsentActor = "admin consent";

    public static IEndpointRouteBuilder MapOnboardingApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(StartPath, Start).AllowAnonymous();
        app.MapGet(CallbackPath, CallbackAsync).AllowAnonymous();
        return app;
    }

    /// <summary>Without <paramref name="tenant"/>, the page asking for it; with it, the redirect to its admin-consent
    /// page. Stores nothing: the state is signed, not remembered.</summary>
    internal static IResult Start(HttpContext context, ConsentStates states, IOptions<OnboardingOptions> options,
        IOptions<GraphOptions> graph, IOptions<ScannerHostOptions> host, string? tenant)
    {
        var onboarding = options.Value;
        if (!onboarding.Enabled)
            return Page(context, StatusCodes.Status404NotFound, "Onboarding is not set up",
                "<p>This installation has no multi-tenant app configured (Onboarding:ClientId), so organizations cannot be added by consent.</p>");
        if (tenant is null)
            return Page(context, StatusCodes.Status200OK, "Protect your organization", TenantForm(""));
        if (!ConsentTenant.TryNormalize(tenant, out var asked))
            return Page(context, StatusCodes.Status400BadRequest, "Protect your organization",
                "<p><strong>That is neither a tenant ID nor a domain name.</strong></p>" + TenantForm(tenant));
        var (state, nonce) = states.Start(asked);
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
            onboarding.RedirectUriFor(host.Value.PublicBaseUrl), state, asked);
        return TypedResults.Redirect(url.ToString());
    }

    /// <summary>The consent's answer. Nothing is recorded unless an app token issued for the tenant the flow was
    /// started for names the tenant the answer names; and the callback never changes a tenant that is active
    /// (nothing to do) or offboarded (re-admission is an admin's action: <see cref="Readmit"/>).</summary>
    internal static async Task<IResult> CallbackAsync(HttpContext context, ConsentStates states, ITenantStore tenants,
        ConsentVerifier verifier, IBackgroundJobClient jobs, TimeProvider clock, ILoggerFactory logs, CancellationToken ct,
        string? state, string? admin_consent, string? tenant, string? error, string? error_description)
    {
        var log = logs.CreateLogger(typeof(OnboardingApi));
        var check = states.Redeem(state, context.Request.Cookies[ConsentStates.CookieName], out var asked);
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

        var tenantId = tenantGuid.ToString("D");
        if (ConsentTenant.IsTenantId(asked) && asked != tenantId)
            return OtherOrganization(context, log, asked, tenantId);

        ConsentGrant grant;
        try
        {
            grant = await verifier.GrantAsync(asked, ct);
        }
        catch (AuthenticationFailedException e)
        {
            log.LogWarning(e, "No app token for consenting tenant {Tenant}; nothing recorded", asked);
            return Page(context, StatusCodes.Status502BadGateway, "Consent could not be verified",
                $"<p>Microsoft did not give M365Scanner a token for your organization (<code>{Encode(asked)}</code>):</p><p><code>{Encode(e.Message)}</code></p>" +
                "<p>Nothing was recorded and protection has not started.</p>");
        }
        if (grant.TenantId != tenantId)
            return OtherOrganization(context, log, asked, tenantId);

        var known = tenants.Get(tenantId);
        if (known?.State == TenantState.Offboarded)
        {
            log.LogWarning("Consent callback for offboarded tenant {Tenant} refused: re-admission is an admin's action", tenantId);
            return Page(context, StatusCodes.Status409Conflict, "Your organization needs to be re-admitted",
                $"<p>Protection of your organization (<code>{Encode(tenantId)}</code>) was stopped by the administrators of this M365Scanner installation. " +
                "Consent alone does not start it again: ask them to re-admit your organization.</p><p>Nothing was changed.</p>");
        }
        if (known?.State == TenantState.Active)
        {
            log.LogInformation("Consent callback for tenant {Tenant}, already active; nothing changed", tenantId);
            return Page(context, StatusCodes.Status200OK, "Your organization is already protected",
                $"<p>Consent for your organization (<code>{Encode(tenantId)}</code>) is verified. Nothing else to do.</p>");
        }

        var record = new TenantRecord(tenantId, TenantState.Onboarding, clock.GetUtcNow(), grant.Roles, null) { ChangedBy = ConsentActor };
        var missing = ConsentVerifier.RequiredRoles.Where(r => !grant.Roles.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
        {
            // The token proves the app is consented in this organization, so the row names a real customer; it says
            // what is missing for the operator (GET /api/admin/tenants).
            var problem = $"Missing application permission(s): {string.Join(", ", missing)}";
            log.LogWarning("Tenant {Tenant} consented without {Missing}", tenantId, string.Join(", ", missing));
            tenants.Save(record with { State = TenantState.ConsentFailed, Problem = problem });
            return Page(context, StatusCodes.Status403Forbidden, "A permission is missing",
                $"<p>Your organization (<code>{Encode(tenantId)}</code>) granted M365Scanner: <strong>{Encode(grant.Roles.Count == 0 ? "nothing" : string.Join(", ", grant.Roles))}</strong>.</p>" +
                $"<p>It also needs: <strong>{Encode(string.Join(", ", missing))}</strong>. Protection has not started.</p>" +
                "<p>Check the app registration's API permissions (see ONBOARDING.md), then <a href=\"" + StartPath + "\">consent again</a>. " +
                "A permission granted moments ago can take a few minutes to appear.</p>");
        }

        tenants.Save(record);
        jobs.Enqueue<OnboardingJobs>(JobQueues.Maintenance, j => j.OnboardAsync(tenantId, CancellationToken.None));
        log.LogInformation("Tenant {Tenant} consented with {Roles}", tenantId, string.Join(", ", grant.Roles));
        return Page(context, StatusCodes.Status200OK, "Protection is starting",
            $"<p>Thank you. Consent for your organization (<code>{Encode(tenantId)}</code>) is recorded and verified.</p>" +
            "<p>M365Scanner is now finding your mailboxes, subscribing to new mail and learning each mailbox's recent history. New mail is protected from the first minutes; the history takes longer.</p>");
    }

    private static IResult OtherOrganization(HttpContext context, ILogger log, string asked, string answered)
    {
        log.LogWarning("Refused a consent callback for tenant {Answered}: the sign-up was started for {Asked}", answered, asked);
        return Page(context, StatusCodes.Status400BadRequest, "The consent is for another organization",
            $"<p>This sign-up was started for <code>{Encode(asked)}</code>, and the answer names another organization. Nothing was recorded.</p>" +
            $"<p><a href=\"{StartPath}\">Start again</a> with your own organization's tenant ID or domain.</p>");
    }

    private static string TenantForm(string value) =>
        $"""
        <p>An administrator of your Microsoft 365 organization grants M365Scanner access at Microsoft. Which organization is it?</p>
        <form method="get" action="{StartPath}">
        <p><label>Tenant ID or a verified domain (e.g. <code>contoso.com</code>)<br>
        <input name="tenant" value="{Encode(value)}" required maxlength="253" size="40" autocomplete="off" spellcheck="false"></label></p>
        <p><button type="submit">Continue to Microsoft</button></p>
        </form>
        """;

    /// <summary>GET /api/admin/tenants: the onboarded tenants and their state.</summary>
    internal static Ok<IReadOnlyList<TenantRecord>> ListTenants(ITenantStore tenants) => TypedResults.Ok(tenants.All());

    /// <summary>POST /api/admin/tenants/{tenantId}/offboard: records who asked, then queues the offboarding (whose
    /// last step, the "offboarded" state, keeps that name).</summary>
    internal static Results<Accepted<TenantRecord>, NotFound<string>> Offboard(string tenantId, ITenantStore tenants, IBackgroundJobClient jobs,
        ClaimsPrincipal user, ILoggerFactory logs)
    {
        if (tenants.Get(tenantId) is not { } known)
            return TypedResults.NotFound($"Tenant {tenantId} was never onboarded.");
        var tenant = known with { ChangedBy = ActorNames.Of(user) };
        tenants.Save(tenant);
        logs.CreateLogger(typeof(OnboardingApi)).LogInformation("Offboarding of tenant {Tenant} asked by {Actor}", tenant.TenantId, tenant.ChangedBy);
        jobs.Enqueue<OnboardingJobs>(JobQueues.Maintenance, j => j.OffboardAsync(tenant.TenantId, CancellationToken.None));
        return TypedResults.Accepted((string?)null, tenant);
    }

    /// <summary>POST /api/admin/tenants/{tenantId}/readmit: an offboarded tenant protected again, the admin's decision
    /// (a consent callback never reactivates one). Its consent must still be in place at Microsoft: an app token with
    /// the required roles is asked for first, and without it nothing changes.</summary>
    internal static async Task<Results<Accepted<TenantRecord>, NotFound<string>, Conflict<string>>> Readmit(
        string tenantId, ITenantStore tenants, ConsentVerifier verifier, IBackgroundJobClient jobs, ClaimsPrincipal user, ILoggerFactory logs,
        CancellationToken ct)
    {
        if (tenants.Get(tenantId) is not { } tenant)
            return TypedResults.NotFound($"Tenant {tenantId} was never onboarded.");
        if (tenant.State != TenantState.Offboarded)
            return TypedResults.Conflict($"Tenant {tenant.TenantId} is {StableName.Of(tenant.State)}, not offboarded: there is nothing to re-admit.");
        ConsentGrant grant;
        try
        {
            grant = await verifier.GrantAsync(tenant.TenantId, ct);
        }
        catch (AuthenticationFailedException e)
        {
            return TypedResults.Conflict($"No app token for tenant {tenant.TenantId} ({e.Message}): an administrator of the organization must consent again at {StartPath} first.");
        }
        var missing = ConsentVerifier.RequiredRoles.Where(r => !grant.Roles.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        if (grant.TenantId != tenant.TenantId || missing.Count > 0)
            return TypedResults.Conflict($"The consent of tenant {tenant.TenantId} lacks {string.Join(", ", missing.DefaultIfEmpty("its tenant id"))}: an administrator of the organization must consent again at {StartPath} first.");
        var readmitted = tenant with { State = TenantState.Onboarding, GrantedRoles = grant.Roles, Problem = null, ChangedBy = ActorNames.Of(user) };
        tenants.Save(readmitted);
        jobs.Enqueue<OnboardingJobs>(JobQueues.Maintenance, j => j.OnboardAsync(readmitted.TenantId, CancellationToken.None));
        logs.CreateLogger(typeof(OnboardingApi)).LogInformation("Tenant {Tenant} re-admitted by {Actor}", readmitted.TenantId, readmitted.ChangedBy);
        return TypedResults.Accepted((string?)null, readmitted);
    }
}
