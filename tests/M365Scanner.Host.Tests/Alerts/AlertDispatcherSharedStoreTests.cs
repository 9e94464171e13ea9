using M365Scanner.Core.Operations;
using M365Scanner.Host.Alerts;
using M365Scanner.Host.Tests.TestSupport;
using M365Scanner.Storage.Postgres;
using M365Scanner.Storage.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Tests.Alerts;

/// <summary>Several hosts' dispatchers on one PostgreSQL outbox (skipped without a server), sending to a receiver over
/// real HTTP at the same time: the leases keep every alert to one delivery.</summary>
public sealed class AlertDispatcherSharedStoreTests
{
    [SkippableFact]
    public async Task ThreeHostsDispatchingAtOnce_DeliverEachAlertOnce()
    {
        using var schema = PostgresTestSchema.CreateOrSkip();
        await using var receiver = await AlertReceiver.StartAsync();
        var options = Options.Create(new AlertOptions
        {
            BatchSize = 3,
            Webhooks = [new AlertWebhookOptions { Name = "soc", Url = receiver.BaseUrl + "/soc", Secret = "0123456789abcdef" }],
        });
        using (var database = new PostgresDatabase(schema.ConnectionString))
        {
            var outbox = new PostgresAlertOutbox(database);
            for (var i = 0; i < 60; i++)
                outbox.Enqueue(OutboundAlert.New($"alert-{i}", "soc", new MessageKey("t", "m", $"id-{i}@partner.example"), $$"""{"n":{{i}}}""", DateTimeOffset.UtcNow));
        }
        var databases = Enumerable.Range(0, 3).Select(_ => new PostgresDatabase(schema.ConnectionString)).ToList();
        using var services = AlertServices.Build();

        try
        {
            await Task.WhenAll(databases.Select(db => Task.Run(() => Dispatcher(db, options, services).DispatchDueAsync(CancellationToken.None))));

            var received = receiver.At("/soc").Select(r => r.Header(AlertSender.AlertIdHeader)).ToList();
            Assert.Equal(60, received.Count);
            Assert.Equal(60, received.Distinct().Count());
            Assert.Equal(60, new PostgresAlertOutbox(databases[0]).Query(AlertState.Delivered, 100).Count);
        }
        finally
        {
            databases.ForEach(d => d.Dispose());
        }
    }

    private static AlertDispatcher Dispatcher(PostgresDatabase database, IOptions<AlertOptions> options, IHost services) => new(
        new PostgresAlertOutbox(database),
        new AlertSender(services.Services.GetRequiredService<IHttpClientFactory>(), options, TimeProvider.System),
        new AlertRetrySchedule(options, new Random(1)), new AlertSignal(), options, TimeProvider.System, NullLogger<AlertDispatcher>.Instance);
}
