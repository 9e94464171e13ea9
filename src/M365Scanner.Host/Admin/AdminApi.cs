using System.Security.Claims;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Host.Onboarding;
using M365Scanner.Host.Scanning;
using M365Scanner.Host.Security;
using M365Scanner.Host.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace M365Scanner.Host.Admin;

/// <summary>The admin API (JSON): verdicts, the audit log and poison messages for viewers, release for admins.</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin").RequireAuthorization(AuthorizationPolicies.Viewer);
        api.MapGet("/verdicts", ListVerdicts);
        api.MapGet("/audit", (IAuditLog audit, string? tenant, string? mailbox, DateTimeOffset? since, int? limit, string? actor, string? hunt) =>
            TypedResults.Ok(audit.Query(tenant, mailbox, since, Math.Clamp(limit ?? 100, 1, 1000), actor, hunt)));
        api.MapGet("/poison", (IScanAttemptStore attempts, string? tenant, string? mailbox, int? limit) =>
            TypedResults.Ok(attempts.QueryPoison(new PoisonQuery(tenant, mailbox, Math.Clamp(limit ?? 100, 1, 1000)))
                .Select(PoisonListing.From).ToList()));
        api.MapPost("/release/{auditId:long}", Release).RequireAuthorization(AuthorizationPolicies.Admin);
        api.MapGet("/tenants", OnboardingApi.ListTenants);
        api.MapPost("/tenants/{tenantId}/offboard", OnboardingApi.Offboard).RequireAuthorization(AuthorizationPolicies.Admin);
        api.MapPost("/tenants/{tenantId}/readmit", OnboardingApi.Readmit).RequireAuthorization(AuthorizationPolicies.Admin);
        api.MapGet("/tenants/{tenantId}/policy", PolicyApi.Get);
        api.MapPut("/tenants/{tenantId}/policy", PolicyApi.Put).RequireAuthorization(AuthorizationPolicies.Admin);
        api.MapGet("/tenants/{tenantId}/policy/entries", PolicyApi.ListEntries);
        api.MapPost("/tenants/{tenantId}/policy/entries", PolicyApi.AddEntry).RequireAuthorization(AuthorizationPolicies.Admin);
        api.MapDelete("/tenants/{tenantId}/policy/entries/{entryId}", PolicyApi.RemoveEntry).RequireAuthorization(AuthorizationPolicies.Admin);
        return app;
    }

    /// <summary>The verdicts, filtered; <paramref name="action"/> is a stored name ("allow", "rewrite", "quarantine"),
    /// and any other value matches nothing, as it always has. The search filters read as the console's
    /// (<see cref="VerdictSearchTerms"/>): <paramref name="sender"/> an address or a domain, <paramref name="subject"/>
    /// contained, <paramref name="messageId"/> with or without angle brackets, <paramref name="linkDomain"/> a host whose
    /// registrable domain the links have, <paramref name="until"/> exclusive. One that cannot be read is a 400.</summary>
    internal static Results<Ok<IReadOnlyList<VerdictRecord>>, BadRequest<string>> ListVerdicts(
        IVerdictStore verdicts, string? tenant, string? mailbox, string? action, DateTimeOffset? since, int? limit,
        string? sender = null, string? subject = null, string? messageId = null, string? linkDomain = null, DateTimeOffset? until = null)
    {
        MessageAction? parsed = null;
        if (action is not null)
        {
            if (!StableName.TryParse<MessageAction>(action, out var known))
                return TypedResults.Ok<IReadOnlyList<VerdictRecord>>([]);
            parsed = known;
        }
        VerdictQuery query;
        try
        {
            query = new VerdictQuery(tenant, mailbox, parsed, since, Math.Clamp(limit ?? 100, 1, 1000),
                VerdictSearchTerms.Sender(sender), VerdictSearchTerms.Subject(subject), VerdictSearchTerms.MessageId(messageId),
                VerdictSearchTerms.LinkDomain(linkDomain), until);
        }
        catch (FormatException ex)
        {
            return TypedResults.BadRequest(ex.Message);
        }
        return TypedResults.Ok(verdicts.Query(query));
    }

    /// <summary>404 when no audit entry has the id (a typo, another host's database), 409 with the reason when the
    /// entry exists but is not a completed rewrite or quarantine.</summary>
    internal static async Task<Results<Ok<ReleaseResult>, NotFound<string>, Conflict<string>>> Release(
        long auditId, MessageActions actions, IAuditLog audit, ClaimsPrincipal user, CancellationToken ct)
    {
        if (audit.Get(auditId) is null)
            return TypedResults.NotFound($"no audit entry {auditId}: GET /api/admin/audit lists them");
        try
        {
            var releaseId = await actions.ReleaseAsync(auditId, ActorNames.Of(user), ct);
            return TypedResults.Ok(new ReleaseResult(auditId, releaseId));
        }
        catch (InvalidOperationException ex)
        {
            return TypedResults.Conflict(ex.Message);
        }
    }

    public sealed record ReleaseResult(long Released, long ReleaseEntry);
}
