using System.Diagnostics;
using Hangfire;
using Hangfire.PostgreSql;
using M365Scanner.Core.Operations;
using M365Scanner.GraphEmulator.Control;
using M365Scanner.Host.Jobs;
using M365Scanner.Host.Scanning;
using M365Scanner.Host.Tests.TestSupport;
using M365Scanner.Storage;
using Npgsql;

namespace M365Scanner.Host.Load;

/// <summary>
/// N host processes on one PostgreSQL database (a fresh schema for the stores and one for Hangfire, dropped at the
/// end) behind one webhook URL, against the emulator in this process: the multi-host tests' harness
/// (<see cref="MultiHostEnvironment"/>), without duplicated notifications and with the hosts logging warnings only.
/// </summary>
internal sealed class ProcessLoadEnvironment : ILoadTarget
{
    private readonly MultiHostEnvironment _env;
    private readonly string _server;
    private readonly string _schema;
    private readonly PostgreSqlStorage _jobs;
    private string _phase = "start-up";
    private int _phaseStart;

    private ProcessLoadEnvironment(MultiHostEnvironment env, string server, string schema, PostgreSqlStorage jobs)
    {
        _env = env;
        _server = server;
        _schema = schema;
        _jobs = jobs;
    }

    public EmulatorControl Control => _env.Control;
    public string TenantId => _env.TenantId;
    public IReadOnlyList<string> Mailboxes => _env.Mailboxes;
    public IVerdictStore Verdicts => _env.Stores.Verdicts;
    public IAuditLog Audit => _env.Stores.Audit;
    public JobStorage Jobs => _jobs;
    public IReadOnlyList<HostProcess> Hosts => _env.Hosts;

    public static async Task<ProcessLoadEnvironment> StartAsync(LoadSettings settings)
    {
        var schema = "load_" + Guid.NewGuid().ToString("N")[..12];
        var jobSchema = schema + "_jobs";
        await ExecuteAsync(settings.Postgres!, $"CREATE SCHEMA {schema};");
        var connectionString = new NpgsqlConnectionStringBuilder(settings.Postgres) { SearchPath = schema }.ToString();
        var storage = SharedStorage.Postgres(connectionString, jobSchema, TimeSpan.FromMinutes(1));
        var env = await MultiHostEnvironment.StartAsync(settings.Hosts, settings.Mailboxes, storage, new Dictionary<string, string?>
        {
            ["Logging:LogLevel:M365Scanner"] = "Warning",
            ["Logging:LogLevel:M365Scanner.Host.Jobs.ScanMessageJob"] = "Warning",
        });
        var options = PostgresJobStorage.Options(new StorageOptions { JobSchema = jobSchema });
        var jobs = new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(connectionString, options), options);
        var environment = new ProcessLoadEnvironment(env, settings.Postgres!, schema, jobs);
        await environment.WaitUntilIdleAsync();
        return environment;
    }

    /// <summary>No start-up job (baselines, subscriptions, catch-ups) left in any host.</summary>
    private async Task WaitUntilIdleAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (((ILoadTarget)this).PendingJobs() > 0)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Start-up jobs still pending after 120 s. {_env.Diagnostics()}");
            await Task.Delay(200);
        }
    }

    public void BeginPhase(string phase)
    {
        _phase = phase;
        _phaseStart = _env.Proxy.NotificationTimes.Count;
    }

    public IReadOnlyList<(double Millis, int Status)> NotificationTimes(string phase) =>
        phase == _phase ? _env.Proxy.NotificationTimes.Skip(_phaseStart).ToList() : [];

    public TimeSpan ProcessorTime() =>
        Process.GetCurrentProcess().TotalProcessorTime + _env.Hosts.Where(h => !h.HasExited).Aggregate(TimeSpan.Zero, (sum, h) => sum + h.ProcessorTime);

    public string Describe() => $"{Hosts.Count} host process(es) behind {_env.Proxy.Url}: " +
                                string.Join(", ", _env.Proxy.Forwarded.Select(f => $"{f.Key} ×{f.Value}"));

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _env.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_server, $"DROP SCHEMA IF EXISTS {_schema} CASCADE; DROP SCHEMA IF EXISTS {_schema}_jobs CASCADE;");
    }
}
