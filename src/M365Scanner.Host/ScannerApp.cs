using M365Scanner.Host.Admin;
using M365Scanner.Host.Alerts;
using M365Scanner.Host.AnalystConsole;
using M365Scanner.Host.BlockedLinks;
using M365Scanner.Host.Exports;
using M365Scanner.Host.Health;
using M365Scanner.Host.Hunts;
using M365Scanner.Host.Mailboxes.Graph;
using M365Scanner.Host.Onboarding;
using M365Scanner.Host.Reference;
using M365Scanner.Host.Reporting;
using M365Scanner.Host.Scanning;
using M365Scanner.Host.Security;
using M365Scanner.Host.Telemetry;
using M365Scanner.Host.Workers;
using M365Scanner.Storage;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host;

/// <summary>Builds the host: one registration per project, then the endpoints. Tests and the demo call it with their
/// own configuration on top of appsettings.json.</summary>
public static class ScannerApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddRepositorySettings();
        configure?.Invoke(builder);
        builder.AddScannerHost();
        builder.AddScannerCore();
        builder.Services.AddScannerStorage(builder.Configuration, sp => sp.GetRequiredService<IOptions<ScannerHostOptions>>().Value.DataDirectory);
        builder.Services.AddScannerDataProtection();
        builder.AddScannerGraph();
        builder.AddScannerJobs();
        builder.AddScannerOnboarding();
        builder.AddScannerHunts();
        builder.AddScannerAlerts();
        builder.AddScannerReporting();
        builder.AddScannerReferenceData();
        builder.AddScannerHealth();
        builder.AddScannerTelemetry();
        builder.AddScannerConsole();

        var app = builder.Build();
        app.UseScannerRequestGuards();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGraphNotificationsApi();
        app.MapBlockedLinkPage();
        app.MapAdminApi();
        app.MapHuntsApi();
        app.MapAlertsApi();
        app.MapExportApi();
        app.MapScannerDashboard();
        app.MapScannerConsole();
        app.MapOnboardingApi();
        app.MapScannerHealth();
        return app;
    }
}
