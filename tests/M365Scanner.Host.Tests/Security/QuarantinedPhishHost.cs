using Hangfire;
using Hangfire.Storage;
using M365Scanner.Core.Operations;
using M365Scanner.Host.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace M365Scanner.Host.Tests.Security;

/// <summary>
/// One host shared by the forgery tests, holding something worth forging a request against: a phishing message in
/// quarantine with its audit entry (what a release would undo). Each test makes its own Hangfire targets.
/// </summary>
public sealed class QuarantinedPhishHost : IAsyncLifetime
{
    private ScannerEnvironment? _env;

    public ScannerEnvironment Env => _env ?? throw new InvalidOperationException("not started");
    public AuditEntry Quarantine { get; private set; } = null!;

    public IHuntStore Hunts => Env.Host.Services.GetRequiredService<IHuntStore>();
    public JobStorage Jobs => Env.Host.Services.GetRequiredService<JobStorage>();

    public async Task InitializeAsync()
    {
        _env = await ScannerEnvironment.StartAsync();
        _env.Deliver(ScannerEnvironment.ExternalPhish("forgery-target@phish.example"));
        await _env.VerdictForAsync("forgery-target@phish.example");
        Quarantine = await Eventually.Until(() => _env.Audit.Query(_env.TenantId).FirstOrDefault(e => e.State == AuditState.Completed), "the quarantine");
    }

    /// <summary>A job that waits an hour in the Scheduled state: something for the dashboard to delete.</summary>
    public string ScheduledJob() =>
        Env.Host.Services.GetRequiredService<IBackgroundJobClient>().Schedule(() => Nothing(), TimeSpan.FromHours(1));

    /// <summary>A recurring job that never fires by itself (Feb 31): only a trigger makes it run.</summary>
    public string RecurringJob()
    {
        var id = $"forgery-target-{Guid.NewGuid():N}";
        Env.Host.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate(id, () => Nothing(), Cron.Never());
        return id;
    }

    public string? JobState(string jobId)
    {
        using var connection = Jobs.GetConnection();
        return connection.GetStateData(jobId)?.Name;
    }

    public string? LastRunOf(string recurringJobId)
    {
        using var connection = Jobs.GetConnection();
        return connection.GetRecurringJobs([recurringJobId]).Single().LastJobId;
    }

    public static void Nothing()
    {
    }

    public async Task DisposeAsync()
    {
        if (_env is not null)
            await _env.DisposeAsync();
    }
}
