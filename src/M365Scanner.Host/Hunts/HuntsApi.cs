using System.Security.Claims;
using M365Scanner.Core.Operations;
using M365Scanner.Host.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Hunts;

/// <summary>
/// Hunts in the admin API: start an IOC or retro-hunt (admins), list them and read a report (viewers). A hunt runs as
/// a background job; starting one answers 202 with its id at once, and its report fills in as it runs.
/// </summary>
public static class HuntsApi
{
    public const string Path = "/api/admin/hunts";

    public static IEndpointRouteBuilder MapHuntsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Path).RequireAuthorization(AuthorizationPolicies.Viewer);
        api.MapPost("", StartIoc).RequireAuthorization(AuthorizationPolicies.Admin);
        api.MapPost("/retro", StartRetro).RequireAuthorization(AuthorizationPolicies.Admin);
        api.MapGet("", (IHuntStore store, int? limit) => TypedResults.Ok(store.Recent(Math.Clamp(limit ?? 50, 1, 500))));
        api.MapGet("/{id}", Get);
        return app;
    }

    internal static async Task<Results<Accepted<HuntStarted>, ValidationProblem>> StartIoc(
        HttpRequest http, HuntLauncher launcher, IOptions<HuntOptions> options, ClaimsPrincipal user, CancellationToken ct)
    {
        var (request, unreadable) = await HuntRequestBody.ReadAsync<IocHuntRequest>(http, """{"domain":"evil.example"}""", ct);
        if (request is null)
            return Invalid("body", unreadable!);
        var order = HuntOrder.Ioc(request.Domain, request.Url, request.Sender, request.Hours, request.Days, options.Value);
        if (order.Problem is { } problem)
            return Invalid(order.Field!, problem);
        var (indicator, hours) = (order.Indicator!, order.Hours);
        var report = launcher.StartIoc(indicator, request.Tenant, hours, request.Act ?? true, HuntRequester.Person(HuntRequester.ApiSource, user));
        return TypedResults.Accepted($"{Path}/{report.Id}", HuntStarted.Of(report));
    }

    internal static async Task<Results<Accepted<HuntStarted>, ValidationProblem>> StartRetro(
        HttpRequest http, HuntLauncher launcher, IOptions<HuntOptions> options, ClaimsPrincipal user, CancellationToken ct)
    {
        var (request, unreadable) = await HuntRequestBody.ReadAsync<RetroHuntRequest>(http, "{}", ct);
        if (request is null)
            return Invalid("body", unreadable!);
        var order = HuntOrder.Retro(request.Hours, options.Value);
        if (order.Problem is { } problem)
            return Invalid(order.Field!, problem);
        var hours = order.Hours;
        var report = launcher.StartRetro(request.Tenant, hours, request.Act ?? false, HuntRequester.Person(HuntRequester.ApiSource, user));
        return TypedResults.Accepted($"{Path}/{report.Id}", HuntStarted.Of(report));
    }

    internal static Results<Ok<HuntReport>, NotFound> Get(string id, IHuntStore store) =>
        store.Get(id) is { } report ? TypedResults.Ok(report) : TypedResults.NotFound();

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>Body of <c>POST /api/admin/hunts</c>: exactly one indicator; the window in hours or days (default
    /// Scanner:IocHuntDays); the tenant (default every tenant); act (default true; report-only policy never acts).</summary>
    public sealed record IocHuntRequest(string? Domain, string? Url, string? Sender, int? Hours, int? Days, string? Tenant, bool? Act);

    /// <summary>Body of <c>POST /api/admin/hunts/retro</c>: the window in hours (default Scanner:RetroHuntHours); the
    /// tenant (default every tenant); act (default false: re-scoring the past only reports unless asked to act, since
    /// it may touch messages people already read; the scheduled retro-hunt acts).</summary>
    public sealed record RetroHuntRequest(int? Hours, string? Tenant, bool? Act);

    /// <summary>What starting a hunt answers: its id and where its report is.</summary>
    public sealed record HuntStarted(string Id, string Kind, string? Indicator, int WindowHours, bool Act, string Report)
    {
        internal static HuntStarted Of(HuntReport r) => new(r.Id, StableName.Of(r.Kind), r.Indicator, r.WindowHours, r.Act, $"{Path}/{r.Id}");
    }
}
