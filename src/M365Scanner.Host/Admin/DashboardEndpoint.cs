using Hangfire;
using Hangfire.Dashboard;
using M365Scanner.Host.Security;

namespace M365Scanner.Host.Admin;

/// <summary>The Hangfire dashboard at /hangfire: viewers see it read-only, admins may act on jobs. Authentication is
/// the API-key scheme, not Hangfire's default "local requests only".</summary>
public static class DashboardEndpoint
{
    public const string Path = "/hangfire";

    public static IEndpointRouteBuilder MapScannerDashboard(this IEndpointRouteBuilder app)
    {
        app.MapHangfireDashboardWithAuthorizationPolicy(AuthorizationPolicies.Viewer, Path, new DashboardOptions
        {
            DashboardTitle = "M365Scanner jobs",
            // Authorization is the endpoint policy; Hangfire's own filter would otherwise reject remote requests.
            Authorization = [],
            IsReadOnlyFunc = context => !context.GetHttpContext().User.IsInRole("Admin"),
        });
        return app;
    }
}
